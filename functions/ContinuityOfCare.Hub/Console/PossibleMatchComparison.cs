using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The possible-match review's comparison: the held record's own values beside the register client's, one row per
/// field, as a GOV.UK table in the MoJ/GOV.UK "compare" style. Names and the date of birth carry the matcher's own
/// agreement levels (<see cref="ParticularsComparer"/>, the levels the match rules and the weight read); identifiers
/// agree when both are given and equal. A row that differs is highlighted (<c>app-compare__row--differs</c>) and its
/// tag says how, so the difference does not rest on colour alone.
/// </summary>
public static class PossibleMatchComparison
{
    /// <summary>The table; <paramref name="held"/> null when the record could not be read back from its file.</summary>
    public static string Table(PersonParticulars? held, Client? client, string clientId)
    {
        var clientParticulars = client is null ? null
            : new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth, client.Pnc, client.Cro, client.Noms);
        var comparison = held is null || clientParticulars is null ? null
            : ParticularsComparer.Compare(FoldedParticulars.Of(held), FoldedParticulars.Of(clientParticulars));
        var namesCompared = held?.NameUsableForMatching ?? true;

        var rows = new List<(string Field, string Held, string Register, Agreement Agreement)>
        {
            ("Surname", held?.Surname ?? "", client?.Surname ?? "",
                !namesCompared ? Masked : comparison is null ? Agreement.Unknown : Surname(comparison.Surname)),
            ("Forenames", held?.Forenames ?? "", client?.Forenames ?? "",
                !namesCompared ? Masked : comparison is null ? Agreement.Unknown : Forenames(comparison.Forename, comparison.MiddleNames)),
            ("Date of birth", BirthDate(held), client is null ? "" : Day(client.DateOfBirth),
                comparison is null ? Agreement.Unknown : BirthDate(comparison.BirthDate)),
            ("PNC", held?.Pnc?.ToString() ?? "", client?.Pnc?.ToString() ?? "", Identifier(held?.Pnc?.ToString(), client?.Pnc?.ToString())),
            ("CRO", held?.Cro?.ToString() ?? "", client?.Cro?.ToString() ?? "", Identifier(held?.Cro?.ToString(), client?.Cro?.ToString())),
            ("NOMS", held?.Noms?.ToString() ?? "", client?.Noms?.ToString() ?? "", Identifier(held?.Noms?.ToString(), client?.Noms?.ToString())),
        };

        var html = new StringBuilder("<table class=\"govuk-table app-compare\"><caption class=\"govuk-table__caption govuk-table__caption--m\">")
            .Append("Held record and register client, field by field</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
            .Append("<th scope=\"col\" class=\"govuk-table__header\">Field</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header\">Held record</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header\">Register client ").Append(E(clientId)).Append("</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header\">Agreement</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var (field, heldValue, registerValue, agreement) in rows)
        {
            html.Append("<tr class=\"govuk-table__row").Append(agreement.Differs ? " app-compare__row--differs" : "").Append("\">")
                .Append("<th scope=\"row\" class=\"govuk-table__header\">").Append(E(field)).Append("</th>")
                .Append("<td class=\"govuk-table__cell\">").Append(Value(heldValue, held is null ? "record not readable" : "not given")).Append("</td>")
                .Append("<td class=\"govuk-table__cell\">").Append(Value(registerValue, client is null ? "no longer in the register" : "not given")).Append("</td>")
                .Append("<td class=\"govuk-table__cell\">").Append(Tag(agreement.Text, agreement.Colour)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static readonly Agreement Masked = new("Not compared: name masked on the list", "grey", false);

    private static string Value(string value, string absent) =>
        value.Length > 0 ? E(value) : $"<span class=\"govuk-hint govuk-!-margin-bottom-0\">{E(absent)}</span>";

    private static string Day(NodaTime.LocalDate date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string BirthDate(PersonParticulars? held) => held switch
    {
        { DateOfBirth: { } date } => Day(date),
        { PartialDateOfBirth: { Month: { } month } partial } => string.Create(CultureInfo.InvariantCulture, $"{new DateTime(partial.Year, month, 1):MMM yyyy} (day not given)"),
        { PartialDateOfBirth: { } partial } => string.Create(CultureInfo.InvariantCulture, $"{partial.Year} (day and month not given)"),
        _ => "",
    };

    private static Agreement Surname(SurnameAgreement level) => level switch
    {
        SurnameAgreement.Same => Agreement.Same,
        SurnameAgreement.OneEdit => Agreement.Differ("one letter"),
        _ => Agreement.Differ("different"),
    };

    private static Agreement Forenames(ForenameAgreement first, MiddleNameAgreement middle) => (first, middle) switch
    {
        (ForenameAgreement.Same, not MiddleNameAgreement.Different) => Agreement.Same,
        (ForenameAgreement.Same, _) => Agreement.Differ("middle names"),
        (ForenameAgreement.Variant, _) => Agreement.Differ("a listed variant"),
        (ForenameAgreement.InitialOnly, _) => Agreement.Differ("initial only"),
        (ForenameAgreement.Swapped, _) => Agreement.Differ("first and middle swapped"),
        (ForenameAgreement.OneEdit, _) => Agreement.Differ("one letter"),
        (ForenameAgreement.SameInitial, _) => Agreement.Differ("same initial only"),
        _ => Agreement.Differ("different"),
    };

    private static Agreement BirthDate(BirthDateAgreement level) => level switch
    {
        BirthDateAgreement.Same => Agreement.Same,
        BirthDateAgreement.PartialAgrees => new Agreement("Part given; it agrees", "grey", false),
        BirthDateAgreement.Missing => new Agreement("Not given", "grey", false),
        BirthDateAgreement.DayMonthSwapped => Agreement.Differ("day and month swapped"),
        BirthDateAgreement.OneDay => Agreement.Differ("one day apart"),
        BirthDateAgreement.OneDigit => Agreement.Differ("one digit"),
        _ => Agreement.Differ("different"),
    };

    private static Agreement Identifier(string? held, string? register) =>
        held is null || register is null ? new Agreement("Not on both", "grey", false)
        : string.Equals(held, register, StringComparison.Ordinal) ? Agreement.Same
        : Agreement.Differ("different");

    private sealed record Agreement(string Text, string Colour, bool Differs)
    {
        public static Agreement Same { get; } = new("Same", "green", false);

        public static Agreement Unknown { get; } = new("Not compared", "grey", false);

        public static Agreement Differ(string how) => new("Differs: " + how, "yellow", true);
    }
}
