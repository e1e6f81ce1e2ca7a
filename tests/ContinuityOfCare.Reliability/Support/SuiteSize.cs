namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// The suite's sizes: the CI size by default, the larger documented run with <c>COC_RELIABILITY_SIZE=large</c>
/// (docs/reliability.md records its figures).
/// </summary>
internal sealed record SuiteSize(string Name, int Seed, int Clients, int Defendants, int DeliveryKills, int EscalationLevels, TimeSpan SmtpOutage, TimeSpan StorageOutage, TimeSpan Bound)
{
    public static SuiteSize Current { get; } =
        Environment.GetEnvironmentVariable("COC_RELIABILITY_SIZE") is "large"
            ? new("large", 2027, 2300, 2300, 9, 1, TimeSpan.FromSeconds(65), TimeSpan.FromSeconds(35), TimeSpan.FromMinutes(55))
            : new("ci", 42, 40, 60, 3, 3, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(8));

    /// <summary>How often whole-table reads are repeated while waiting (thousands of rows at the larger size).</summary>
    public TimeSpan Poll => Name == "ci" ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(3);

    /// <summary>
    /// One kill per escalation level walked. The larger run walks level 1 only: the local runner's in-memory engine
    /// replays every orchestration through its earlier levels after each restart (docs/reliability.md).
    /// </summary>
    public int TotalKills => DeliveryKills + EscalationLevels;
}
