namespace Permit.Iso7816.Tlv;

/// <summary>How forgiving a <see cref="TlvReader"/> is.</summary>
public sealed record TlvReadOptions
{
    /// <summary>Plain BER as ISO 7816-4 allows it: <c>00</c>/<c>FF</c> padding between objects, non-minimal lengths.</summary>
    public static TlvReadOptions Lenient { get; } = new();

    /// <summary>
    /// What signed data must look like: no padding, and every length in its shortest form (DER), so a
    /// structure has exactly one encoding.
    /// </summary>
    public static TlvReadOptions Strict { get; } = new() { SkipPadding = false, RequireMinimalLengths = true };

    /// <summary>Skip <c>00</c> and <c>FF</c> bytes found where a tag could start.</summary>
    public bool SkipPadding { get; init; } = true;

    /// <summary>Refuse a length written longer than needed, e.g. <c>81 05</c> instead of <c>05</c>.</summary>
    public bool RequireMinimalLengths { get; init; }
}
