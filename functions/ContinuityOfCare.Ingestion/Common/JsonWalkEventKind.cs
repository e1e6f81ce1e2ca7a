namespace ContinuityOfCare.Ingestion.Common;

/// <summary>Kinds of <see cref="JsonWalkEvent"/>.</summary>
internal enum JsonWalkEventKind
{
    /// <summary>A whole value the client asked for.</summary>
    Element,

    /// <summary>A scalar the client asked for.</summary>
    Scalar,

    /// <summary>The input ended after a complete JSON value.</summary>
    End,

    /// <summary>The JSON is malformed or ends early; nothing more can be read.</summary>
    Malformed,

    /// <summary>The input is empty (no JSON value at all).</summary>
    Empty,
}
