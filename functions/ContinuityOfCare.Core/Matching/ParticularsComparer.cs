namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// Compares a record with a client field by field (docs/plan.md "Matching"), on names folded by
/// <see cref="NameFolding"/>. Pure; the levels are what the match rules and the match weight read.
/// </summary>
public static class ParticularsComparer
{
    private const int MinimumLengthForSlip = 4;

    /// <summary>The comparison of <paramref name="record"/> with <paramref name="client"/>.</summary>
    public static ParticularsComparison Compare(FoldedParticulars record, FoldedParticulars client)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(client);
        return new ParticularsComparison(
            Surname(record.Surname, client.Surname),
            Forename(record.Forenames, client.Forenames),
            MiddleNames(record.Forenames, client.Forenames),
            BirthDate(record, client));
    }

    private static SurnameAgreement Surname(string record, string client)
    {
        if (record.Length == 0 || client.Length == 0)
        {
            return SurnameAgreement.Different;
        }

        if (record == client)
        {
            return SurnameAgreement.Same;
        }

        return record.Length >= MinimumLengthForSlip && client.Length >= MinimumLengthForSlip && WithinOneEdit(record, client)
            ? SurnameAgreement.OneEdit
            : SurnameAgreement.Different;
    }

    private static ForenameAgreement Forename(string[] record, string[] client)
    {
        if (record.Length == 0 || client.Length == 0)
        {
            return ForenameAgreement.Different;
        }

        string a = record[0], b = client[0];
        if (a == b)
        {
            return ForenameAgreement.Same;
        }

        if ((a.Length == 1 || b.Length == 1) && a[0] == b[0])
        {
            return ForenameAgreement.InitialOnly;
        }

        if (ForenameVariants.AreVariants(a, b))
        {
            return ForenameAgreement.Variant;
        }

        if ((record.Length > 1 && record[1] == b) || (client.Length > 1 && client[1] == a))
        {
            return ForenameAgreement.Swapped;
        }

        if (a.Length >= MinimumLengthForSlip && b.Length >= MinimumLengthForSlip && WithinOneEdit(a, b))
        {
            return ForenameAgreement.OneEdit;
        }

        return a[0] == b[0] && a.Length > 1 && b.Length > 1 ? ForenameAgreement.SameInitial : ForenameAgreement.Different;
    }

    // Middle names are compared only when both sides give some: registers often hold the first forename alone.
    private static MiddleNameAgreement MiddleNames(string[] record, string[] client)
    {
        if (record.Length <= 1 && client.Length <= 1)
        {
            return MiddleNameAgreement.Same;
        }

        if (record.Length <= 1 || client.Length <= 1)
        {
            return MiddleNameAgreement.Compatible;
        }

        if (record.AsSpan(1).SequenceEqual(client.AsSpan(1)))
        {
            return MiddleNameAgreement.Same;
        }

        // Trailing initials: "JOHN A" against "JOHN ALAN" agrees; so does a shorter list that is a prefix of the longer.
        var shorter = Math.Min(record.Length, client.Length);
        for (var i = 1; i < shorter; i++)
        {
            string a = record[i], b = client[i];
            var agrees = a == b || ((a.Length == 1 || b.Length == 1) && a[0] == b[0]);
            if (!agrees)
            {
                // A swapped first/middle pair is reported by the forename level, not twice.
                return (record.Length > 1 && client.Length > 1 && record[1] == client[0] && client[1] == record[0])
                    ? MiddleNameAgreement.Compatible
                    : MiddleNameAgreement.Different;
            }
        }

        return MiddleNameAgreement.Compatible;
    }

    private static BirthDateAgreement BirthDate(FoldedParticulars record, FoldedParticulars client)
    {
        if (record.DateOfBirth is { } recordDate && client.DateOfBirth is { } clientDate)
        {
            return BirthDateSlips.Compare(recordDate, clientDate);
        }

        if (record.PartialDateOfBirth is { } partial && client.DateOfBirth is { } full)
        {
            return partial.Year == full.Year && (partial.Month is null || partial.Month == full.Month)
                ? BirthDateAgreement.PartialAgrees
                : BirthDateAgreement.Different;
        }

        return BirthDateAgreement.Missing;
    }

    /// <summary>True when the two differ by one insertion, deletion, substitution or swap of neighbours (or not at all).</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            var rest = a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            var swap = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            return rest || swap;
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : b.AsSpan(i + 1).SequenceEqual(a.AsSpan(i));
    }
}
