namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>One hostile input: what was done to the valid file, and the bytes.</summary>
internal sealed record HostileCase(string Kind, byte[] Bytes)
{
    public override string ToString() => $"{Kind} ({Bytes.Length} bytes)";
}
