namespace Permit.Api.Features.Permits;

/// <summary>
/// The last permit serial handed out for one (region, year). Incremented in the same transaction that inserts the
/// permit, so a rolled-back issuance gives its number back and numbers stay gap-free.
/// </summary>
public sealed class PermitNumberCounter
{
    private PermitNumberCounter()
    {
        Region = null!;
    }

    public string Region { get; private set; }

    public int Year { get; private set; }

    public int LastSerial { get; private set; }

    /// <summary>A counter that continues after numbers given out elsewhere (demo data, records taken over from another system).</summary>
    public static PermitNumberCounter ContinuingAfter(string region, int year, int lastSerial) =>
        new() { Region = region, Year = year, LastSerial = lastSerial };
}
