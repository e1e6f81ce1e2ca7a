using Xunit;

namespace ContinuityOfCare.Testing;

/// <summary>An xunit class fixture owning one <see cref="MaildevServer"/> for the tests of a class.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private MaildevServer? _server;

    /// <summary>The running server.</summary>
    public MaildevServer Server => _server ?? throw new InvalidOperationException("The maildev fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await MaildevServer.StartAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
