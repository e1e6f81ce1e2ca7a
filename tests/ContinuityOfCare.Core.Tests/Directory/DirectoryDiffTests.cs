using ContinuityOfCare.Core.Directory;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Directory;

/// <summary>formats.md §4: "a refresh produces a diff (added, removed, changed)".</summary>
public sealed class DirectoryDiffTests
{
    [Fact]
    public void Formats4_FirstImport_EverythingIsAdded()
    {
        var current = new[] { DirectoryValidatorTests.Smt("LEI"), DirectoryValidatorTests.Cjit("CJIT-LDS", "LS1") };

        var diff = DirectoryDiff.Between(null, current);

        Assert.Equal(["LEI", "CJIT-LDS"], diff.Added.Select(entry => entry.OrgCode));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void Formats4_AddedRemovedAndChanged_AreEachListed()
    {
        var leeds = DirectoryValidatorTests.Cjit("CJIT-LDS", "LS1", "LS2");
        var previous = new[] { DirectoryValidatorTests.Smt("LEI"), leeds, DirectoryValidatorTests.Smt("WYI") };
        var current = new[]
        {
            DirectoryValidatorTests.Smt("LEI"),
            leeds with { Email = "new@leeds.cjsm.net", PostcodeDistricts = ["LS1", "LS2", "LS6"] },
            DirectoryValidatorTests.Smt("HMI"),
        };

        var diff = DirectoryDiff.Between(previous, current);

        Assert.Equal(["HMI"], diff.Added.Select(entry => entry.OrgCode));
        Assert.Equal(["WYI"], diff.Removed.Select(entry => entry.OrgCode));
        var change = Assert.Single(diff.Changed);
        Assert.Equal("CJIT-LDS", change.OrgCode);
        Assert.Equal(["email", "postcode_districts"], change.ChangedFields);
    }

    public static TheoryData<string, Func<DirectoryEntry, DirectoryEntry>> FieldEdits => new()
    {
        { "org_type", entry => entry with { OrgType = OrgType.Probation } },
        { "org_name", entry => entry with { OrgName = "renamed" } },
        { "spoc_name", entry => entry with { SpocName = "someone" } },
        { "email", entry => entry with { Email = "other@x.cjsm.net" } },
        { "phone", entry => entry with { Phone = "1" } },
        { "phone_24_7", entry => entry with { Phone24x7 = "2" } },
        { "escalation_email", entry => entry with { EscalationEmail = "other@x.cjsm.net" } },
        { "postcode_districts", entry => entry with { PostcodeDistricts = ["LS9"] } },
        { "courts", entry => entry with { Courts = ["B13LE"] } },
        { "court_worker_courts", entry => entry with { CourtWorkerCourts = ["B13HT"] } },
        { "effective_from", entry => entry with { EffectiveFrom = entry.EffectiveFrom.PlusDays(1) } },
    };

    [Theory]
    [MemberData(nameof(FieldEdits))]
    public void Formats4_EachField_IsComparedOnItsOwn(string field, Func<DirectoryEntry, DirectoryEntry> edit)
    {
        var before = DirectoryValidatorTests.Cjit("CJIT-LDS", "LS1");

        Assert.Equal([field], DirectoryDiff.ChangedFields(before, edit(before)));
    }

    [Fact]
    public void Formats4_MultiValueCells_AreSetsAndEmailsAreCaseInsensitive()
    {
        var before = DirectoryValidatorTests.Cjit("CJIT-LDS", "LS1", "LS2");
        var after = before with { PostcodeDistricts = ["LS2", "LS1"], Email = before.Email.ToUpperInvariant() };

        Assert.True(DirectoryDiff.Between([before], [after]).IsEmpty);
    }

    [Fact]
    public void Formats4_DiffProperty_AddedAndRemovedAccountForEveryCode()
    {
        Prop.ForAll(
            Gen.SubListOf(Enumerable.Range(1, 12).ToArray()).ToArbitrary(),
            Gen.SubListOf(Enumerable.Range(1, 12).ToArray()).ToArbitrary(),
            (previousCodes, currentCodes) =>
            {
                var previous = previousCodes.Select(code => DirectoryValidatorTests.Cjit($"C{code}", $"LS{code}")).ToList();
                var current = currentCodes.Select(code => DirectoryValidatorTests.Cjit($"C{code}", $"LS{code}")).ToList();
                var diff = DirectoryDiff.Between(previous, current);
                return diff.Added.Count == currentCodes.Except(previousCodes).Count()
                    && diff.Removed.Count == previousCodes.Except(currentCodes).Count()
                    && diff.Changed.Count == 0;
            }).QuickCheckThrowOnFailure();
    }
}
