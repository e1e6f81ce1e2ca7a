namespace ContinuityOfCare.Ingestion.Common;

/// <summary>What a <see cref="JsonStreamWalker"/> client wants from the value at a path.</summary>
internal enum JsonInterest
{
    /// <summary>Walk through it.</summary>
    None,

    /// <summary>Have the client's <see cref="JsonElementReader"/> read the whole value (object, array or scalar).</summary>
    Element,

    /// <summary>Hand over a scalar's text (ignored when the value is an object or array).</summary>
    Scalar,
}
