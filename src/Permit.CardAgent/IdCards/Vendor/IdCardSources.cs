using Permit.CardAgent.Cards;
using Permit.CardAgent.Configuration;

namespace Permit.CardAgent.IdCards.Vendor;

/// <summary>
/// The ways the agent reads an ID card (<c>Agent:IdCardSource</c>): the PC/SC profile, or a vendor's reader library
/// loaded from <c>Agent:VendorLibrary</c> with the <c>SDT_*</c> or the <c>CVR_*</c> interface.
/// </summary>
public static class IdCardSources
{
    public const string Pcsc = "pcsc";
    public const string Sdt = "sdt";
    public const string Cvr = "cvr";

    /// <summary>The first USB reader, as the vendor libraries number ports (1001–1016 USB, 1–16 serial).</summary>
    public const int DefaultPort = 1001;

    /// <summary>Normalised (trimmed, lower case); an unknown word is kept and refused when a card is read, in plain words.</summary>
    public static string Parse(string? value) => string.IsNullOrWhiteSpace(value) ? Pcsc : value.Trim().ToLowerInvariant();

    public static bool IsVendor(AgentSettings settings) => settings?.IdCardSource is Sdt or Cvr;

    /// <summary>One read with the configured vendor library: the raw blocks, as the PC/SC profile would give them.</summary>
    /// <exception cref="AgentException">Not configured, the library cannot be loaded, or a vendor return code (<see cref="VendorReturnCodes"/>).</exception>
    public static IdCardRead ReadWithVendor(AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IdCardSource is not (Sdt or Cvr))
            throw AgentException.Usage($"Agent:IdCardSource is \"{settings.IdCardSource}\"; it is one of {Pcsc}, {Sdt}, {Cvr}.");
        if (settings.VendorLibrary is not { } path)
            throw new AgentException("vendor-library-not-configured", ExitCodes.Usage,
                $"Agent:IdCardSource is {settings.IdCardSource}, but no vendor library is configured (Agent:VendorLibrary, or {AgentSettings.VendorLibraryVariable}).");

        // Loaded per read and freed after: a reader unplugged and replugged, or a vendor library updated, is picked up
        // on the next read; the libraries keep no state the agent needs between reads.
        using var library = VendorLibrary.Load(path, "the ID card reader library (Agent:VendorLibrary)");
        return settings.IdCardSource == Sdt
            ? new SdtReader(library, settings.VendorPort).Read()
            : new CvrReader(library, settings.VendorPort, settings.VendorOutputDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path))!).Read();
    }
}
