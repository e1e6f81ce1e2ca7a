using System.Text;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.Tests.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.CourtLists;

/// <summary>formats.md §1: the HMCTS Magistrates Standard List, every schema revision; the source of ListedForHearing (000 §PP10, §PP13).</summary>
public class MagistratesStandardListTests
{
    private const string Sitting0 = "$.courtLists[0].courtHouse.courtRoom[0].session[0].sittings[0]";
    private const string Sitting1 = "$.courtLists[0].courtHouse.courtRoom[0].session[0].sittings[1]";

    private static readonly CourtListParser Parser = new();

    private static Task<IngestionResult<CourtListing>> ParseAsync(string json, string? courtCode = "B13LS", bool bom = false) =>
        TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(json, bom), TestInput.Source, courtCode));

    [Fact]
    public async Task FormatsCourtLists_CurrentSchema_OnlyDefendantsAreListed_WithEveryField()
    {
        var result = await ParseAsync(MagistratesListFixtures.Current);

        Assert.Null(result.FileRejection);
        Assert.Empty(result.Rejections);
        Assert.Empty(result.Warnings);
        Assert.Equal(2, result.Records.Count);
        var dean = result.Records[0];
        Assert.Equal(new SourceRef(TestInput.Source, JsonPath: Sitting0 + ".hearing[0].case[0].party[1]"), dean.Source);
        Assert.Equal("B13LS", dean.CourtCode);
        Assert.Equal("Leeds Magistrates' Court", dean.CourtName);
        Assert.Equal(Instant.FromUtc(2026, 12, 24, 10, 0), dean.HearingStart);
        Assert.Equal("First hearing", dean.HearingType);
        Assert.Equal("13LS1234567", dean.CaseReference);
        Assert.True(dean.InCustody);
        Assert.Null(dean.PrisonCode);
        Assert.Equal(("Taylor", "Dean Anthony", new LocalDate(1983, 1, 2)), (dean.Person.Surname, dean.Person.Forenames, dean.Person.DateOfBirth));
        Assert.Equal("2004/0046583U", dean.Person.Pnc?.Value);
        Assert.Equal("2601ZD010000448754K", dean.Person.Asn);
        Assert.True(dean.Person.NameUsableForMatching);

        var emma = result.Records[1];
        Assert.Equal(Sitting1 + ".hearing[0].case[0].party[0]", emma.Source.JsonPath);
        Assert.Equal(Instant.FromUtc(2026, 12, 24, 14, 0), emma.HearingStart);
        Assert.Equal(new PersonParticulars("Shaw", "Emma", null), emma.Person);
        Assert.False(emma.InCustody);
    }

    [Fact]
    public async Task FormatsCourtLists_OlderRevision_Read_InvalidAsnWarnedWithThePartyPath()
    {
        var result = await ParseAsync(MagistratesListFixtures.Older);

        var listing = Assert.Single(result.Records);
        Assert.Equal(("Marsh", "Kyle", new LocalDate(1990, 6, 15)), (listing.Person.Surname, listing.Person.Forenames, listing.Person.DateOfBirth));
        Assert.Null(listing.Person.Asn);
        Assert.Equal(Instant.FromUtc(2026, 1, 26, 9, 30, 52).PlusNanoseconds(123_000_000), listing.HearingStart);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(new SourceRef(TestInput.Source, JsonPath: Sitting0 + ".hearing[0].case[0].party[0]"), warning.Where);
        Assert.StartsWith("individualDetails.asn ignored:", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatsCourtLists_2024Schema_CaseNumber_DayFirstDob_TitleAndPleaIgnored_VenueNameAsCourtName()
    {
        var result = await ParseAsync(MagistratesListFixtures.Schema2024);

        Assert.Empty(result.Warnings);
        Assert.Equal(2, result.Records.Count);
        Assert.All(result.Records, r => Assert.Equal("45684548", r.CaseReference));
        Assert.All(result.Records, r => Assert.Equal("Bradford", r.CourtName));
        Assert.Equal(new PersonParticulars("Walsh", "Gary John", new LocalDate(1983, 1, 2)), result.Records[0].Person);
        Assert.Equal(new PersonParticulars("Moss", "Jade", new LocalDate(1999, 11, 5)), result.Records[1].Person);
        Assert.Equal([true, false], result.Records.Select(r => r.InCustody));
    }

    [Theory]
    [InlineData("\"1983-01-02\"")]
    [InlineData("\"02/01/1983\"")]
    [InlineData("\"02-01-1983\"")]
    public async Task FormatsCourtLists_EveryDobFormat_IsRead(string dateOfBirth)
    {
        var result = await ParseAsync(MagistratesListFixtures.WithDefendant($"\"individualSurname\":\"Taylor\",\"dateOfBirth\":{dateOfBirth}"));

        Assert.Equal(new LocalDate(1983, 1, 2), Assert.Single(result.Records).Person.DateOfBirth);
    }

    [Theory]
    [InlineData("\"dateOfBirth\":19830102", "individualDetails.dateOfBirth ignored: not a date (YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY)")]
    [InlineData("\"dateOfBirth\":\"31/02/1983\"", "individualDetails.dateOfBirth ignored: not a date (YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY)")]
    [InlineData("\"individualSurname\":[\"Taylor\"]", "individualDetails.individualSurname ignored: not text")]
    [InlineData("\"inCustody\":\"yes\"", "individualDetails.inCustody ignored: not true or false")]
    [InlineData("\"pncId\":\"2004/0046583V\"", "individualDetails.pncId ignored: PNC id check character is wrong")]
    public async Task FormatsCourtLists_WrongTypeOrInvalidValue_IsAWarning_TheDefendantIsStillListed(string member, string reason)
    {
        var result = await ParseAsync(MagistratesListFixtures.WithDefendant($"\"individualForenames\":\"Dean\",{member}"));

        var listing = Assert.Single(result.Records);
        Assert.Equal("Dean", listing.Person.Forenames);
        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, JsonPath: Sitting0 + ".hearing[0].case[0].party[0]"), reason, IsWarning: true), Assert.Single(result.Warnings));
    }

    // A sitting is read in one pass over its tokens: what a property says cannot depend on where it stands, a property
    // given twice counts with its last value (as an object lookup reads it), and a name is compared unescaped.
    [Theory]
    [InlineData("\"individualSurname\":\"Taylor\",\"individualForenames\":\"Dean\",\"dateOfBirth\":\"1983-01-02\"", "Taylor", "Dean")]
    [InlineData("\"dateOfBirth\":\"1983-01-02\",\"individualForenames\":\"Dean\",\"individualSurname\":\"Taylor\"", "Taylor", "Dean")]
    [InlineData("\"individualSurname\":\"Shaw\",\"individualForenames\":\"Dean\",\"individualSurname\":\"Taylor\",\"dateOfBirth\":\"1983-01-02\"", "Taylor", "Dean")]
    [InlineData("\"individualSurname\":\"Taylor\",\"individual\\u0046orenames\":\"Dean\",\"dateOfBirth\":\"1983-01-02\"", "Taylor", "Dean")]
    [InlineData("\"individualSurname\":\"Taylor\",\"individualForenames\":\"Dean\",\"dateOfBirth\":\"x\",\"dateOfBirth\":\"1983-01-02\"", "Taylor", "Dean")]
    public async Task FormatsCourtLists_PropertiesInAnyOrder_LastOfARepeatedPropertyCounts_EscapedNamesRead(string details, string surname, string forenames)
    {
        var result = await ParseAsync(MagistratesListFixtures.WithDefendant(details));

        var listing = Assert.Single(result.Records);
        Assert.Equal((surname, forenames, new LocalDate(1983, 1, 2)), (listing.Person.Surname, listing.Person.Forenames, listing.Person.DateOfBirth));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task FormatsCourtLists_SittingStartAfterTheHearings_StillPlacesThem()
    {
        var json = MagistratesListFixtures.WithDefendant("\"individualSurname\":\"Taylor\"")
            .Replace("\"sittingStart\":\"2026-12-24T10:00:00Z\",", string.Empty, StringComparison.Ordinal)
            .Replace("]}]}]}]}]}]}}]}", "]}]}],\"sittingStart\":\"2026-12-24T10:00:00Z\"}]}]}]}}]}", StringComparison.Ordinal);

        var result = await ParseAsync(json);

        Assert.Equal(Instant.FromUtc(2026, 12, 24, 10, 0), Assert.Single(result.Records).HearingStart);
    }

    // An escaped lone surrogate is valid JSON but no text: a value the reader uses refuses the file as not UTF-8 (as
    // any value the walker cannot decode does); one it passes over (a non-defendant's name) costs nothing.
    [Fact]
    public async Task FormatsCourtLists_UndecodableString_RefusesTheFileOnlyWhereItIsUsed()
    {
        var used = await ParseAsync(MagistratesListFixtures.WithDefendant("\"individualSurname\":\"\\uD800x\""));
        var unused = await ParseAsync(MagistratesListFixtures.WithDefendant("\"individualSurname\":\"Taylor\"")
            .Replace("\"party\":[", "\"party\":[{\"partyRole\":\"PROSECUTOR\",\"individualDetails\":{\"individualSurname\":\"\\uD800x\"}},", StringComparison.Ordinal));

        Assert.Equal(FileChecks.NotUtf8, used.FileRejection?.Reason);
        Assert.Null(unused.FileRejection);
        Assert.Equal("Taylor", Assert.Single(unused.Records).Person.Surname);
    }

    [Fact]
    public async Task FormatsCourtLists_AllIndividualDetailsOptional_EmptyDetailsStillListed()
    {
        var result = await ParseAsync(MagistratesListFixtures.WithDefendant(string.Empty));

        Assert.Equal(new PersonParticulars(null, null, null), Assert.Single(result.Records).Person);
    }

    [Fact]
    public async Task FormatsCourtLists_OrganisationDefendant_IsAWarningNotAListing()
    {
        var json = MagistratesListFixtures.Current.Replace(
            "{ \"partyRole\": \"DEFENDANT\", \"individualDetails\": { \"individualForenames\": \"Emma\", \"individualSurname\": \"Shaw\" } }",
            "{ \"partyRole\": \"DEFENDANT\", \"organisationDetails\": { \"organisationName\": \"Acme Ltd\" } }",
            StringComparison.Ordinal);
        var result = await ParseAsync(json);

        Assert.Single(result.Records);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(Sitting1 + ".hearing[0].case[0].party[0]", warning.Where.JsonPath);
        Assert.Equal("the defendant has no individualDetails (an organisation, not a person): not matched", warning.Reason);
    }

    [Fact]
    public async Task FormatsCourtLists_SittingWithoutStart_RejectedWithItsPath_OtherSittingsSurvive()
    {
        var json = MagistratesListFixtures.Current.Replace("\"sittingStart\": \"2026-12-24T10:00:00.000Z\",", string.Empty, StringComparison.Ordinal);
        var result = await ParseAsync(json);

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(new SourceRef(TestInput.Source, JsonPath: Sitting0), rejection.Where);
        Assert.StartsWith("sittingStart is missing or not an ISO-8601 timestamp", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal("Shaw", Assert.Single(result.Records).Person.Surname);
    }

    [Fact]
    public async Task FormatsCourtLists_PartyNotAnObject_RejectedWithItsPath()
    {
        var json = MagistratesListFixtures.Current.Replace(
            "{ \"partyRole\": \"PROSECUTING_AUTHORITY\", \"organisationDetails\": { \"organisationName\": \"CPS\" } }", "42", StringComparison.Ordinal);
        var result = await ParseAsync(json);

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, JsonPath: Sitting0 + ".hearing[0].case[0].party[2]"), "the party is not an object"), Assert.Single(result.Rejections));
        Assert.Equal(2, result.Records.Count);
    }

    [Fact]
    public async Task IssueIngestion_TruncatedJson_SittingsBeforeTheBreakAreRead_TheBreakIsRejectedWithItsPath()
    {
        var json = MagistratesListFixtures.Current;
        var truncated = json[..json.IndexOf("\"Sentence\"", StringComparison.Ordinal)];
        var result = await ParseAsync(truncated);

        Assert.Null(result.FileRejection);
        Assert.Equal("Taylor", Assert.Single(result.Records).Person.Surname);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(Sitting1, rejection.Where.JsonPath);
        Assert.Matches("^the JSON is malformed or ends early here \\(line [0-9]+\\); the sittings before this point were read$", rejection.Reason);
    }

    [Theory]
    [InlineData("this is not json", "the file is not valid JSON (line 1)")]
    [InlineData("{\"courtLists\": [", "the file is not valid JSON (line 1)")]
    [InlineData("", "the file is empty")]
    [InlineData("   \n  ", "the file is empty")]
    [InlineData("{\"something\": \"else\"}", "neither a Magistrates Standard List (no courtLists) nor a Crown Daily List (no DailyList)")]
    [InlineData("[1, 2, 3]", "neither a Magistrates Standard List (no courtLists) nor a Crown Daily List (no DailyList)")]
    public async Task IssueIngestion_FileThatCannotBeRead_IsRejectedWholeWithOneReason(string content, string reason)
    {
        var result = await ParseAsync(content);

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source), reason), result.FileRejection);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task FormatsCourtLists_MagistratesListWithoutCourtCode_IsReadWithNoCourtCode()
    {
        // docs/formats.md §1: HMCTS publish lists without the court code; planning finds it or routes without it.
        var result = await ParseAsync(MagistratesListFixtures.Current, courtCode: null);

        Assert.Null(result.FileRejection);
        Assert.NotEmpty(result.Records);
        Assert.All(result.Records, r => Assert.Null(r.CourtCode));
        Assert.All(result.Records, r => Assert.False(string.IsNullOrEmpty(r.CourtName)));
    }

    [Fact]
    public async Task FormatsCourtLists_CourtCodeFromTheFileName()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("coc-courtlist-");
        try
        {
            var path = Path.Combine(folder.FullName, "B01LY__2026-11-23.json");
            await File.WriteAllTextAsync(path, MagistratesListFixtures.Current);
            var result = await IngestionResult<CourtListing>.CollectAsync("x", Parser.ParseFileAsync(path));

            Assert.NotEmpty(result.Records);
            Assert.All(result.Records, r => Assert.Equal("B01LY", r.CourtCode));
            Assert.All(result.Records, r => Assert.Equal("B01LY__2026-11-23.json", r.Source.SourceFile));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task IssueIngestion_MissingFile_IsOneFileRejection()
    {
        var result = await IngestionResult<CourtListing>.CollectAsync("x", Parser.ParseFileAsync("/no/such/B01LY__x.json"));

        Assert.Equal(new Rejection(new SourceRef("B01LY__x.json"), "the file does not exist"), result.FileRejection);
    }

    [Fact]
    public async Task FormatsCourtLists_BomAndCrlf_AreAccepted()
    {
        var result = await ParseAsync(MagistratesListFixtures.Current.Replace("\n", "\r\n", StringComparison.Ordinal), bom: true);

        Assert.Equal(2, result.Records.Count);
    }

    [Fact]
    public async Task FormatsCourtLists_NotUtf8_IsRejectedWhole()
    {
        var bytes = Encoding.Latin1.GetBytes(MagistratesListFixtures.Current.Replace("Shaw", "Sháw", StringComparison.Ordinal));
        var result = await TestInput.CollectAsync(Parser.ParseAsync(new MemoryStream(bytes), TestInput.Source, "B13LS"));

        Assert.Equal("the file is not UTF-8 text", result.FileRejection?.Reason);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task IssueIngestion_OverTheSizeCap_RejectedWhole_SeekableAndNot()
    {
        var parser = new CourtListParser(new IngestionOptions { MaxFileBytes = 1000 });
        var seekable = await TestInput.CollectAsync(parser.ParseAsync(TestInput.Utf8(MagistratesListFixtures.Current), TestInput.Source, "B13LS"));
        var streamed = await TestInput.CollectAsync(parser.ParseAsync(new NonSeekableStream(TestInput.Utf8(MagistratesListFixtures.Current)), TestInput.Source, "B13LS"));

        Assert.Equal("the file is larger than the size cap (1000 bytes)", seekable.FileRejection?.Reason);
        Assert.Equal("the file is larger than the size cap (1000 bytes)", streamed.FileRejection?.Reason);
        Assert.Empty(streamed.Records);
    }

    [Fact]
    public async Task IssueIngestion_HugeField_IsStreamedThrough_NeighboursSurvive()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        var json = MagistratesListFixtures.Current.Replace("\"offenceTitle\": \"Theft from a shop\"", $"\"offenceWording\": \"{huge}\"", StringComparison.Ordinal);
        var result = await ParseAsync(json);

        Assert.Equal(["Taylor", "Shaw"], result.Records.Select(r => r.Person.Surname));
    }

    [Fact]
    public async Task IssueIngestion_ManySittings_StreamedInFileOrder()
    {
        var sittings = string.Join(",", Enumerable.Range(0, 3000).Select(i =>
            "{\"sittingStart\":\"2026-12-24T10:00:00Z\",\"hearing\":[{\"case\":[{\"caseUrn\":\"" + i + "\",\"party\":[{\"partyRole\":\"DEFENDANT\",\"individualDetails\":{\"individualSurname\":\"S" + i + "\"}}]}]}]}"));
        var json = "{\"courtLists\":[{\"courtHouse\":{\"courtRoom\":[{\"session\":[{\"sittings\":[" + sittings + "]}]}]}}]}";
        var result = await ParseAsync(json);

        Assert.Equal(3000, result.Records.Count);
        Assert.Equal("S2999", result.Records[^1].Person.Surname);
        Assert.Equal("$.courtLists[0].courtHouse.courtRoom[0].session[0].sittings[2999].hearing[0].case[0].party[0]", result.Records[^1].Source.JsonPath);
    }
}
