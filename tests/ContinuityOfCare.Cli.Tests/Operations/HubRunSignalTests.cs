using System.Diagnostics;
using System.Net;
using System.Text;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>
/// <c>coc hub run</c> as its own OS process stops gracefully on SIGTERM (how a service manager or container stops it)
/// and on SIGINT (Ctrl-C), well within its shutdown grace, with exit code 0.
/// </summary>
[Collection(OperationsAzuriteCollection.Name)]
public sealed class HubRunSignalTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task HubRun_Signal_StopsGracefullyWithExitCode0(string signal)
    {
        var port = LoopbackPorts.Free();
        var coc = Path.Combine(AppContext.BaseDirectory, "coc.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["exec", coc, "hub", "run", "--connection-string", azurite.ConnectionString, "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LocalRunner__ShutdownGrace"] = "00:00:02";
        foreach (var (name, value) in HubSettings.Required)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.True(await ReadyAsync(port, process), $"hub run never answered on / . Output:\n{output}");

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(bound.Token);

            Assert.Equal(0, process.ExitCode);
            lock (output)
            {
                Assert.Contains("Hub stopped.", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<bool> ReadyAsync(int port, Process process)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 600 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }
}
