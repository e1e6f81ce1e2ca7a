namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>An alert stayed Pending after a transient failure: fails the invocation so the queue retries it.</summary>
public sealed class TransientSendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransientSendException()
    {
    }

    /// <summary>Creates the exception with a message (ids only, never personal data).</summary>
    public TransientSendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TransientSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
