namespace ContinuityOfCare.Core.Obligations;

/// <summary>The obligation configuration is not usable; <see cref="Exception.Message"/> lists every problem.</summary>
public sealed class ObligationOptionsException : Exception
{
    /// <summary>Creates the exception from the problems <see cref="ObligationOptions.Validate"/> found.</summary>
    public ObligationOptionsException(IReadOnlyList<string> errors)
        : base("The obligation configuration is invalid: " + string.Join(" ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a message only (required by the exception pattern).</summary>
    public ObligationOptionsException(string message) : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and cause (required by the exception pattern).</summary>
    public ObligationOptionsException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public ObligationOptionsException()
    {
        Errors = [];
    }

    /// <summary>Each problem, one sentence naming its configuration key.</summary>
    public IReadOnlyList<string> Errors { get; }
}
