namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>The settings the hub validates at start (environment-variable names), for tests that start it.</summary>
public static class HubSettings
{
    /// <summary>A test index key and an SMTP relay on loopback (nothing is sent by these tests).</summary>
    public static IReadOnlyList<(string Name, string Value)> Required { get; } =
    [
        ("State__IndexKey", Convert.ToBase64String(Enumerable.Repeat((byte)5, 32).ToArray())),
        ("Mail__Smtp__Host", "127.0.0.1"),
        ("Mail__Smtp__Port", "25"),
        ("Mail__Smtp__RequireStartTls", "false"),
        ("Mail__Smtp__SenderAddress", "hub@example.gov.uk"),
    ];
}
