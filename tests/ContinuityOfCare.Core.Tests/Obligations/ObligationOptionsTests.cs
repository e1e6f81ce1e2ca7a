using ContinuityOfCare.Core.Obligations;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Obligations;

/// <summary>docs/domain.md "Obligations and their deadlines": every number is configuration, validated at start-up with clear messages.</summary>
public sealed class ObligationOptionsTests
{
    [Fact]
    public void Validate_DomainObligationTable_DefaultsAreValid()
    {
        Assert.Empty(new ObligationOptions().Validate());
    }

    [Fact]
    public void Validate_DomainObligationTable_NegativeWeeksNamesKeyRangeAndValue()
    {
        var errors = new ObligationOptions { ReleasePlanningWeeks = -3 }.Validate();

        var error = Assert.Single(errors);
        Assert.Equal("Obligations:ReleasePlanningWeeks must be a whole number from 1 to 52 (weeks before the release date); it is -3.", error);
    }

    public static TheoryData<string, Action<ObligationOptions>> Nonsense => new()
    {
        { "TwentyFourHourRuleHours", o => o.TwentyFourHourRuleHours = 0 },
        { "ClinicalAssessmentHours", o => o.ClinicalAssessmentHours = -1 },
        { "KeyworkerHours", o => o.KeyworkerHours = 100_000 },
        { "NewDirIfNoneHours", o => o.NewDirIfNoneHours = 0 },
        { "TriageAssessmentDays", o => o.TriageAssessmentDays = 0 },
        { "CarePlanDay", o => o.CarePlanDay = 0 },
        { "RemandDirUpdateDays", o => o.RemandDirUpdateDays = -2 },
        { "ReleasePlanningWeeks", o => o.ReleasePlanningWeeks = 53 },
        { "ReleasePlanChangeHours", o => o.ReleasePlanChangeHours = 0 },
        { "PostReleaseContactWorkingDays", o => o.PostReleaseContactWorkingDays = 0 },
        { "ReleasedFromCourtHours", o => o.ReleasedFromCourtHours = -24 },
        { "NonReturnCloseDays", o => o.NonReturnCloseDays = 0 },
        { "ActivityCloseWorkingDays", o => o.ActivityCloseWorkingDays = -5 },
        { "PsrToPrisonHours", o => o.PsrToPrisonHours = 0 },
        { "NonReturnWaitHours", o => o.NonReturnWaitHours = 0 },
        { "EscalationLevel2GraceWorkingDays", o => o.EscalationLevel2GraceWorkingDays = 0 },
        { "EscalationLevel3GraceWorkingDays", o => o.EscalationLevel3GraceWorkingDays = -1 },
        { "NextWorkingDayStart", o => o.NextWorkingDayStart = new TimeOnly(23, 30) },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void Validate_DomainObligationTable_EachNonsenseValueIsNamed(string key, Action<ObligationOptions> breakIt)
    {
        var options = new ObligationOptions();
        breakIt(options);

        var error = Assert.Single(options.Validate());
        Assert.StartsWith($"Obligations:{key} must be", error, StringComparison.Ordinal);
    }

    [Fact]
    public void From_DomainObligationTable_ThrowsWithEveryProblem()
    {
        var error = Assert.Throws<ObligationOptionsException>(() =>
            ObligationCatalogue.From(new ObligationOptions { ReleasePlanningWeeks = -3, ActivityCloseWorkingDays = 0 }));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("Obligations:ReleasePlanningWeeks", error.Message, StringComparison.Ordinal);
        Assert.Contains("Obligations:ActivityCloseWorkingDays", error.Message, StringComparison.Ordinal);
    }
}
