using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>
/// <c>coc obligations show</c> / <c>reconcile</c> against a stand-in for the hub's API (the real endpoints are tested end
/// to end in the function app's tests): what is printed, which key is sent, and the exit codes.
/// </summary>
public sealed class ObligationsCommandTests
{
    private const string Shown = """
        {"obligation":{"id":"303bb36d622dff8655235864d2d66c0a","rule":"cjit.dir-to-prison","owner":"LDSCJ","clientId":"C1","eventId":"e1","mustDo":"x",
        "startedAt":"2026-12-24T16:00:00Z","due":"2026-12-29T09:00:00Z","dueLocal":"Tue 29 Dec 2026 09:00","status":"escalatedLevel1","lateFromStart":false,
        "isLate":true,"latenessHours":0.5,"escalationLevels":[1],"closedAt":null,"closedBy":null},
        "orchestration":{"obligationId":"303bb36d622dff8655235864d2d66c0a","runtimeStatus":"Running","step":"level 1 sent; level 2 at 2026-12-31T00:00:00Z",
        "createdAt":"2026-12-07T11:46:04Z","lastUpdatedAt":"2026-12-07T11:46:05Z","history":[
        {"at":"2026-12-07T11:46:04Z","kind":"TimerCreated","detail":"2026-12-29T09:00:00Z deadline"},
        {"at":"2026-12-07T11:46:05Z","kind":"LevelRun","detail":"level 1: Escalated"}]},
        "escalations":[{"level":1,"recordedAt":"2026-12-29T09:30:00Z","emailId":"escalation-303bb36d622dff8655235864d2d66c0a-l1","email":"Pending","repeats":0}]}
        """;

    [Fact]
    public async Task ObligationsShow_PrintsStatusDueLevelAndHistory_SendingTheApiKey()
    {
        using var hub = new StubHub(request => request.StartsWith("GET /api/obligations/303bb36d622dff8655235864d2d66c0a ", StringComparison.Ordinal)
            && request.Contains("x-functions-key: k1", StringComparison.OrdinalIgnoreCase) ? (200, Shown) : (401, "{}"));

        var (exitCode, output, error) = await CliRunner.RunAsync("obligations", "show", "303bb36d622dff8655235864d2d66c0a", "--hub", hub.Root, "--api-key", "k1");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Status:        escalatedLevel1", output, StringComparison.Ordinal);
        Assert.Contains("Due:           Tue 29 Dec 2026 09:00 Europe/London (2026-12-29T09:00:00Z)", output, StringComparison.Ordinal);
        Assert.Contains("Level reached: 1", output, StringComparison.Ordinal);
        Assert.Contains("Level 1 email: Pending (escalation-303bb36d622dff8655235864d2d66c0a-l1)", output, StringComparison.Ordinal);
        Assert.Contains("Orchestration: Running — level 1 sent; level 2 at 2026-12-31T00:00:00Z", output, StringComparison.Ordinal);
        Assert.Contains("TimerCreated  2026-12-29T09:00:00Z deadline", output, StringComparison.Ordinal);
        Assert.DoesNotContain("C1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObligationsShow_UnknownId3_BadId2_HubDown1()
    {
        using var hub = new StubHub(_ => (404, """{"title":"Not Found"}"""));

        Assert.Equal(3, (await CliRunner.RunAsync("obligations", "show", "abc", "--hub", hub.Root)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("obligations", "show", "a/b", "--hub", hub.Root)).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync("obligations", "show", "abc", "--hub", "http://127.0.0.1:9/")).ExitCode);
    }

    [Fact]
    public async Task ObligationsReconcile_DryRun_PrintsTheMissingAndStartsNone()
    {
        using var hub = new StubHub(request => request.StartsWith("POST /api/obligations/reconcile?dryRun=true ", StringComparison.Ordinal)
            ? (200, """{"openChecked":5,"missing":["aa11","bb22"],"started":0}""") : (400, "{}"));

        var (exitCode, output, _) = await CliRunner.RunAsync("obligations", "reconcile", "--dry-run", "--hub", hub.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains("Open obligations checked: 5", output, StringComparison.Ordinal);
        Assert.Contains("Without an orchestration: 2\n  aa11\n  bb22", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Started: 0 (dry run)", output, StringComparison.Ordinal);
    }

    /// <summary>A one-request-at-a-time HTTP/1.1 stand-in answering from the request head.</summary>
    private sealed class StubHub : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public StubHub(Func<string, (int Status, string Body)> answer)
        {
            _listener.Start();
            _ = ServeAsync(answer);
        }

        public string Root => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ServeAsync(Func<string, (int Status, string Body)> answer)
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var (status, body) = answer(head.ToString());
                var bytes = Encoding.UTF8.GetBytes(body);
                var response = $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                await stream.WriteAsync(bytes, _stop.Token);
            }
        }
    }
}
