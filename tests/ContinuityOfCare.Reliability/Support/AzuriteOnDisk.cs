using System.Globalization;
using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// Azurite persisting to a folder (<c>--location</c>), on fixed ports for its whole life, so it can be taken away and
/// brought back with the same data — the storage account of a runner that is killed and restarted.
/// </summary>
internal sealed class AzuriteOnDisk : IAsyncDisposable
{
    private readonly string _location;
    private readonly LogSink _sink;
    private OsProcess? _process;

    private AzuriteOnDisk(string location, LogSink sink)
    {
        _location = location;
        _sink = sink;
        (BlobPort, QueuePort, TablePort) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.DevelopmentAccountName};AccountKey={AzuriteFixture.DevelopmentAccountKey};" +
        $"BlobEndpoint={Endpoint(BlobPort)};QueueEndpoint={Endpoint(QueuePort)};TableEndpoint={Endpoint(TablePort)};";

    public static async Task<AzuriteOnDisk> StartAsync(string location, LogSink sink)
    {
        Directory.CreateDirectory(location);
        var azurite = new AzuriteOnDisk(location, sink);
        await azurite.RestartAsync().ConfigureAwait(false);
        return azurite;
    }

    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        _process = OsProcess.Start(NodeToolProcess.Find("azurite"), [
            "--location", _location, "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort)], new Dictionary<string, string>(), _sink, _location);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await NodeToolProcess.AcceptsAsync(BlobPort).ConfigureAwait(false) && await NodeToolProcess.AcceptsAsync(QueuePort).ConfigureAwait(false) && await NodeToolProcess.AcceptsAsync(TablePort).ConfigureAwait(false)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start:\n" + _sink.Tail());
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes storage away. SIGTERM first: Azurite's on-disk store (LokiJS) saves on a timer and on exit, so a SIGKILL of
    /// the emulator would lose its own last second of acknowledged writes — an emulator artefact no Azure storage account
    /// has. To the hub it is the same outage: connections refused until it is back.
    /// </summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            if (!await process.SignalGroupAsync("TERM", TimeSpan.FromSeconds(20)).ConfigureAwait(false))
            {
                await process.SignalGroupAsync("KILL", TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }

            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static string Endpoint(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/{AzuriteFixture.DevelopmentAccountName}");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
