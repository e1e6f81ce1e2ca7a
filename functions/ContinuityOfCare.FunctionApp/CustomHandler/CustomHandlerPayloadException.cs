namespace ContinuityOfCare.FunctionApp.CustomHandler;

/// <summary>The Functions host sent a payload this app cannot decode (answered with 400 and a JSON body).</summary>
public sealed class CustomHandlerPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CustomHandlerPayloadException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public CustomHandlerPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and cause.</summary>
    public CustomHandlerPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
