namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>The acknowledgement configuration is not usable; <see cref="Exception.Message"/> lists every problem (never a secret).</summary>
public sealed class AcknowledgementOptionsException : Exception
{
    /// <summary>Creates the exception from the problems <see cref="AcknowledgementOptions.Validate"/> found.</summary>
    public AcknowledgementOptionsException(IReadOnlyList<string> errors)
        : base("The acknowledgement configuration is invalid: " + string.Join(" ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a message only (required by the exception pattern).</summary>
    public AcknowledgementOptionsException(string message) : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and cause (required by the exception pattern).</summary>
    public AcknowledgementOptionsException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public AcknowledgementOptionsException()
    {
        Errors = [];
    }

    /// <summary>Each problem, one sentence naming its configuration key.</summary>
    public IReadOnlyList<string> Errors { get; }
}
