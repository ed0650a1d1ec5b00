namespace Permit.Domain.Duplicates;

/// <summary>
/// Compares two citizen ID numbers as typing slips make them differ (docs/duplicates.md, "ID numbers"). Numbers are
/// compared on their 17-digit body, never on the check character: MOD 11-2 catches every single wrong digit and every
/// swap of neighbours, so two numbers that both pass the check never differ in exactly one place or one swap. A slip
/// that reached the register passed because someone (an old system, a clerk) recomputed the check character after it.
/// </summary>
public static class IdNumberForms
{
    /// <summary>The 17 digits before the check character of an 18-character number.</summary>
    public static string Body(string eighteen)
    {
        ArgumentNullException.ThrowIfNull(eighteen);
        return eighteen.Length == 18 ? eighteen[..17] : throw new ArgumentException("An 18-character number is expected.", nameof(eighteen));
    }

    /// <summary>
    /// The first-generation 15-digit form of an 18-character number of someone born in the 1900s (address ‖ YYMMDD ‖
    /// sequence), or null: only they were given 15-digit numbers.
    /// </summary>
    public static string? FifteenDigitForm(string eighteen)
    {
        ArgumentNullException.ThrowIfNull(eighteen);
        if (eighteen.Length != 18 || eighteen[6] != '1' || eighteen[7] != '9')
            return null;
        return string.Concat(eighteen.AsSpan(0, 6), eighteen.AsSpan(8, 9));
    }

    /// <summary>The 18 characters a 15-digit number becomes: <c>19</c> before the year, the check character after.</summary>
    public static string Upgrade(string fifteen)
    {
        ArgumentNullException.ThrowIfNull(fifteen);
        if (fifteen.Length != 15 || !fifteen.All(char.IsAsciiDigit))
            throw new ArgumentException("A 15-digit number is expected.", nameof(fifteen));
        var seventeen = string.Concat(fifteen.AsSpan(0, 6), "19", fifteen.AsSpan(6));
        return seventeen + Mod11Check.Compute(seventeen);
    }

    /// <summary>The one position (0-based) where two bodies of equal length differ, or null when they differ in none or more.</summary>
    public static int? SingleDifference(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Length != second.Length)
            return null;
        int? at = null;
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] == second[i])
                continue;
            if (at is not null)
                return null;
            at = i;
        }
        return at;
    }

    /// <summary>
    /// The position (0-based) of the first of two neighbouring digits that are swapped between the bodies, everything else
    /// equal; null otherwise (also for equal bodies, and for a "swap" of two equal digits, which changes nothing).
    /// </summary>
    public static int? AdjacentSwap(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Length != second.Length)
            return null;
        var i = 0;
        while (i < first.Length && first[i] == second[i])
            i++;
        if (i >= first.Length - 1 || first[i] != second[i + 1] || first[i + 1] != second[i])
            return null;
        return first.AsSpan(i + 2).SequenceEqual(second.AsSpan(i + 2)) ? i : null;
    }
}
