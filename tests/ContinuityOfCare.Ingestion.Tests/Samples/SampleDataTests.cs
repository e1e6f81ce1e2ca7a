using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Discharges;
using ContinuityOfCare.Ingestion.Samples;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Samples;

/// <summary>README "Running the hub's main job" (the bundled samples): a consistent fictional world, deterministic for a seed; the committed set is exactly what the generator writes.</summary>
public sealed class SampleDataTests : IDisposable
{
    private static readonly SampleSettings Committed = new(42, 40, 60);
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("coc-samples-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task SampleData_CommittedSet_IsByteIdenticalToWhatTheGeneratorWrites()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var written = await SampleFileWriter.WriteAsync(SampleWorldGenerator.Generate(Committed), _folder.FullName);

        var committed = System.IO.Directory.GetFiles(samples, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(samples, path).Replace('\\', '/'))
            .Where(path => path.StartsWith("clients", StringComparison.Ordinal) || path.StartsWith("directory", StringComparison.Ordinal)
                || path.StartsWith("court-", StringComparison.Ordinal) || path.StartsWith("discharges/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(written);
        Assert.Equal(written, committed);
        foreach (var file in written)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(_folder.FullName, file));
            var actual = await File.ReadAllBytesAsync(Path.Combine(samples, file));
            Assert.True(expected.SequenceEqual(actual), $"samples/{file} differs from what `coc samples generate --seed 42 --clients 40 --defendants 60` writes");
        }
    }

    [Fact]
    public void SampleData_SameSeed_SameWorld_OtherSeed_OtherWorld()
    {
        var a = SampleWorldGenerator.Generate(Committed);
        var b = SampleWorldGenerator.Generate(Committed);
        var c = SampleWorldGenerator.Generate(Committed with { Seed = 7 });

        Assert.Equal(a.Clients.Select(x => (x.Id, x.Surname, x.DateOfBirth)), b.Clients.Select(x => (x.Id, x.Surname, x.DateOfBirth)));
        Assert.NotEqual(a.Clients.Select(x => (x.Surname, x.DateOfBirth)), c.Clients.Select(x => (x.Surname, x.DateOfBirth)));
    }

    [Fact]
    public async Task SampleData_EveryGeneratedFile_ParsesWithoutAnyRejectionOrWarning()
    {
        var world = SampleWorldGenerator.Generate(Committed);
        await SampleFileWriter.WriteAsync(world, _folder.FullName);

        var clients = await IngestionResult<Core.Clients.Client>.CollectAsync("c", new ClientRegisterCsvParser().ParseFileAsync(Path.Combine(_folder.FullName, "clients.csv")));
        AssertClean(clients);
        Assert.Equal(world.Clients.Select(c => (c.Id, c.Surname, c.Forenames, c.DateOfBirth, c.Pnc, c.Cro, c.Noms, c.HomePostcode, c.CjitCode, c.CurrentPrison, c.ReleaseDate, c.Consent.Given, c.LegalBasis, c.Ppo)),
            clients.Records.Select(c => (c.Id, c.Surname, c.Forenames, c.DateOfBirth, c.Pnc, c.Cro, c.Noms, c.HomePostcode, c.CjitCode, c.CurrentPrison, c.ReleaseDate, c.Consent.Given, c.LegalBasis, c.Ppo)));

        var listings = new List<CourtListing>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(_folder.FullName, "court-lists")))
        {
            var result = await IngestionResult<CourtListing>.CollectAsync(file, new CourtListParser().ParseFileAsync(file));
            AssertClean(result);
            listings.AddRange(result.Records);
        }

        Assert.NotEmpty(listings);
        Assert.Equal(world.Listings.Count, listings.Count);
        Assert.Equal(world.Listings.Count(l => !l.Person.NameUsableForMatching), listings.Count(l => !l.Person.NameUsableForMatching));

        var results = await IngestionResult<CourtResult>.CollectAsync("r", new CourtResultsCsvParser().ParseFileAsync(Path.Combine(_folder.FullName, "court-results", "court-results_2026-12-24.csv")));
        AssertClean(results);
        Assert.Equal(world.Results.Count, results.Records.Count);

        var movements = 0;
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(_folder.FullName, "discharges")))
        {
            var result = await IngestionResult<DischargeMovement>.CollectAsync(file, new DischargeExportCsvParser().ParseFileAsync(file));
            AssertClean(result);
            movements += result.Records.Count;
        }

        Assert.True(movements > 0, "no discharge movements were read");
        Assert.Equal(world.Discharges.Count, movements);
    }

    [Fact]
    public void SampleData_DirectoryCoversEveryPrisonAndCourtUsed()
    {
        var world = SampleWorldGenerator.Generate(Committed);
        var smts = world.Directory.Where(e => e.OrgType == OrgType.PrisonSmt).Select(e => e.OrgCode).ToHashSet();
        var courts = world.Directory.Where(e => e.OrgType == OrgType.Cjit).SelectMany(e => e.Courts).ToHashSet();
        var districts = world.Directory.Where(e => e.OrgType == OrgType.Cjit).SelectMany(e => e.PostcodeDistricts).ToHashSet();

        Assert.Single(world.Directory, e => e.OrgType == OrgType.RegionalTeam);
        Assert.Single(world.Directory, e => e.OrgType == OrgType.Probation);
        // Every filtered set below is non-empty first: a check over nothing would pass whatever the generator did.
        Assert.All<IEnumerable<object>>(
            [world.Clients.Where(c => c.CurrentPrison is not null), world.Listings, world.Results, world.Discharges,
                world.Discharges.Where(d => d.MovementType == MovementType.Transfer), world.Discharges.Where(d => d.MovementType == MovementType.Court),
                world.Results.Where(r => r.Establishment is not null)],
            set => Assert.NotEmpty(set));
        Assert.All(world.Clients.Where(c => c.CurrentPrison is not null), c => Assert.Contains(c.CurrentPrison!, smts));
        Assert.All(world.Clients, c => Assert.Contains(Postcodes.District(c.HomePostcode)!, districts));
        Assert.All(world.Listings, l => Assert.Contains(Assert.IsType<string>(l.CourtCode), courts));
        Assert.All(world.Results, r => Assert.Contains(r.CourtCode, courts));
        Assert.All(world.Discharges, d => Assert.Contains(d.PrisonCode, smts));
        Assert.All(world.Discharges.Where(d => d.MovementType == MovementType.Transfer), d => Assert.Contains(d.ToAgency, smts));
        Assert.All(world.Discharges.Where(d => d.MovementType == MovementType.Court), d => Assert.Contains(d.ToAgency, courts));
        Assert.All(world.Results.Where(r => r.Establishment is not null), r =>
            Assert.Contains(PrisonReference.Names.GetValueOrDefault(r.Establishment!, r.Establishment!), smts));
        Assert.All(world.Directory, e =>
            Assert.True(e.Email.EndsWith(".cjsm.net", StringComparison.Ordinal) || e.Email.EndsWith("@nhs.net", StringComparison.Ordinal) || e.Email.EndsWith(".gov.uk", StringComparison.Ordinal), e.Email));
    }

    [Fact]
    public void SampleData_WorldHasEveryCaseTheHubHandles()
    {
        var world = SampleWorldGenerator.Generate(Committed);
        var clientKeys = world.Clients.ToDictionary(c => (c.Surname, c.Forenames), c => c.DateOfBirth);

        Assert.Contains(world.Clients, c => c.Consent.Given);
        Assert.Contains(world.Clients, c => !c.Consent.Given && c.LegalBasis is null);
        Assert.Contains(world.Clients, c => !c.Consent.Given && c.LegalBasis is not null);
        Assert.Contains(world.Clients, c => c.Ppo);
        Assert.Contains(world.Clients, c => c.CjitCode is null);
        Assert.Contains(world.Listings, l => clientKeys.TryGetValue((l.Person.Surname!, l.Person.Forenames!), out var dob) && dob == l.Person.DateOfBirth);
        Assert.Contains(world.Listings, l => clientKeys.TryGetValue((l.Person.Surname!, l.Person.Forenames!), out var dob) && dob != l.Person.DateOfBirth);
        Assert.Contains(world.Listings, l => !clientKeys.ContainsKey((l.Person.Surname!, l.Person.Forenames!)));
        Assert.Contains(world.Listings, l => !l.Person.NameUsableForMatching);
        Assert.Contains(world.Listings, l => l.CourtCode is { } code && code.All(char.IsAsciiDigit));
        Assert.Contains(world.Results, r => r.Outcome == CourtOutcome.RemandedInCustody);
        Assert.Contains(world.Results, r => r.Outcome == CourtOutcome.Bail);
        Assert.Contains(world.Results, r => r.Outcome == CourtOutcome.SentencedToCustody);
        Assert.Contains(world.Discharges, d => d.MovementType == MovementType.Release && d.ReasonCode == "DEC");
        Assert.Contains(world.Discharges, d => d.ReasonCode == "MRG");
        Assert.Contains(world.Discharges, d => d.MovementType == MovementType.Transfer);
        Assert.Contains(world.Discharges, d => d.MovementType == MovementType.Court);
        Assert.Contains(world.Discharges, d => d.MovementType == MovementType.Release && d.ReasonCode is "CR" or "SC" or "HR" or "NCS");
    }

    private static void AssertClean<T>(IngestionResult<T> result)
        where T : class
    {
        Assert.Null(result.FileRejection);
        Assert.Empty(result.Rejections);
        Assert.Empty(result.Warnings);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContinuityOfCare.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ContinuityOfCare.sln not found above the test assembly");
    }
}
