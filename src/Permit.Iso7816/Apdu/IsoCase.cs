namespace Permit.Iso7816;

/// <summary>
/// The four command cases of ISO/IEC 7816-3 §12.1, each with short (one-byte Lc/Le) or extended (two-byte) lengths.
/// Case 1: no data, no response data. Case 2: response data only. Case 3: command data only. Case 4: both.
/// </summary>
public enum IsoCase
{
    Case1,
    Case2Short,
    Case3Short,
    Case4Short,
    Case2Extended,
    Case3Extended,
    Case4Extended,
}

public static class IsoCaseExtensions
{
    public static bool HasData(this IsoCase isoCase) =>
        isoCase is IsoCase.Case3Short or IsoCase.Case4Short or IsoCase.Case3Extended or IsoCase.Case4Extended;

    public static bool HasLe(this IsoCase isoCase) =>
        isoCase is IsoCase.Case2Short or IsoCase.Case4Short or IsoCase.Case2Extended or IsoCase.Case4Extended;

    public static bool IsExtended(this IsoCase isoCase) =>
        isoCase is IsoCase.Case2Extended or IsoCase.Case3Extended or IsoCase.Case4Extended;
}
