namespace ContinuityOfCare.Core.Obligations;

/// <summary>An obligation was asked to move between states the lifecycle does not allow (e.g. fulfil a cancelled one).</summary>
public sealed class InvalidObligationTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for the move <paramref name="from"/> → <paramref name="to"/>.</summary>
    public InvalidObligationTransitionException(ObligationState from, ObligationState to)
        : base($"An obligation cannot move from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    /// <summary>Creates the exception with a message only (required by the exception pattern).</summary>
    public InvalidObligationTransitionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause (required by the exception pattern).</summary>
    public InvalidObligationTransitionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public InvalidObligationTransitionException()
    {
    }

    /// <summary>The state the obligation was in.</summary>
    public ObligationState From { get; }

    /// <summary>The state it was asked to move to.</summary>
    public ObligationState To { get; }
}
