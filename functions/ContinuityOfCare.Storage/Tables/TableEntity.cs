using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// A table entity: <see cref="PartitionKey"/>, <see cref="RowKey"/>, the service-set <see cref="Timestamp"/> and
/// <see cref="ETag"/>, and named properties of the Table service's types.
/// </summary>
/// <remarks>
/// Property values must be <see cref="string"/> (Edm.String), <see cref="bool"/> (Edm.Boolean), <see cref="int"/>
/// (Edm.Int32), <see cref="long"/> (Edm.Int64), <see cref="double"/> (Edm.Double), <see cref="Guid"/> (Edm.Guid),
/// <see cref="DateTimeOffset"/> (Edm.DateTime, 100 ns precision, stored in UTC) or <c>byte[]</c> (Edm.Binary).
/// A <see cref="DateTime"/> is accepted and stored as a UTC <see cref="DateTimeOffset"/> (a Local or Unspecified kind
/// is refused: its instant is ambiguous). Values read back come as these types.
/// </remarks>
public sealed class TableEntity : IDictionary<string, object>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);
    private string _partitionKey = string.Empty;
    private string _rowKey = string.Empty;

    /// <summary>Creates an empty entity (keys must be set before writing it).</summary>
    public TableEntity()
    {
    }

    /// <summary>Creates an entity with its keys.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key (entities in a transaction share it).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string PartitionKey
    {
        get => _partitionKey;
        set => _partitionKey = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The row key, unique within the partition.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string RowKey
    {
        get => _rowKey;
        set => _rowKey = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>When the service last modified the entity (set by the service; ignored on writes).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's ETag as last read (ignored on writes: pass it explicitly as <c>ifMatch</c>).</summary>
    public ETag ETag { get; set; }

    /// <summary>The number of named properties (keys, Timestamp and ETag excluded).</summary>
    public int Count => _properties.Count;

    /// <summary>The names of the named properties.</summary>
    public ICollection<string> Keys => _properties.Keys;

    /// <summary>The values of the named properties.</summary>
    public ICollection<object> Values => _properties.Values;

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, object>>.IsReadOnly => false;

    /// <summary>Gets or sets a named property.</summary>
    /// <param name="key">The property name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or the value is null.</exception>
    /// <exception cref="ArgumentException">The name is a system property or the value's type is not a Table type.</exception>
    /// <exception cref="KeyNotFoundException">Getting a property that is not present.</exception>
    public object this[string key]
    {
        get => _properties[key];
        set => _properties[CheckName(key)] = Normalize(value, key);
    }

    /// <summary>Adds a named property.</summary>
    /// <param name="key">The property name.</param>
    /// <param name="value">The value (see the type list in the class remarks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is taken or reserved, or the value's type is not a Table type.</exception>
    public void Add(string key, object value) => _properties.Add(CheckName(key), Normalize(value, key));

    /// <summary>Whether a named property is present.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>True if present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <summary>Removes a named property.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>True if it was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Remove(string key) => _properties.Remove(key);

    /// <summary>Gets a named property if present.</summary>
    /// <param name="key">The property name.</param>
    /// <param name="value">The value, or null.</param>
    /// <returns>True if present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _properties.TryGetValue(key, out value);

    /// <summary>Removes every named property (keys are kept).</summary>
    public void Clear() => _properties.Clear();

    /// <summary>The property as a string, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public string? GetString(string key) => Get<string>(key);

    /// <summary>The property as a boolean, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public bool? GetBoolean(string key) => GetValue<bool>(key);

    /// <summary>The property as a 32-bit integer, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public int? GetInt32(string key) => GetValue<int>(key);

    /// <summary>The property as a 64-bit integer (an Edm.Int32 value widens), or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public long? GetInt64(string key) =>
        _properties.TryGetValue(key, out var value) && value is int narrow ? narrow : GetValue<long>(key);

    /// <summary>The property as a double (an Edm.Int32 value widens), or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public double? GetDouble(string key) =>
        _properties.TryGetValue(key, out var value) && value is int narrow ? narrow : GetValue<double>(key);

    /// <summary>The property as a GUID, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public Guid? GetGuid(string key) => GetValue<Guid>(key);

    /// <summary>The property as an instant (UTC offset), or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string key) => GetValue<DateTimeOffset>(key);

    /// <summary>The property as bytes, or null when absent.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    /// <summary>Enumerates the named properties.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    void ICollection<KeyValuePair<string, object>>.Add(KeyValuePair<string, object> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, object>>.Contains(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Contains(item);

    /// <inheritdoc />
    void ICollection<KeyValuePair<string, object>>.CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, object>>.Remove(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_properties).Remove(item);

    /// <summary>Sets a property read from the service without re-validating it.</summary>
    internal void SetFromService(string key, object value) => _properties[key] = value;

    private T? Get<T>(string key)
        where T : class
    {
        if (!_properties.TryGetValue(key, out var value))
        {
            return null;
        }

        return value as T ?? throw WrongType(key, typeof(T), value);
    }

    private T? GetValue<T>(string key)
        where T : struct
    {
        if (!_properties.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is T typed ? typed : throw WrongType(key, typeof(T), value);
    }

    private static InvalidOperationException WrongType(string key, Type wanted, object value) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}.");

    private static string CheckName(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || key.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is a system property or annotation; use the entity's own members.", nameof(key));
        }

        return key;
    }

    private static object Normalize(object value, string key)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            string or bool or int or long or double or Guid or byte[] => value,
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
            DateTime => throw new ArgumentException($"Property '{key}': a DateTime must have Kind Utc; use DateTimeOffset.", nameof(value)),
            _ => throw new ArgumentException($"Property '{key}': {value.GetType().Name} is not a Table property type.", nameof(value)),
        };
    }
}
