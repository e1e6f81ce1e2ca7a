using System.Runtime.CompilerServices;
using System.Text.Json;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// Reads an HMCTS court list (formats.md §1) — a Magistrates Standard List (any schema revision) or a Crown Daily
/// List (PDDA, either revision), told apart by their top-level property (<c>courtLists</c> or <c>DailyList</c>) —
/// into one <see cref="CourtListing"/> per listed defendant, the source of <c>ListedForHearing</c> (000 §PP10, §PP13).
/// The file is streamed: one sitting at a time is read, in one pass over its tokens and without a JSON document
/// (<see cref="MagistratesSittingReader"/>, <see cref="CrownSittingReader"/>), so memory is bounded by the largest
/// sitting, not the file. Rejections carry the JSON path of the sitting, hearing or party concerned.
/// </summary>
/// <remarks>
/// The court code is a sidecar value (formats.md §1: HMCTS carry it as the upload's court id, outside the JSON):
/// the <c>courtCode</c> argument, which <see cref="ParseFileAsync"/> takes from the file name
/// (<see cref="CourtListFileName"/>) when not given. A list without one is still read — HMCTS publish lists without it —
/// and its listings carry no court code; planning finds it from the court house name or skips court-based routing
/// (docs/plan.md "Court code"). A Crown list falls back to its <c>CourtHouseCode</c>.
/// </remarks>
public sealed class CourtListParser(IngestionOptions? options = null)
{
    private static readonly string[] MagistratesSittings = ["courtLists", "[]", "courtHouse", "courtRoom", "[]", "session", "[]", "sittings", "[]"];
    private static readonly string[] MagistratesCourtHouseName = ["courtLists", "[]", "courtHouse", "courtHouseName"];
    private static readonly string[] MagistratesVenueName = ["venue", "venueName"];
    private static readonly string[] MagistratesRoot = ["courtLists"];
    private static readonly string[] CrownSittings = ["DailyList", "CourtLists", "[]", "Sittings", "[]"];
    private static readonly string[] CrownRoot = ["DailyList"];
    private static readonly string[] CrownStartDate = ["DailyList", "ListHeader", "StartDate"];
    private static readonly string[] CrownCourtCode = ["DailyList", "CrownCourt", "CourtHouseCode"];
    private static readonly string[] CrownCourtName = ["DailyList", "CrownCourt", "CourtHouseName"];
    private static readonly string[] CrownListCourtCode = ["DailyList", "CourtLists", "[]", "CourtHouse", "CourtHouseCode"];
    private static readonly string[] CrownListCourtName = ["DailyList", "CourtLists", "[]", "CourtHouse", "CourtHouseName"];

    private readonly IngestionOptions _options = options ?? IngestionOptions.Default;

    private enum Capture
    {
        None,
        MagistratesSitting,
        MagistratesCourtHouseName,
        MagistratesVenueName,
        CrownSitting,
        CrownStartDate,
        CrownCourtCode,
        CrownCourtName,
        CrownListCourtCode,
        CrownListCourtName,
    }

    /// <summary>Streams the listings, rejections and warnings of one court list, in file order.</summary>
    /// <param name="stream">The file's bytes (left open).</param>
    /// <param name="sourceFile">The file name used in every reference (not a local path).</param>
    /// <param name="courtCode">The court code sidecar value (upload query parameter, blob metadata <c>courtcode</c>, file name), or null; overrides a Crown list's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async IAsyncEnumerable<ParsedItem<CourtListing>> ParseAsync(
        Stream stream, string sourceFile, string? courtCode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceFile);
        if (FileChecks.CheckLengthUpFront(stream, sourceFile, _options.MaxFileBytes) is { } tooLarge)
        {
            yield return ParsedItem<CourtListing>.Of(tooLarge);
            yield break;
        }

        var sidecar = courtCode?.Trim().ToUpperInvariant();
        if (sidecar is { Length: > 0 } && !CodeShapes.IsCourtCode(sidecar))
        {
            yield return ParsedItem<CourtListing>.Of(FileChecks.FileRejection(sourceFile, "the court code given for the file is not a court code (3–10 letters and digits)"));
            yield break;
        }

        if (sidecar is { Length: 0 })
        {
            sidecar = null;
        }

        var walk = new WalkState();
        var magistrates = new MagistratesSittingReader(sourceFile);
        var crown = new CrownSittingReader(sourceFile, _options);
        var crownContext = new CrownListContext();
        var magistratesCourtNames = new Dictionary<int, string>();
        string? venueName = null;
        var sittingsRead = 0;

        using var guarded = new GuardedInputStream(stream, _options.MaxFileBytes);
        JsonElementReader readSitting = (ref Utf8JsonReader reader) =>
            walk.Pending == Capture.MagistratesSitting ? magistrates.Capture(ref reader) : crown.Capture(ref reader);
        var walker = new JsonStreamWalker(guarded, walk.Interest, readSitting);
        var output = new List<ParsedItem<CourtListing>>();
        while (true)
        {
            JsonWalkEvent walkEvent = default;
            string? unreadable = null;
            try
            {
                walkEvent = await walker.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (UnreadableFileException ex)
            {
                unreadable = ex.Reason;
            }

            if (unreadable is not null)
            {
                yield return ParsedItem<CourtListing>.Of(FileChecks.FileRejection(sourceFile, unreadable));
                yield break;
            }

            switch (walkEvent.Kind)
            {
                case JsonWalkEventKind.Empty:
                    yield return ParsedItem<CourtListing>.Of(FileChecks.FileRejection(sourceFile, "the file is empty"));
                    yield break;

                case JsonWalkEventKind.Malformed:
                    yield return ParsedItem<CourtListing>.Of(sittingsRead == 0
                        ? FileChecks.FileRejection(sourceFile, $"the file is not valid JSON (line {walkEvent.Line})")
                        : new Rejection(new SourceRef(sourceFile, JsonPath: walkEvent.Path), $"the JSON is malformed or ends early here (line {walkEvent.Line}); the sittings before this point were read"));
                    yield break;

                case JsonWalkEventKind.End:
                    if (!walk.SawMagistrates && !walk.SawCrown)
                    {
                        yield return ParsedItem<CourtListing>.Of(FileChecks.FileRejection(sourceFile, "neither a Magistrates Standard List (no courtLists) nor a Crown Daily List (no DailyList)"));
                    }

                    yield break;

                case JsonWalkEventKind.Scalar:
                    var text = RecordProblems.Clean(walkEvent.Text);
                    if (text is null)
                    {
                        continue;
                    }

                    switch (walk.Pending)
                    {
                        case Capture.MagistratesCourtHouseName: magistratesCourtNames[walk.CourtListIndex] = text; break;
                        case Capture.MagistratesVenueName: venueName = text; break;
                        case Capture.CrownStartDate:
                            crownContext.StartDate = InputDates.TryParseIsoDate(text, out var startDate) ? startDate : null;
                            break;
                        case Capture.CrownCourtCode: crownContext.CrownCourtCode = text.ToUpperInvariant(); break;
                        case Capture.CrownCourtName: crownContext.CrownCourtName = text; break;
                        case Capture.CrownListCourtCode: crownContext.SetCourtListCode(walk.CourtListIndex, text.ToUpperInvariant()); break;
                        case Capture.CrownListCourtName: crownContext.SetCourtListName(walk.CourtListIndex, text); break;
                    }

                    continue;

                case JsonWalkEventKind.Element:
                    sittingsRead++;
                    output.Clear();
                    try
                    {
                        if (walk.Pending == Capture.MagistratesSitting)
                        {
                            var courtName = magistratesCourtNames.GetValueOrDefault(walk.CourtListIndex) ?? venueName ?? string.Empty;
                            magistrates.Emit(walkEvent.Path, sidecar, courtName, output);
                        }
                        else
                        {
                            crown.Emit(
                                walkEvent.Path,
                                sidecar ?? crownContext.CourtCodeFor(walk.CourtListIndex),
                                crownContext.CourtNameFor(walk.CourtListIndex),
                                crownContext.StartDate,
                                output);
                        }
                    }
                    catch (UnreadableFileException ex)
                    {
                        // A value used from the sitting cannot be decoded (JsonScalar.Text): refused as the walker refuses one.
                        unreadable = ex.Reason;
                    }

                    if (unreadable is not null)
                    {
                        yield return ParsedItem<CourtListing>.Of(FileChecks.FileRejection(sourceFile, unreadable));
                        yield break;
                    }

                    foreach (var item in output)
                    {
                        yield return item;
                    }

                    continue;
            }
        }
    }

    /// <summary>
    /// Reads a court list from disk; the court code is <paramref name="courtCode"/> when given, else the one the file
    /// name carries (<see cref="CourtListFileName"/>), else none.
    /// </summary>
    public IAsyncEnumerable<ParsedItem<CourtListing>> ParseFileAsync(string path, string? courtCode = null, CancellationToken cancellationToken = default)
    {
        var code = courtCode ?? (CourtListFileName.TryGetCourtCode(path, out var fromName) ? fromName : null);
        return InputFiles.ParseFileAsync(path, (stream, name, token) => ParseAsync(stream, name, code, token), cancellationToken);
    }

    /// <summary>Which values the walker should hand over, and the array index they belong to.</summary>
    private sealed class WalkState
    {
        public Capture Pending { get; private set; }

        public int CourtListIndex { get; private set; }

        public bool SawMagistrates { get; private set; }

        public bool SawCrown { get; private set; }

        public JsonInterest Interest(IReadOnlyList<JsonFrame> frames)
        {
            switch (frames.Count)
            {
                case 1:
                    SawMagistrates |= JsonStreamWalker.Matches(frames, MagistratesRoot);
                    SawCrown |= JsonStreamWalker.Matches(frames, CrownRoot);
                    return JsonInterest.None;
                case 2:
                    return Want(frames, MagistratesVenueName, Capture.MagistratesVenueName, JsonInterest.Scalar, -1) ?? JsonInterest.None;
                case 3:
                    return Want(frames, CrownStartDate, Capture.CrownStartDate, JsonInterest.Scalar, -1)
                        ?? Want(frames, CrownCourtCode, Capture.CrownCourtCode, JsonInterest.Scalar, -1)
                        ?? Want(frames, CrownCourtName, Capture.CrownCourtName, JsonInterest.Scalar, -1)
                        ?? JsonInterest.None;
                case 4:
                    return Want(frames, MagistratesCourtHouseName, Capture.MagistratesCourtHouseName, JsonInterest.Scalar, 1) ?? JsonInterest.None;
                case 5:
                    return Want(frames, CrownSittings, Capture.CrownSitting, JsonInterest.Element, 2)
                        ?? Want(frames, CrownListCourtCode, Capture.CrownListCourtCode, JsonInterest.Scalar, 2)
                        ?? Want(frames, CrownListCourtName, Capture.CrownListCourtName, JsonInterest.Scalar, 2)
                        ?? JsonInterest.None;
                case 9:
                    return Want(frames, MagistratesSittings, Capture.MagistratesSitting, JsonInterest.Element, 1) ?? JsonInterest.None;
                default:
                    return JsonInterest.None;
            }
        }

        private JsonInterest? Want(IReadOnlyList<JsonFrame> frames, string[] pattern, Capture capture, JsonInterest interest, int indexFrame)
        {
            if (!JsonStreamWalker.Matches(frames, pattern))
            {
                return null;
            }

            Pending = capture;
            CourtListIndex = indexFrame >= 0 ? frames[indexFrame].Index : -1;
            return interest;
        }
    }
}
