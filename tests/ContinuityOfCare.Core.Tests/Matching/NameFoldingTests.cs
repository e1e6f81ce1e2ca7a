using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Tests.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>
/// docs/plan.md "Name folding": each spelling difference, and whether it is a match (folded away), a possible match
/// (held with its reason) or a stranger. One row per rule; the register holds the left-hand spelling.
/// </summary>
public class NameFoldingTests
{
    private static readonly LocalDate Dob = new(1980, 3, 14);

    public static TheoryData<string, string, string, string, string> Rows => new()
    {
        // client surname, client forenames, listed surname, listed forenames, expected ("MATCH:<rule>", "HOLD:<reason>", "NONE")
        { "O'Brien", "Sean", "OBRIEN", "SEAN", "MATCH:NameAndDateOfBirth" },                         // apostrophe
        { "O’Brien", "Sean", "O BRIEN", "Sean", "MATCH:NameAndDateOfBirth" },                         // curly apostrophe / space
        { "Llewellyn-Jones", "Rhys", "LLEWELLYN JONES", "RHYS", "MATCH:NameAndDateOfBirth" },         // hyphen vs space
        { "Llewellyn-Jones", "Rhys", "LlewellynJones", "Rhys", "MATCH:NameAndDateOfBirth" },           // hyphen vs joined
        { "Kowalska", "Żofia", "KOWALSKA", "ZOFIA", "MATCH:NameAndDateOfBirth" },                      // diacritics
        { "Núñez", "José", "NUNEZ", "Jose", "MATCH:NameAndDateOfBirth" },                              // diacritics
        { "MacDonald", "Iain", "McDonald", "Iain", "MATCH:NameAndDateOfBirth" },                       // Mac / Mc
        { "Mc Donald", "Iain", "MACDONALD", "Iain", "MATCH:NameAndDateOfBirth" },                      // Mc with a space
        { "St John", "Helen", "Saint John", "Helen", "MATCH:NameAndDateOfBirth" },                     // St / Saint
        { "St. John", "Helen", "SAINT-JOHN", "Helen", "MATCH:NameAndDateOfBirth" },                    // St. / Saint-
        { "Smith", "John  Paul", " smith ", "john paul", "MATCH:NameAndDateOfBirth" },                 // double spaces, case
        { "Smith", "John", "SMITH", "JOHN A", "MATCH:FirstForenameAndDateOfBirth" },                   // trailing initial
        { "Smith", "John Alan", "Smith", "John A", "MATCH:FirstForenameAndDateOfBirth" },              // initial agrees with middle name
        { "Smith", "John", "Smith", "John Alan", "MATCH:FirstForenameAndDateOfBirth" },                // middle name only on the list
        { "Smith", "John Alan", "Smith", "John", "MATCH:FirstForenameAndDateOfBirth" },                // middle name only in the register
        { "Smith", "John Brian", "Smith", "John A", "HOLD:middle names differ" },                     // initial disagrees
        { "Smith", "John Alan", "Smith", "John Peter", "HOLD:middle names differ" },                  // middle names disagree
        { "Smith", "John", "Smith", "J", "HOLD:forename initial only" },                              // initial only
        { "Smith", "John Paul", "Smith", "Paul John", "HOLD:first and middle names swapped" },        // swapped
        { "Smith", "John", "Smith", "Jon", "HOLD:forename is a listed variant" },                     // documented variant
        { "Smith", "Katherine", "Smith", "Kate", "HOLD:forename is a listed variant" },               // documented variant
        { "Smith", "Jonathan", "Smith", "Jonathon", "HOLD:forename is a listed variant" },            // documented variant
        { "Smith", "Darren", "Smith", "Darran", "HOLD:forename differs by one letter" },               // slip in forename
        { "Robinson", "Kyle", "Robinsin", "Kyle", "HOLD:surname differs by one letter" },              // slip in surname
        { "MacDonald", "Iain", "MacDonnald", "Iain", "HOLD:surname differs by one letter" },           // slip after folding
        { "Smith", "John", "Smith", "Mary", "NONE" },                                                 // unrelated forenames
        { "Smith", "John", "Jones", "John", "NONE" },                                                 // different surname
        { "Llewellyn-Jones", "Rhys", "Jones", "Rhys", "NONE" },                                       // one part of a double-barrelled surname
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Folding_rule_decides_match_hold_or_stranger(string clientSurname, string clientForenames, string surname, string forenames, string expected)
    {
        var index = MatchingIndex.Build([TestWorld.Client(surname: clientSurname, forenames: clientForenames, dob: Dob, noms: null)]);
        var result = index.Match(new PersonParticulars(surname, forenames, Dob));
        var actual = result.Kind switch
        {
            MatchKind.Matched => $"MATCH:{result.Rule}",
            MatchKind.Possible => $"HOLD:{Assert.Single(result.Candidates).Reason.Split("; ")[^1]}",
            _ => "NONE",
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("Llewellyn-Jones", "LLEWELLYNJONES")]
    [InlineData("Mc Donald", "MACDONALD")]
    [InlineData("McDonald", "MACDONALD")]
    [InlineData("Mack", "MACK")]
    [InlineData("St John", "SAINTJOHN")]
    [InlineData("Stone", "STONE")]
    [InlineData("de la Cruz", "DELACRUZ")]
    [InlineData("  ", "")]
    public void Surname_key_folds_each_convention(string surname, string key) => Assert.Equal(key, NameFolding.Surname(surname));
}
