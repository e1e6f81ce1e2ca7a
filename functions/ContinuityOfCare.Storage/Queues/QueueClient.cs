using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using ContinuityOfCare.Storage.Pipeline;

namespace ContinuityOfCare.Storage.Queues;

/// <summary>
/// A client for one queue: create/delete, send (with visibility delay and time-to-live), receive with visibility
/// timeout, delete, update visibility, peek and approximate count. Message text is base64 of UTF-8 by default,
/// compatible with the Azure Functions host. Every failure is a <see cref="RequestFailedException"/>.
/// </summary>
public class QueueClient
{
    /// <summary>Time-to-live meaning "never expires" (sent as <c>messagettl=-1</c>).</summary>
    public static readonly TimeSpan InfiniteTimeToLive = TimeSpan.FromSeconds(-1);

    /// <summary>The longest visibility timeout or delay the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>The largest message the service accepts, in bytes of the encoded text: 64 KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StoragePipeline _pipeline = null!;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">An Azure Storage connection string.</param>
    /// <param name="queueName">The queue name: 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</param>
    /// <param name="options">Encoding, retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="queueName"/> is not a valid queue name.</exception>
    /// <exception cref="FormatException">The connection string is invalid or has no queue endpoint.</exception>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), queueName, options ?? new())
    {
    }

    /// <summary>Creates a client authorised by Entra ID tokens.</summary>
    /// <param name="queueUri">The queue's URI, e.g. <c>https://account.queue.core.windows.net/ingest</c> (https required).</param>
    /// <param name="credential">The token credential, e.g. <c>DefaultAzureCredential</c>.</param>
    /// <param name="options">Encoding, retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The URI's last segment is not a valid queue name.</exception>
    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(queueUri, options ?? new(), o => StoragePipeline.ForToken(o, QueueClientOptions.ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>Creates a client authorised with an account key.</summary>
    /// <param name="queueUri">The queue's URI (for Azurite, path-style <c>http://127.0.0.1:10001/devstoreaccount1/ingest</c>).</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Encoding, retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The URI's last segment is not a valid queue name.</exception>
    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(queueUri, options ?? new(), o => StoragePipeline.ForBlobQueue(o, QueueClientOptions.ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>For substitution in tests.</summary>
    protected QueueClient()
    {
        Name = string.Empty;
        Uri = new Uri("http://localhost/");
    }

    private QueueClient(StorageConnectionString connectionString, string queueName, QueueClientOptions options)
        : this(
            StoragePipeline.Combine(
                connectionString.QueueEndpoint ?? throw new FormatException("The connection string has no queue endpoint."),
                ValidateQueueName(queueName)),
            options,
            o => StoragePipeline.ForBlobQueue(o, QueueClientOptions.ServiceVersion, connectionString.Credential))
    {
    }

    private QueueClient(Uri queueUri, QueueClientOptions options, Func<QueueClientOptions, StoragePipeline> pipeline)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        Uri = queueUri;
        Name = ValidateQueueName(queueUri.Segments[^1].TrimEnd('/'));
        _encoding = options.MessageEncoding;
        _pipeline = pipeline(options);
    }

    /// <summary>The queue name.</summary>
    public virtual string Name { get; }

    /// <summary>The queue's URI.</summary>
    public virtual Uri Uri { get; }

    /// <summary>Creates the queue unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if created now, false if it already existed.</returns>
    /// <exception cref="RequestFailedException">The service refused (e.g. 409 QueueBeingDeleted).</exception>
    public virtual async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204, 409).ConfigureAwait(false);
        if (response.Status == 409 && StoragePipeline.ErrorCode(response) != "QueueAlreadyExists")
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return Response.FromValue(response.Status == 201, response);
    }

    /// <summary>Deletes the queue and its messages, if it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if deleted, false if there was no such queue.</returns>
    /// <exception cref="RequestFailedException">The service refused.</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>The queue's approximate message count and metadata.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties.</returns>
    /// <exception cref="RequestFailedException">404 QueueNotFound, or any other refusal.</exception>
    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Child("?comp=metadata"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var text)
            ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        return Response.FromValue(new QueueProperties(count, metadata), response);
    }

    /// <summary>Sends a message.</summary>
    /// <param name="messageText">The text (encoded per <see cref="QueueClientOptions.MessageEncoding"/>).</param>
    /// <param name="visibilityTimeout">Delay before receivers can see it, 0 to 7 days (whole seconds); null for none.</param>
    /// <param name="timeToLive">How long it lives: at least 1 second, or <see cref="InfiniteTimeToLive"/>; null for the service default (7 days).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message id, pop receipt and times.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messageText"/> is null.</exception>
    /// <exception cref="ArgumentException">The encoded message exceeds 64 KiB.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time span is out of range.</exception>
    /// <exception cref="RequestFailedException">404 QueueNotFound, or any other refusal.</exception>
    public virtual async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var query = new List<string>();
        if (visibilityTimeout is { } delay)
        {
            query.Add("visibilitytimeout=" + Seconds(delay, TimeSpan.Zero, MaxVisibilityTimeout, nameof(visibilityTimeout)));
        }

        if (timeToLive is { } ttl)
        {
            query.Add("messagettl=" + (ttl == InfiniteTimeToLive ? "-1" : Seconds(ttl, TimeSpan.FromSeconds(1), TimeSpan.MaxValue, nameof(timeToLive))));
        }

        var body = MessageBody(messageText);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, Child("/messages" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty)));
        SetXmlContent(message, body);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        var element = ParseMessages(response).Single();
        return Response.FromValue(
            new SendReceipt(
                Text(element, "MessageId"),
                Text(element, "PopReceipt"),
                Time(element, "InsertionTime"),
                Time(element, "ExpirationTime"),
                Time(element, "TimeNextVisible")),
            response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages, hiding them for the visibility timeout.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">How long they stay hidden, 1 second to 7 days (whole seconds); null for the service default (30 s).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages (possibly none).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="RequestFailedException">404 QueueNotFound, or any other refusal.</exception>
    public virtual async Task<Response<IReadOnlyList<QueueMessage>>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var query = "?numofmessages=" + MessageCount(maxMessages, nameof(maxMessages));
        if (visibilityTimeout is { } timeout)
        {
            query += "&visibilitytimeout=" + Seconds(timeout, TimeSpan.FromSeconds(1), MaxVisibilityTimeout, nameof(visibilityTimeout));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, Child("/messages" + query));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        IReadOnlyList<QueueMessage> messages = [.. ParseMessages(response).Select(e => new QueueMessage(
            Text(e, "MessageId"),
            Text(e, "PopReceipt"),
            long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
            Time(e, "InsertionTime"),
            Time(e, "ExpirationTime"),
            Time(e, "TimeNextVisible"),
            Text(e, "MessageText"),
            _encoding))];
        return Response.FromValue(messages, response);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without receiving them.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages (possibly none).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is out of range.</exception>
    /// <exception cref="RequestFailedException">404 QueueNotFound, or any other refusal.</exception>
    public virtual async Task<Response<IReadOnlyList<PeekedMessage>>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Child("/messages?peekonly=true&numofmessages=" + MessageCount(maxMessages, nameof(maxMessages))));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        IReadOnlyList<PeekedMessage> messages = [.. ParseMessages(response).Select(e => new PeekedMessage(
            Text(e, "MessageId"),
            long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
            Time(e, "InsertionTime"),
            Time(e, "ExpirationTime"),
            Text(e, "MessageText"),
            _encoding))];
        return Response.FromValue(messages, response);
    }

    /// <summary>Deletes a received message.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt of the latest receive or update.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="RequestFailedException">
    /// 400 <see cref="StorageErrorCode.PopReceiptMismatch"/> when the pop receipt is stale (the message became
    /// visible and was received again), 404 <see cref="StorageErrorCode.MessageNotFound"/> when the message is gone.
    /// </exception>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, MessageUri(messageId, popReceipt, null));
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Changes when a received message becomes visible again (and optionally its text).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt of the latest receive or update.</param>
    /// <param name="visibilityTimeout">From now until visible, 0 to 7 days (whole seconds).</param>
    /// <param name="messageText">New text, or null to keep the text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new pop receipt (the old one stops working) and visibility time.</returns>
    /// <exception cref="ArgumentException"><paramref name="messageId"/> or <paramref name="popReceipt"/> is null or empty, or the text is over 64 KiB encoded.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visibilityTimeout"/> is out of range.</exception>
    /// <exception cref="RequestFailedException">400 <see cref="StorageErrorCode.PopReceiptMismatch"/> when the pop receipt is stale, 404 when the message is gone, or any other refusal.</exception>
    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default)
    {
        var seconds = Seconds(visibilityTimeout, TimeSpan.Zero, MaxVisibilityTimeout, nameof(visibilityTimeout));
        using var message = _pipeline.CreateMessage(RequestMethod.Put, MessageUri(messageId, popReceipt, seconds));
        if (messageText is not null)
        {
            SetXmlContent(message, MessageBody(messageText));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return Response.FromValue(
            new UpdateReceipt(
                newReceipt ?? throw new RequestFailedException(response.Status, "The update response carried no pop receipt."),
                ParseTime(nextVisible ?? throw new RequestFailedException(response.Status, "The update response carried no visibility time."))),
            response);
    }

    /// <summary>Checks a queue name (lower-case letters, digits, single hyphens; 3–63; starts and ends alphanumeric).</summary>
    internal static string ValidateQueueName(string queueName) => StorageNames.ValidateLowerCaseName(queueName, nameof(queueName));

    private byte[] MessageBody(string messageText)
    {
        var wire = QueueMessageCodec.Encode(messageText, _encoding);
        var document = new XDocument(new XElement("QueueMessage", new XElement("MessageText", wire)));
        var bytes = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        if (Encoding.UTF8.GetByteCount(wire) > MaxMessageBytes)
        {
            throw new ArgumentException($"The encoded message is larger than {MaxMessageBytes} bytes.", nameof(messageText));
        }

        return bytes;
    }

    private Uri MessageUri(string messageId, string popReceipt, string? visibilitySeconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var query = "?popreceipt=" + Uri.EscapeDataString(popReceipt);
        if (visibilitySeconds is not null)
        {
            query += "&visibilitytimeout=" + visibilitySeconds;
        }

        return Child("/messages/" + Uri.EscapeDataString(messageId) + query);
    }

    private Uri Child(string escapedSuffix) => new(Uri.AbsoluteUri.TrimEnd('/') + escapedSuffix);

    private static void SetXmlContent(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(body);
    }

    private static IEnumerable<XElement> ParseMessages(Response response)
    {
        var root = XDocument.Parse(response.Content.ToString()).Root;
        return root?.Elements("QueueMessage") ?? [];
    }

    private static string Text(XElement element, string name) =>
        element.Element(name)?.Value ?? throw new FormatException($"The queue response lacks {name}.");

    private static DateTimeOffset Time(XElement element, string name) => ParseTime(Text(element, name));

    private static DateTimeOffset ParseTime(string rfc1123) =>
        DateTimeOffset.ParseExact(rfc1123, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string MessageCount(int maxMessages, string parameterName)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(parameterName, maxMessages, "Between 1 and 32 messages at a time.");
        }

        return maxMessages.ToString(CultureInfo.InvariantCulture);
    }

    private static string Seconds(TimeSpan value, TimeSpan min, TimeSpan max, string parameterName)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));
        if (whole < min || whole > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Must be between {min} and {max} (whole seconds).");
        }

        return ((long)whole.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
