namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>possibleMatches[].weightParts[]</c>: a field, its agreement level and its term in bits.</summary>
internal sealed record WeightPartDocument(string Field, string Level, double Weight);
