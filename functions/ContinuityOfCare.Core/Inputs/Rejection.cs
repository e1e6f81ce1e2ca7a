namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// A record (or a whole file, when <see cref="SourceRef.Line"/> and <see cref="SourceRef.JsonPath"/> are null)
/// that could not be used, with the reason. Reasons never quote personal data.
/// </summary>
/// <param name="Where">Where the record is.</param>
/// <param name="Reason">Why it was rejected, e.g. "date_of_birth is not a date (YYYY-MM-DD)".</param>
/// <param name="IsWarning">True for problems that did not stop the record being used (e.g. an invalid PNC ignored).</param>
public sealed record Rejection(SourceRef Where, string Reason, bool IsWarning = false);
