using System.Diagnostics.CodeAnalysis;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// One item a parser streams out: either a parsed record or a <see cref="Core.Inputs.Rejection"/> (formats.md:
/// every rejected record is reported with its line number or JSON path and a reason). A rejection with
/// <see cref="Rejection.IsWarning"/> set did not stop the record (e.g. an invalid PNC that was dropped); a rejection
/// with neither a line nor a JSON path is a whole-file rejection (<see cref="IsFileRejection"/>): when one arrives,
/// every record already streamed from that file must be discarded (<see cref="IngestionResult{T}"/> does this).
/// </summary>
/// <typeparam name="T">The record type (a Core.Inputs or Core.Clients type).</typeparam>
public sealed class ParsedItem<T>
    where T : class
{
    private ParsedItem(T? record, Rejection? rejection)
    {
        Record = record;
        Rejection = rejection;
    }

    /// <summary>The record, when this item is one.</summary>
    public T? Record { get; }

    /// <summary>The rejection or warning, when this item is one.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when this item carries a record.</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsRecord => Record is not null;

    /// <summary>True for a warning: the record it concerns was still used.</summary>
    public bool IsWarning => Rejection is { IsWarning: true };

    /// <summary>True when the whole file was rejected (no line, no JSON path, not a warning).</summary>
    public bool IsFileRejection => Rejection is { IsWarning: false, Where: { Line: null, JsonPath: null } };

    /// <summary>An item carrying a record.</summary>
    public static ParsedItem<T> Of(T record) => new(record ?? throw new ArgumentNullException(nameof(record)), null);

    /// <summary>An item carrying a rejection or warning.</summary>
    public static ParsedItem<T> Of(Rejection rejection) =>
        new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));

    /// <inheritdoc />
    public override string ToString() => IsRecord ? $"record {Record}" : $"{(IsWarning ? "warning" : "rejected")} {Rejection.Where}: {Rejection.Reason}";
}
