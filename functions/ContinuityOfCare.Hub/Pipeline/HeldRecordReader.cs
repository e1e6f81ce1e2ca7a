using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Reads a held possible match's record back from its processed file: the match's payload is the file's
/// <see cref="RouteMessage"/>, and the record is the one at the match's source. The one way both the confirmation
/// (<see cref="ConfirmedMatchRouter"/>) and the console's review page get at what the record says; the possible-match
/// table itself keeps no particulars.
/// </summary>
public sealed class HeldRecordReader(HubStorage storage)
{
    /// <summary>The file's route message and parsed content.</summary>
    /// <exception cref="System.Text.Json.JsonException">The payload is not a route message.</exception>
    /// <exception cref="Azure.RequestFailedException">The processed file is gone (404) or storage failed.</exception>
    public async Task<(RouteMessage Message, ParsedFeed Parsed)> ReadFileAsync(HeldPossibleMatch match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var message = PipelineJson.Deserialize<RouteMessage>(match.Payload);
        var content = await FileRouter.ReadProcessedAsync(storage, message.ProcessedBlobName, cancellationToken).ConfigureAwait(false);
        var parsed = await FeedParser.ParseAsync(message.Container, message.FileName, content, message.CourtCode, cancellationToken).ConfigureAwait(false);
        return (message, parsed);
    }

    /// <summary>What the held record says about the person, or null when the record is no longer in its file.</summary>
    /// <exception cref="System.Text.Json.JsonException">The payload is not a route message.</exception>
    /// <exception cref="Azure.RequestFailedException">The processed file is gone (404) or storage failed.</exception>
    public async Task<PersonParticulars?> ReadParticularsAsync(HeldPossibleMatch match, CancellationToken cancellationToken)
    {
        var (_, parsed) = await ReadFileAsync(match, cancellationToken).ConfigureAwait(false);
        return ParticularsAt(parsed, match.Source);
    }

    /// <summary>The particulars of the one record at <paramref name="source"/>, or null.</summary>
    public static PersonParticulars? ParticularsAt(ParsedFeed parsed, SourceRef source)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.CourtListings.Where(l => l.Source == source).Select(l => l.Person)
            .Concat(parsed.CourtResults.Where(r => r.Source == source).Select(r => r.Person))
            .Concat(parsed.Discharges.Where(d => d.Source == source).Select(d => d.Person))
            .FirstOrDefault();
    }
}
