using ContinuityOfCare.Core.Acknowledgements;
using NodaTime;

namespace ContinuityOfCare.Core.Tests.Acknowledgements;

/// <summary>Fixed test keys (not secrets: test data only) and a ring/signer built from them.</summary>
internal static class AcknowledgementTestKeys
{
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 24, 16, 0);

    public static readonly Duration FourteenDays = Duration.FromDays(14);

    public static byte[] Secret(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    public static AcknowledgementKey Key(string id, byte fill) => new(id, Secret(fill));

    public static string Base64Secret(byte fill) => Convert.ToBase64String(Secret(fill));

    public static AcknowledgementTokens Tokens(string current = "k1", params (string Id, byte Fill)[] keys)
    {
        var list = keys.Length == 0 ? [("k1", (byte)1)] : keys;
        return new AcknowledgementTokens(
            new AcknowledgementKeyRing(current, list.Select(k => Key(k.Id, k.Fill))), FourteenDays);
    }

    public static byte[] Nonce(byte fill = 7) => Enumerable.Repeat(fill, 16).ToArray();
}
