using System.Globalization;
using Azure.Storage;
using Xunit;

namespace ContinuityOfCare.Testing;

/// <summary>
/// One real Azurite process (Blob, Queue and Table services) for a whole test assembly, on random free loopback ports
/// with in-memory persistence.
/// </summary>
/// <remarks>
/// <para>Use it as an xunit collection fixture so the process is shared by every test class in the assembly: declare
/// once in the test project</para>
/// <code>
/// [CollectionDefinition(AzuriteCollection.Name)]
/// public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt; { public const string Name = "Azurite"; }
/// </code>
/// <para>then mark each test class <c>[Collection(AzuriteCollection.Name)]</c> and take <see cref="AzuriteFixture"/> in its
/// constructor. Tests share the process but never data: each test makes its own tables, queues and containers with
/// <see cref="UniqueName"/>.</para>
/// <para>Azurite is started from <c>&lt;repo&gt;/node_modules/.bin/azurite</c> (installed by <c>npm ci</c>), the repository
/// being the first ancestor of the test assembly's folder that holds <c>ContinuityOfCare.sln</c>.</para>
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private NodeToolProcess? _process;
    private string? _workspace;
    private int _nameCounter;

    /// <summary>The Blob service port (valid after <see cref="InitializeAsync"/>).</summary>
    public int BlobPort { get; private set; }

    /// <summary>The Queue service port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The Table service port.</summary>
    public int TablePort { get; private set; }

    /// <summary>The path-style Blob endpoint, <c>http://127.0.0.1:port/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint => Endpoint(BlobPort);

    /// <summary>The path-style Queue endpoint.</summary>
    public Uri QueueEndpoint => Endpoint(QueuePort);

    /// <summary>The path-style Table endpoint.</summary>
    public Uri TableEndpoint => Endpoint(TablePort);

    /// <summary>Azurite's well-known development account (published; not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The development account's published key.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The well-known development account's credential.</summary>
    public StorageSharedKeyCredential Credential { get; } = new(DevelopmentAccountName, DevelopmentAccountKey);

    /// <summary>
    /// A connection string for this Azurite with explicit Blob, Queue and Table endpoints and the well-known
    /// <c>devstoreaccount1</c> key, usable wherever an <c>AzureWebJobsStorage</c> value is expected.
    /// </summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={DevelopmentAccountName};" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>
    /// A name no other test uses, valid as a table, queue and container name alike: <paramref name="prefix"/>, then a
    /// per-fixture counter and random letters/digits (lower case, at most 40 characters).
    /// </summary>
    /// <param name="prefix">1–20 lower-case letters saying what the resource is for, e.g. <c>"outbox"</c>.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prefix"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty, too long, or not all lower-case ASCII letters.</exception>
    public string UniqueName(string prefix = "t")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length is 0 or > 20 || !prefix.All(c => c is >= 'a' and <= 'z'))
        {
            throw new ArgumentException("The prefix must be 1–20 lower-case ASCII letters.", nameof(prefix));
        }

        var counter = Interlocked.Increment(ref _nameCounter).ToString(CultureInfo.InvariantCulture);
        return prefix + counter + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>Starts Azurite and waits until all three ports accept connections.</summary>
    /// <returns>A task completing when Azurite is ready.</returns>
    /// <exception cref="InvalidOperationException">
    /// <c>node_modules</c> is missing (run <c>npm ci</c> at the repository root), or Azurite exited or did not become
    /// ready in time (its output is in the message).
    /// </exception>
    public async Task InitializeAsync()
    {
        var executable = NodeToolProcess.Find("azurite");
        _workspace = Directory.CreateTempSubdirectory("azurite-").FullName;

        // Another process may grab a probed free port before Azurite binds it: retry with fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            (BlobPort, QueuePort, TablePort) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
            try
            {
                await StartAsync(executable).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await DisposeProcessAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills Azurite (an outage, as far as its clients can tell); <see cref="RestartAsync"/> brings it back.</summary>
    public Task StopAsync() => DisposeProcessAsync();

    /// <summary>Starts Azurite again on the same ports (in memory: empty, as after a storage account is recreated).</summary>
    public Task RestartAsync() => StartAsync(NodeToolProcess.Find("azurite"));

    /// <summary>Kills Azurite with its whole process tree and removes its workspace folder.</summary>
    /// <returns>A task completing when the process has exited.</returns>
    public async Task DisposeAsync()
    {
        await DisposeProcessAsync().ConfigureAwait(false);
        if (_workspace is not null && Directory.Exists(_workspace))
        {
            try
            {
                Directory.Delete(_workspace, recursive: true);
            }
            catch (IOException)
            {
                // A leftover empty temp folder is harmless; never fail a test run over it.
            }
        }
    }

    private async Task StartAsync(string executable)
    {
        // Azurite 3.35 refuses --location together with --inMemoryPersistence; the temp workspace is its working
        // directory instead, so anything it writes (nothing, in memory mode) stays out of the repository.
        _process = new NodeToolProcess("Azurite", executable, [
            "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture)],
            _workspace);
        await _process.WaitForPortsAsync([BlobPort, QueuePort, TablePort], StartTimeout).ConfigureAwait(false);
    }

    private async Task DisposeProcessAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            // In memory: nothing to save, so no graceful stop; the tree is killed.
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Uri Endpoint(int port) =>
        new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{DevelopmentAccountName}");
}
