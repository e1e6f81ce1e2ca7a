using Xunit;

namespace ContinuityOfCare.Testing;

/// <summary>An xunit class fixture owning one <see cref="DovecotServer"/> for the tests of a class.</summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    private DovecotServer? _server;

    /// <summary>The running server.</summary>
    public DovecotServer Server => _server ?? throw new InvalidOperationException("The dovecot fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await DovecotServer.StartAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
