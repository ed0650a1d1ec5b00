namespace Permit.Domain.Common;

/// <summary>
/// The ISO 7064 MOD 11-2 check character of GB 11643 (citizen ID numbers), also used by permit numbers
/// (<c>docs/permit-card.md</c>, "Permit number"). One implementation so both numbers agree to the byte.
/// </summary>
public static class Mod11Check
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for exactly 17 ASCII digits: S = Σ aᵢ·Wᵢ mod 11 mapped to <c>1 0 X 9 8 7 6 5 4 3 2</c>.</summary>
    /// <exception cref="ArgumentException">The input is not 17 ASCII digits.</exception>
    public static char Compute(ReadOnlySpan<char> seventeenDigits)
    {
        if (seventeenDigits.Length != Weights.Length || !AreAsciiDigits(seventeenDigits))
            throw new ArgumentException("The check character is computed over exactly 17 ASCII digits.", nameof(seventeenDigits));

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += (seventeenDigits[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    internal static bool AreAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
