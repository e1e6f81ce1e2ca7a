namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>
/// The acknowledgement keys in force (architecture.md "Security rules": keys rotatable). New tokens are signed with
/// <see cref="Current"/>; a token verifies with whichever listed key its key id names, so a rotation keeps every link
/// already sent working until the retired key is removed from the ring (docs/operations.md "Rotating the keys").
/// </summary>
public sealed class AcknowledgementKeyRing
{
    private readonly Dictionary<string, AcknowledgementKey> _keys;

    /// <summary>Creates a ring whose current (signing) key is <paramref name="currentKeyId"/>.</summary>
    /// <exception cref="ArgumentException">No keys, a repeated key id, or the current key id is not among them.</exception>
    public AcknowledgementKeyRing(string currentKeyId, IEnumerable<AcknowledgementKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<string, AcknowledgementKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (!_keys.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"The acknowledgement key id \"{key.Id}\" is listed twice.", nameof(keys));
            }
        }

        if (_keys.Count == 0)
        {
            throw new ArgumentException("The acknowledgement key ring needs at least one key.", nameof(keys));
        }

        Current = currentKeyId is not null && _keys.TryGetValue(currentKeyId, out var current)
            ? current
            : throw new ArgumentException(
                $"The current acknowledgement key id \"{currentKeyId}\" is not one of the listed keys ({string.Join(", ", KeyIds(_keys))}).",
                nameof(currentKeyId));
    }

    /// <summary>The key new tokens are signed with.</summary>
    public AcknowledgementKey Current { get; }

    /// <summary>Every key id a token may name, in ordinal order.</summary>
    public IReadOnlyList<string> KeyIds() => KeyIds(_keys);

    /// <summary>The key named <paramref name="keyId"/>, or null when the ring does not list it.</summary>
    public AcknowledgementKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    private static List<string> KeyIds(Dictionary<string, AcknowledgementKey> keys) =>
        [.. keys.Keys.Order(StringComparer.Ordinal)];
}
