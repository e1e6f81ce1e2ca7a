using Azure.Storage.Queues;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>Peeks every queue of the account a few times a second while a run goes on, keeping each distinct message text (base64 decoded where it is base64), for the privacy scanner.</summary>
internal sealed class QueueSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<(string Queue, string Text)> _messages = [];
    private readonly Task _loop;

    public QueueSampler(string connectionString) => _loop = LoopAsync(new QueueServiceClient(connectionString));

    public IReadOnlyCollection<(string Queue, string Text)> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    private async Task LoopAsync(QueueServiceClient service)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var queue in service.GetQueuesAsync(cancellationToken: _stop.Token).ConfigureAwait(false))
                {
                    var peeked = await service.GetQueueClient(queue.Name).PeekMessagesAsync(32, _stop.Token).ConfigureAwait(false);
                    lock (_messages)
                    {
                        foreach (var message in peeked.Value)
                        {
                            var text = message.Body.ToString();
                            _messages.Add((queue.Name, Decode(text)));
                        }
                    }
                }

                await Task.Delay(200, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                // storage away (an outage test): try again
                await Task.Delay(500).ConfigureAwait(false);
            }
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return text + "\n" + System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
