namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Thrown by request parsing and handlers to answer with <see cref="Problem"/>; <see cref="ApiEndpoint"/> turns it into
/// the HTTP response. The message is the problem's detail, so it carries no personal data either.
/// </summary>
public sealed class ApiProblemException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/>.</summary>
    public ApiProblemException(ApiProblem problem)
        : base((problem ?? throw new ArgumentNullException(nameof(problem))).Detail)
    {
        Problem = problem;
    }

    /// <summary>Creates a 400 exception (required by the exception pattern).</summary>
    public ApiProblemException(string message)
        : this(ApiProblem.BadRequest(message))
    {
    }

    /// <summary>Creates a 400 exception with a cause (required by the exception pattern).</summary>
    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = ApiProblem.BadRequest(message);
    }

    /// <summary>Creates a 400 exception with a generic detail (required by the exception pattern).</summary>
    public ApiProblemException()
        : this(ApiProblem.BadRequest("The request is not valid."))
    {
    }

    /// <summary>The answer.</summary>
    public ApiProblem Problem { get; }
}
