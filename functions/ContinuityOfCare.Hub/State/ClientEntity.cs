using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Matching;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The client register's row shape (docs/state.md "clients"). Personal data sits in property values only (request
/// bodies are never logged); the keys are a hashed bucket and the client id, which is the case system's opaque id.
/// </summary>
internal static class ClientEntity
{
    public const string IndexKeys = nameof(IndexKeys);
    public const string Digest = nameof(Digest);
    private const int BucketDigits = 1;

    /// <summary>16 partitions (<c>c0</c>…<c>cf</c>): enough to batch a register import 100 rows at a time per partition and to spread load.</summary>
    public static string Partition(string clientId) => "c" + StateKeys.Bucket(clientId, BucketDigits);

    /// <summary>Every partition <see cref="Partition"/> can give, in ordinal (storage) order: <c>c0</c>…<c>cf</c>.</summary>
    public static IReadOnlyList<string> Partitions { get; } = [.. "0123456789abcdef".Select(digit => "c" + digit)];

    public static string Row(string clientId) => StateKeys.Legal(clientId);

    /// <summary>The keyed hashes of every index key of <paramref name="client"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> IndexHashes(Client client, KeyedHasher hasher)
    {
        var keys = new List<string>(4);
        if (client.Noms is { } noms)
        {
            keys.Add(hasher.Hash(nameof(ClientIdentifierKind.Noms), noms.Value));
        }

        if (client.Pnc is { } pnc)
        {
            keys.Add(hasher.Hash(nameof(ClientIdentifierKind.Pnc), pnc.Value));
        }

        if (client.Cro is { } cro)
        {
            keys.Add(hasher.Hash(nameof(ClientIdentifierKind.Cro), cro.Value));
        }

        keys.Add(hasher.Hash(nameof(ClientIdentifierKind.NameAndDateOfBirth), NameKey(client.Surname, client.Forenames, client.DateOfBirth)));
        return keys;
    }

    /// <summary>docs/domain.md "Matching" step 2: names equal after normalisation, and the same date of birth.</summary>
    public static string NameKey(string surname, string forenames, LocalDate dateOfBirth) =>
        NameNormaliser.Normalise(surname) + "\u001F" + NameNormaliser.Normalise(forenames) + "\u001F" + LocalDatePattern.Iso.Format(dateOfBirth);

    public static TableEntity ToEntity(Client client, IReadOnlyList<string> indexHashes)
    {
        var entity = new TableEntity(Partition(client.Id), Row(client.Id))
        {
            ["ClientId"] = client.Id,
            ["Surname"] = client.Surname,
            ["Forenames"] = client.Forenames,
            ["DateOfBirth"] = LocalDatePattern.Iso.Format(client.DateOfBirth),
            ["Gender"] = client.Gender ?? string.Empty,
            ["Pnc"] = client.Pnc?.Value ?? string.Empty,
            ["Cro"] = client.Cro?.Value ?? string.Empty,
            ["Noms"] = client.Noms?.Value ?? string.Empty,
            ["HomePostcode"] = client.HomePostcode ?? string.Empty,
            ["CjitCode"] = client.CjitCode ?? string.Empty,
            ["CurrentPrison"] = client.CurrentPrison ?? string.Empty,
            ["ReleaseDate"] = client.ReleaseDate is { } release ? LocalDatePattern.Iso.Format(release) : string.Empty,
            ["ConsentGiven"] = client.Consent.Given,
            ["ConsentScope"] = string.Join(';', client.Consent.Scope.Select(s => s.ToCode()).Order(StringComparer.Ordinal)),
            ["ConsentDate"] = client.Consent.Date is { } date ? LocalDatePattern.Iso.Format(date) : string.Empty,
            ["LegalBasis"] = client.LegalBasis?.ToString() ?? string.Empty,
            ["Ppo"] = client.Ppo,
            [IndexKeys] = string.Join(';', indexHashes),
        };
        entity[Digest] = DigestOf(entity);
        return entity;
    }

    public static Client ToClient(TableEntity row)
    {
        string Text(string name) => row.GetString(name) ?? string.Empty;
        string? Optional(string name) => row.GetString(name) is { Length: > 0 } value ? value : null;
        LocalDate? Date(string name) => Optional(name) is { } text ? LocalDatePattern.Iso.Parse(text).GetValueOrThrow() : null;

        var scope = new HashSet<OrgType>();
        foreach (var code in Text("ConsentScope").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (OrgTypeCodes.TryParse(code, out var orgType))
            {
                scope.Add(orgType);
            }
        }

        return new Client(
            Text("ClientId"),
            Text("Surname"),
            Text("Forenames"),
            Date("DateOfBirth") ?? throw new FormatException("A stored client has no date of birth."),
            Optional("Gender"),
            PncId.TryParse(Optional("Pnc"), out var pnc, out _) ? pnc : null,
            CroNumber.TryParse(Optional("Cro"), out var cro, out _) ? cro : null,
            NomsNumber.TryParse(Optional("Noms"), out var noms, out _) ? noms : null,
            Optional("HomePostcode"),
            Optional("CjitCode"),
            Optional("CurrentPrison"),
            Date("ReleaseDate"),
            new Consent(row.GetBoolean("ConsentGiven") ?? false, scope, Date("ConsentDate")),
            Optional("LegalBasis") is { } basis && Enum.TryParse<LegalBasis>(basis, out var legalBasis) ? legalBasis : null,
            row.GetBoolean("Ppo") ?? false);
    }

    public static IReadOnlyList<string> StoredIndexHashes(TableEntity row) =>
        (row.GetString(IndexKeys) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A fingerprint of every stored value (index hashes included, so a changed hash key rewrites): equal digests mean nothing to write.</summary>
    private static string DigestOf(TableEntity entity)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in entity.Where(p => p.Key != Digest).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001E');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
