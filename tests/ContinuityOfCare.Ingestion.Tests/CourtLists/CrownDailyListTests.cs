using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.Tests.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.CourtLists;

/// <summary>formats.md §1: the Crown Daily List (PDDA), both revisions; IsMasked "yes" names are never used for matching.</summary>
public class CrownDailyListTests
{
    private const string Defendants = "$.DailyList.CourtLists[0].Sittings[0].Hearings[0].Defendants";

    private static readonly CourtListParser Parser = new();

    private static Core.Identifiers.NomsNumber NomsOf(string text) =>
        Core.Identifiers.NomsNumber.TryParse(text, out var noms, out _) ? noms : throw new ArgumentException("bad NOMS in test", nameof(text));

    [Theory]
    [InlineData(true, "1983", 1983, null)]
    [InlineData(true, "1983-01", 1983, 1)]
    [InlineData(false, "1999", 1999, null)]
    [InlineData(false, "1999-11", 1999, 11)]
    public async Task FormatsCrownList_PartialBirthDate_IsKeptAsPartNotAsADate_InEitherRevision(bool current, string partial, int year, int? month)
    {
        var (fixture, full) = current ? (CrownListFixtures.Current, "1983-01-02") : (CrownListFixtures.Older, "1999-11-05");
        var json = fixture.Replace($"\"BirthDate\": \"{full}\"", $"\"BirthDate\": \"{partial}\"", StringComparison.Ordinal);
        Assert.NotEqual(fixture, json);
        var result = await ParseAsync(json);
        var person = result.Records.Single(r => r.Person.PartialDateOfBirth is not null).Person;
        Assert.Null(person.DateOfBirth);
        Assert.Equal(new Core.Inputs.PartialDate(year, month), person.PartialDateOfBirth);
        Assert.DoesNotContain(result.Warnings, w => w.Reason.Contains("BirthDate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormatsCrownList_PrisonerIdNotShapedLikeANomsNumber_OnlySaysHeld()
    {
        var json = CrownListFixtures.Current.Replace("\"PrisonerID\": \"A1234BC\"", "\"PrisonerID\": \"TestPrisonerID\"", StringComparison.Ordinal);
        var dean = (await ParseAsync(json)).Records[0];
        Assert.Null(dean.Person.Noms);
        Assert.True(dean.InCustody);
    }

    [Fact]
    public async Task FormatsCrownList_WithoutAnyCourtCode_IsReadWithNone()
    {
        var json = CrownListFixtures.Current.Replace("\"CourtHouseCode\": 439, ", string.Empty, StringComparison.Ordinal);
        var result = await ParseAsync(json);
        Assert.Null(result.FileRejection);
        Assert.NotEmpty(result.Records);
        Assert.All(result.Records, r => Assert.Null(r.CourtCode));
        Assert.All(result.Records, r => Assert.Equal("Leeds Crown Court", r.CourtName));
    }

    private static Task<IngestionResult<CourtListing>> ParseAsync(string json, string? courtCode = null) =>
        TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(json), TestInput.Source, courtCode));

    [Fact]
    public async Task FormatsCrownList_CurrentRevision_IntegerCourtCode_ForenameArray_LocalSittingTimeInBst()
    {
        var result = await ParseAsync(CrownListFixtures.Current);

        Assert.Empty(result.Rejections);
        Assert.Equal(2, result.Records.Count);
        var dean = result.Records[0];
        Assert.Equal(new SourceRef(TestInput.Source, JsonPath: Defendants + "[0]"), dean.Source);
        Assert.Equal("439", dean.CourtCode);
        Assert.Equal("Leeds Crown Court", dean.CourtName);
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 9, 0), dean.HearingStart); // 10:00 BST
        Assert.Equal("Trial", dean.HearingType);
        Assert.Equal("T20261234", dean.CaseReference);
        Assert.Equal(new PersonParticulars("Taylor", "Dean Anthony", new LocalDate(1983, 1, 2), Noms: NomsOf("A1234BC")), dean.Person);
        Assert.True(dean.InCustody);
        Assert.Equal("LEI", dean.PrisonCode);
    }

    [Fact]
    public async Task FormatsCrownList_MaskedDefendant_NameNotCarriedAndNotUsableForMatching()
    {
        var result = await ParseAsync(CrownListFixtures.Current);

        var masked = result.Records[1];
        Assert.Equal(Defendants + "[1]", masked.Source.JsonPath);
        Assert.False(masked.Person.NameUsableForMatching);
        Assert.Null(masked.Person.Surname);
        Assert.Null(masked.Person.Forenames);
        Assert.Equal(new LocalDate(2008, 5, 6), masked.Person.DateOfBirth);
        Assert.False(masked.InCustody);
    }

    [Theory]
    [InlineData("\"IsMasked\": \"yes\",")]
    [InlineData("")]
    [InlineData("\"IsMasked\": \"unknown\",")]
    public async Task FormatsCrownList_NameUsedOnlyWhenIsMaskedIsExplicitlyNo(string isMasked)
    {
        var json = CrownListFixtures.Current.Replace("\"IsMasked\": \"no\",", isMasked, StringComparison.Ordinal);
        var result = await ParseAsync(json);

        Assert.False(result.Records[0].Person.NameUsableForMatching);
        Assert.Null(result.Records[0].Person.Surname);
    }

    [Fact]
    public async Task FormatsCrownList_OlderRevision_StringCodeAndForename_HearingDate_GmtSitting_ReserveListNotRead()
    {
        var result = await ParseAsync(CrownListFixtures.Older);

        Assert.Empty(result.Rejections);
        var jade = Assert.Single(result.Records);
        Assert.Equal("0439", jade.CourtCode);
        Assert.Equal("Leeds Crown Court (Annexe)", jade.CourtName);
        Assert.Equal(Instant.FromUtc(2026, 12, 24, 14, 0), jade.HearingStart); // HearingDate wins over ListHeader.StartDate; 14:00 GMT
        Assert.Equal(new PersonParticulars("Moss", "Jade", new LocalDate(1999, 11, 5), Noms: NomsOf("B2345CD")), jade.Person);
        Assert.True(jade.InCustody); // PrisonerID alone
        Assert.Null(jade.PrisonCode);
    }

    [Fact]
    public async Task FormatsCrownList_SidecarCourtCodeOverridesTheList()
    {
        var result = await ParseAsync(CrownListFixtures.Current, courtCode: "c0439");

        Assert.NotEmpty(result.Records);
        Assert.All(result.Records, r => Assert.Equal("C0439", r.CourtCode));
    }

    [Fact]
    public async Task FormatsCrownList_SittingAtMissing_RejectedWithTheSittingPath()
    {
        var json = CrownListFixtures.Current.Replace("\"SittingAt\": \"10:00:00\",", string.Empty, StringComparison.Ordinal);
        var result = await ParseAsync(json);

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("$.DailyList.CourtLists[0].Sittings[0]", rejection.Where.JsonPath);
        Assert.StartsWith("SittingAt is missing or not a time (HH:MM:SS)", rejection.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task FormatsCrownList_NoDateAnywhere_HearingRejectedWithItsPath()
    {
        var json = CrownListFixtures.Current.Replace("\"StartDate\": \"2026-07-01\", ", string.Empty, StringComparison.Ordinal);
        var result = await ParseAsync(json);

        Assert.Equal(
            new Rejection(new SourceRef(TestInput.Source, JsonPath: "$.DailyList.CourtLists[0].Sittings[0].Hearings[0]"), "the hearing date is unknown: no HearingDetails.HearingDate and no ListHeader.StartDate before CourtLists"),
            Assert.Single(result.Rejections));
    }

    [Fact]
    public async Task FormatsCrownList_DefendantWithoutPersonalDetails_RejectedWithItsPath_NeighbourSurvives()
    {
        var last = CrownListFixtures.Current.LastIndexOf("\"PersonalDetails\"", StringComparison.Ordinal);
        var json = CrownListFixtures.Current[..last] + "\"Other\"" + CrownListFixtures.Current[(last + "\"PersonalDetails\"".Length)..];
        var result = await ParseAsync(json);

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, JsonPath: Defendants + "[1]"), "PersonalDetails is missing or not an object"), Assert.Single(result.Rejections));
        Assert.Equal("Taylor", Assert.Single(result.Records).Person.Surname);
    }
}
