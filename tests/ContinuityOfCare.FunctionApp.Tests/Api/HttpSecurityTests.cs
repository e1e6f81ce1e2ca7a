using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using ContinuityOfCare.FunctionApp.Functions;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Azure.Functions.Worker;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// architecture.md "Security rules", tried from outside on the local runner: every HTTP function the app declares (read
/// from its attributes, so a new one is covered without editing this test) × no key / a wrong key / an oversize body /
/// path traversal in file names: the documented status, a problem document without a stack trace, and nothing stored.
/// Acknowledgement tokens (expired, forged, reused) are covered by <see cref="AcknowledgeApiTests"/>, spreadsheet-formula
/// payloads in text fields by <see cref="FormulaPayloadTests"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpSecurityTests(AzuriteFixture azurite)
{
    /// <summary>Routes open without the API key, on purpose: the acknowledgement link (its signed token is the credential).</summary>
    private static readonly string[] AnonymousByDesign = ["ack/{token}"];

    public static TheoryData<string, string> KeyedRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, route, level) in HttpFunctions().Where(f => f.Level == AuthorizationLevel.Function))
        {
            data.Add(method, route);
        }

        return data;
    }

    public static TheoryData<string> KeyedPostRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var (_, route, _) in HttpFunctions().Where(f => f.Level == AuthorizationLevel.Function && f.Method == "post"))
        {
            data.Add(route);
        }

        return data;
    }

    [Fact]
    public void Every_http_function_needs_the_key_unless_its_route_is_anonymous_by_design()
    {
        var functions = HttpFunctions().ToList();
        Assert.True(functions.Count >= 10, $"found only {functions.Count} HTTP functions");
        var open = functions.Where(f => f.Level != AuthorizationLevel.Function).Select(f => f.Route).Distinct().ToList();
        Assert.All(open, route => Assert.True(
            AnonymousByDesign.Contains(route) || route.StartsWith("console", StringComparison.Ordinal),
            $"{route} is reachable without the API key"));
    }

    [Theory]
    [MemberData(nameof(KeyedRoutes))]
    public async Task A_keyed_route_without_the_key_or_with_a_wrong_one_answers_401_problem_and_stores_nothing(string method, string route)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var before = await InboxBlobsAsync();
        var path = "/api/" + Fill(route);
        foreach (var key in new string?[] { null, "wrong-key", ApiTestHost.ApiKey + "x", "" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path) { Content = Body(method) };
            if (key is not null)
            {
                request.Headers.Add("x-functions-key", key);
            }

            using var response = await host.Anonymous.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await AssertProblemWithoutTraceAsync(response);
        }

        Assert.Equal(before, await InboxBlobsAsync());
    }

    /// <summary>Every keyed POST route refuses a body over its cap with 413 (16 KiB for JSON, Pipeline:MaxUploadBytes for uploads).</summary>
    [Theory]
    [MemberData(nameof(KeyedPostRoutes))]
    public async Task An_oversize_body_answers_413_problem_and_stores_nothing(string route)
    {
        await using var host = await ApiTestHost.StartAsync(azurite, new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = "65536" });
        var before = await InboxBlobsAsync();
        var path = "/api/" + Fill(route) + (route.StartsWith("inbox/", StringComparison.Ordinal) ? "?name=big.csv" : "");
        using var request = ApiTestHost.Request(HttpMethod.Post, path);
        request.Content = new StringContent("{\"reason\":\"" + new string('a', 70 * 1024) + "\"}", Encoding.UTF8, "application/json");

        using var response = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertProblemWithoutTraceAsync(response);
        Assert.Equal(before, await InboxBlobsAsync());
    }

    /// <summary>
    /// The body cap is applied while the body streams in, not after it has all been read: a declared length over the cap
    /// is refused before any of it is read, and an endless chunked body is refused once past the cap. The client here
    /// never finishes either body, so a host that read first and checked after would never answer.
    /// </summary>
    [Theory]
    [InlineData("obligations/obl-x/fulfil", "declared 1 GB")]
    [InlineData("obligations/obl-x/fulfil", "endless chunks")]
    [InlineData("inbox/court-results?name=big.csv", "declared 1 GB")]
    [InlineData("inbox/court-results?name=big.csv", "endless chunks")]
    public async Task A_body_past_the_cap_is_refused_with_413_while_it_streams_in(string route, string body)
    {
        await using var host = await ApiTestHost.StartAsync(azurite, new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = "65536" });
        var before = await InboxBlobsAsync();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host.App.BaseAddress.Host, host.App.BaseAddress.Port);
        var stream = tcp.GetStream();
        var framing = body == "declared 1 GB" ? "Content-Length: 1073741824" : "Transfer-Encoding: chunked";
        var head = $"POST /api/{route} HTTP/1.1\r\nHost: {host.App.BaseAddress.Authority}\r\nx-functions-key: {ApiTestHost.ApiKey}\r\n" +
                   $"Content-Type: application/json\r\n{framing}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = ReadStatusLineAsync(stream, bounded.Token);

        // 4 KiB chunks until the host answers: at most 4 MiB (64 times the larger cap) are offered.
        var chunk = Encoding.ASCII.GetBytes("1000\r\n" + new string('a', 4096) + "\r\n");
        for (var sent = 0; sent < 1024 && !answer.IsCompleted; sent++)
        {
            try
            {
                await stream.WriteAsync(body == "declared 1 GB" ? chunk.AsMemory(6, 4096) : chunk, bounded.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                break; // the host answered and closed the connection, or stopped reading (the bound then says so below)
            }
        }

        Assert.StartsWith("HTTP/1.1 413 ", await answer, StringComparison.Ordinal);
        Assert.Equal(before, await InboxBlobsAsync());
    }

    private static async Task<string> ReadStatusLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != (byte)'\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString().TrimEnd('\r');
    }

    [Theory]
    [InlineData("../clients.csv")]
    [InlineData("..\\clients.csv")]
    [InlineData("%2e%2e/clients.csv")]
    [InlineData("%2e%2e%2fclients.csv")]
    [InlineData("a/../../clients.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\win.ini")]
    [InlineData("inbox/clients.csv")]
    [InlineData("clients.csv\u0000.json")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Path_traversal_in_an_upload_name_answers_400_problem_and_stores_nothing(string name)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var before = await InboxBlobsAsync();
        foreach (var kind in new[] { "clients", "court-lists", "discharges", "directory" })
        {
            using var request = ApiTestHost.Request(HttpMethod.Post, $"/api/inbox/{kind}?name={Uri.EscapeDataString(name)}");
            request.Content = new ByteArrayContent("client_id\n"u8.ToArray());

            using var response = await host.Anonymous.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await AssertProblemWithoutTraceAsync(response);
        }

        Assert.Equal(before, await InboxBlobsAsync());
    }

    /// <summary>Every HTTP function the app declares, read from its attributes.</summary>
    internal static IEnumerable<(string Method, string Route, AuthorizationLevel Level)> HttpFunctions() =>
        typeof(ApiFunctions).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(trigger => (trigger.Methods ?? ["get"]).Select(method => (method.ToLowerInvariant(), trigger.Route ?? "", trigger.AuthLevel)));

    /// <summary>A route with its parameters filled with harmless values that name nothing stored.</summary>
    private static string Fill(string route) => Regex.Replace(route, @"\{(\w+)[^}]*\}", match => match.Groups[1].Value switch
    {
        "kind" => "clients",
        "decision" => "confirm",
        _ => "unknown-" + match.Groups[1].Value,
    });

    private static HttpContent? Body(string method) => method == "post" ? new StringContent("{}", Encoding.UTF8, "application/json") : null;

    internal static async Task AssertProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)response.StatusCode}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    /// <summary>Every blob in the inboxes now (the Azurite is shared by the collection, so a test compares before and after).</summary>
    private async Task<List<string>> InboxBlobsAsync()
    {
        var blobs = new List<string>();
        foreach (var container in InboxContainers.Inboxes)
        {
            var client = new BlobContainerClient(azurite.ConnectionString, container);
            if (await client.ExistsAsync())
            {
                await foreach (var blob in client.GetBlobsAsync())
                {
                    blobs.Add($"{container}/{blob.Name}");
                }
            }
        }

        return blobs;
    }
}
