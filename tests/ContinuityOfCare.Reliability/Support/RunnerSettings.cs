using System.Globalization;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// The environment a test runner gets: storage, relay, secrets (fixed per test so every restart reads the same
/// identifier index and verifies the same links), fast polling, short leases and timeouts so a killed process's work
/// is taken over within seconds, and Trace logging.
/// </summary>
internal sealed class RunnerSettings(string storageConnectionString, int smtpPort)
{
    public const string ApiKey = "reliability-suite-api-key";
    public const string OperatorAddress = "operator@hub-operations.gov.uk";

    /// <summary>Extra settings (e.g. the breaker's) layered over the defaults.</summary>
    public Dictionary<string, string> Overrides { get; } = [];

    public Dictionary<string, string> Environment(int port)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Many obligations fall due together in the escalation phases (docs/pipeline.md "The local runner's engine").
            ["DOTNET_PROCESSOR_COUNT"] = "16",
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__Console__IncludeScopes"] = "true",
            ["Logging__Console__FormatterName"] = "simple",
            // A kept run's runner.log can be read against the test's own timeline.
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["LocalRunner__ApiKey"] = ApiKey,
            ["LocalRunner__BlobPollingInterval"] = "00:00:00.500",
            ["LocalRunner__MessageLease"] = "00:00:05",
            ["LocalRunner__ShutdownGrace"] = "00:00:02",
            ["LocalRunner__MaxOutageBackoff"] = "00:00:02",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:02",
            ["Pipeline__PublicBaseUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"),
            ["State__IndexKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()),
            ["Acknowledgements__CurrentKeyId"] = "suite",
            ["Acknowledgements__Keys__suite"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray()),
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail__Smtp__RequireStartTls"] = "false",
            ["Mail__Smtp__SenderAddress"] = "hub@continuity-of-care.gov.uk",
            ["Mail__Smtp__Timeout"] = "00:00:05",
            ["Mail__Resilience__MessagesPerMinute"] = "0",
            ["Mail__Resilience__MaxRetryAttempts"] = "1",
            ["Mail__Resilience__RetryBaseDelay"] = "00:00:00.200",
            // Validated to exceed timeout × attempts + back-off: a live attempt is never taken for a dead one.
            ["Mail__Outbox__InFlightTimeout"] = "00:00:30",
            ["Mail__Outbox__OperatorAddress"] = OperatorAddress,
        };
        foreach (var (name, value) in Overrides)
        {
            settings[name] = value;
        }

        return settings;
    }
}
