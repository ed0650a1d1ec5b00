using Permit.Domain.Identity;

namespace Permit.Domain.Duplicates;

/// <summary>A record's identity as the matcher compares it: the ID number as held (15 or 18 characters), name, birth date.</summary>
public sealed record PersonFacts(string IdNumber, string Name, DateOnly BirthDate)
{
    /// <summary>The facts of a register record, whose number is always 18 characters.</summary>
    public static PersonFacts Of(CitizenIdNumber number, string name, DateOnly birthDate)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(number.Value, name, birthDate);
    }
}

/// <summary>
/// Why two records look like one person, in words an officer checks against the records: the rule, the digit position
/// (1-based, as a person counts along the printed number) and the two digits there, and how the names differ. It names no
/// whole ID number: the evidence is stored and listed, ID numbers are not.
/// </summary>
public sealed record DuplicateEvidence(DuplicateRule Rule, int? Position, string? Digits, NameVariance NameVariance)
{
    /// <summary>One line, English, for the stored suspicion and the page's fallback (the page words it per language).</summary>
    public string Describe()
    {
        var what = Rule switch
        {
            DuplicateRule.IdNumberOneDigit => $"ID numbers differ in digit {Position} only ({Digits})",
            DuplicateRule.IdNumberTransposition => $"ID numbers have digits {Position} and {Position + 1} swapped ({Digits})",
            DuplicateRule.OldAndNewIdNumber => "the 15-digit number is the old form of the 18-digit one",
            DuplicateRule.NameWrittenDifferently => "same ID number",
            _ => Rule.ToString(),
        };
        var names = NameVariance == NameVariance.None ? "names identical" : $"names written differently ({NameVariance})";
        return $"{what}; {names}; same birth date";
    }
}

/// <summary>
/// The duplicate rules of docs/duplicates.md, on two records' <see cref="PersonFacts"/>. The names must agree in
/// <see cref="NameForms.Canonical"/> form for every rule: the ID-number rules alone would pair strangers (one slip away
/// from a real number is somebody else's number as often as not).
/// </summary>
public static class DuplicateMatcher
{
    public static DuplicateEvidence? Compare(PersonFacts first, PersonFacts second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = first.IdNumber.Trim().ToUpperInvariant();
        var b = second.IdNumber.Trim().ToUpperInvariant();
        if (first.BirthDate != second.BirthDate
            || !string.Equals(NameForms.Canonical(first.Name), NameForms.Canonical(second.Name), StringComparison.Ordinal))
            return null;
        var names = NameForms.Variance(first.Name, second.Name);

        if (a.Length == 15 || b.Length == 15)
            return OldAndNew(a, b, names);
        if (a.Length != 18 || b.Length != 18)
            return null;
        if (string.Equals(a, b, StringComparison.Ordinal))
            return names == NameVariance.None ? null : new DuplicateEvidence(DuplicateRule.NameWrittenDifferently, null, null, names);

        var bodyA = IdNumberForms.Body(a);
        var bodyB = IdNumberForms.Body(b);
        if (IdNumberForms.SingleDifference(bodyA, bodyB) is { } at)
            return new DuplicateEvidence(DuplicateRule.IdNumberOneDigit, at + 1, $"{bodyA[at]}/{bodyB[at]}", names);
        if (IdNumberForms.AdjacentSwap(bodyA, bodyB) is { } swap)
            return new DuplicateEvidence(DuplicateRule.IdNumberTransposition, swap + 1, $"{bodyA[swap]}{bodyA[swap + 1]}/{bodyB[swap]}{bodyB[swap + 1]}", names);
        return null;
    }

    private static DuplicateEvidence? OldAndNew(string a, string b, NameVariance names)
    {
        if (a.Length == 15 && b.Length == 15)
            return null;
        var (fifteen, eighteen) = a.Length == 15 ? (a, b) : (b, a);
        if (eighteen.Length != 18 || !fifteen.All(char.IsAsciiDigit))
            return null;
        // The body decides, not the check character: an old system's upgrade with a wrong check character is still it.
        return string.Equals(IdNumberForms.FifteenDigitForm(eighteen), fifteen, StringComparison.Ordinal)
            ? new DuplicateEvidence(DuplicateRule.OldAndNewIdNumber, null, null, names)
            : null;
    }
}
