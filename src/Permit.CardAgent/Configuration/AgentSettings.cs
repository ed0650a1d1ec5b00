using Microsoft.Extensions.Configuration;

namespace Permit.CardAgent.Configuration;

/// <summary>
/// The agent's configuration: <c>appsettings.json</c> next to the executable (section <c>Agent</c>), overridden by
/// environment variables. Holds file paths and names only: never keys or transport codes themselves.
/// </summary>
public sealed record AgentSettings
{
    public const string IdReaderVariable = "PERMIT_AGENT_ID_READER";
    public const string PermitReaderVariable = "PERMIT_AGENT_PERMIT_READER";
    public const string PortVariable = "PERMIT_AGENT_PORT";
    public const string AllowedOriginsVariable = "PERMIT_AGENT_ALLOWED_ORIGINS";
    public const string TrustRootVariable = "PERMIT_AGENT_TRUST_ROOT";
    public const string IdCardSourceVariable = "PERMIT_AGENT_ID_CARD_SOURCE";
    public const string VendorLibraryVariable = "PERMIT_AGENT_VENDOR_LIBRARY";
    public const string WltDecoderVariable = "PERMIT_AGENT_WLT_DECODER";
    public const string VendorPortVariable = "PERMIT_AGENT_VENDOR_PORT";
    public const string MachineConfigVariable = "PERMIT_AGENT_CONFIG";
    public const int DefaultPort = 5179;

    /// <summary>The ID card reader's name; null = the first reader.</summary>
    public string? IdReader { get; init; }

    /// <summary>The permit card reader's name; null = the second reader.</summary>
    public string? PermitReader { get; init; }

    /// <summary>The loopback port <c>serve</c> listens on.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Web origins allowed to call <c>serve</c> (CORS), e.g. <c>https://permits.example.gov.cn</c>.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Issuer public keys (PEM files) <c>serve</c> trusts when verifying permit cards.</summary>
    public IReadOnlyList<string> TrustedIssuerKeyFiles { get; init; } = [];

    /// <summary>The signed revocation list file <c>serve</c> uses, if any.</summary>
    public string? RevocationFile { get; init; }

    /// <summary>The issuer private key (PEM file) <c>serve</c> signs EF.SIG with when it personalizes cards, if any.</summary>
    public string? IssuerKeyFile { get; init; }

    /// <summary>Where <c>sync</c> keeps the trust list and revocation list for offline verification; null = the per-user default.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>The permit API <c>serve</c> synchronises the offline lists from, if any.</summary>
    public string? Api { get; init; }

    /// <summary>
    /// The trust root's public key (PEM file, P-256): the only key a downloaded trust list is accepted from. Set once when
    /// the PC is installed, from a copy that did not come over the network the lists come from.
    /// </summary>
    public string? TrustRootPublicKeyFile { get; init; }

    /// <summary>How long past its nextUpdate a revocation list still confirms a verdict (with a warning); default 24 h.</summary>
    public TimeSpan RevocationGrace { get; init; } = Domain.Credentials.Verification.RevocationKnowledge.DefaultGrace;

    /// <summary>
    /// Where the log file goes: null = the operating system's place (<see cref="Logging.AgentLogging.DefaultDirectory"/>),
    /// empty = no file. <c>PERMIT_AGENT_LOG_DIRECTORY</c> overrides it.
    /// </summary>
    public string? LogDirectory { get; init; }

    /// <summary>How often <c>serve</c> synchronises, in minutes.</summary>
    public int SyncMinutes { get; init; } = 15;

    /// <summary>
    /// Where ID cards are read: <c>pcsc</c> (the PC/SC profile, default), <c>sdt</c> (a vendor library with the
    /// <c>SDT_*</c> interface) or <c>cvr</c> (the <c>CVR_*</c> family); see IdCards/Vendor/README.md.
    /// </summary>
    public string IdCardSource { get; init; } = IdCards.Vendor.IdCardSources.Pcsc;

    /// <summary>The vendor's reader library (sdtapi.dll, Termb.dll, libsdtapi.so…) for <see cref="IdCardSource"/> sdt or cvr.</summary>
    public string? VendorLibrary { get; init; }

    /// <summary>The vendor's WLT-to-BMP photo decoder (WltRS.dll, libwlt.so…), if any: without it the photo is not decodable.</summary>
    public string? WltDecoderLibrary { get; init; }

    /// <summary>The port number the vendor library opens: 1001–1016 USB, 1–16 serial; default 1001 (the first USB reader).</summary>
    public int VendorPort { get; init; } = IdCards.Vendor.IdCardSources.DefaultPort;

    /// <summary>Where a <c>cvr</c> library writes what it read (wz.txt, xp.wlt, zp.bmp); default: the library's folder.</summary>
    public string? VendorOutputDirectory { get; init; }

    /// <summary>
    /// The installed PC's own configuration, kept apart from the program so an upgrade never overwrites it:
    /// <c>PERMIT_AGENT_CONFIG</c>, else <c>Agent:MachineConfigFile</c> in the program's own <c>appsettings.json</c> (the
    /// packages name <c>/etc/permit-agent/appsettings.json</c>, the .deb's conffile, and
    /// <c>%ProgramData%\Permit\Agent\appsettings.json</c>, install.ps1's; environment variables are expanded), else
    /// none: a build from the repository (development, tests) never reads an installed PC's settings.
    /// </summary>
    public static string? MachineConfigFile(string directory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Blank(environment(MachineConfigVariable)) is { } file)
            return file;
        var own = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true, reloadOnChange: false)
            .Build();
        return Blank(own["Agent:MachineConfigFile"]) is { } named ? Environment.ExpandEnvironmentVariables(named) : null;
    }

    /// <summary>
    /// Reads <c>appsettings.json</c> in <paramref name="directory"/>, then <paramref name="machineConfigFile"/> over it
    /// (when given and present), then the environment.
    /// </summary>
    public static AgentSettings Load(string directory, Func<string, string?> environment, string? machineConfigFile = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (machineConfigFile is not null)
            builder.AddJsonFile(Path.GetFullPath(machineConfigFile), optional: true, reloadOnChange: false);
        var configuration = builder.Build();
        var agent = configuration.GetSection("Agent");
        var port = environment(PortVariable) ?? agent["Port"];
        var origins = environment(AllowedOriginsVariable)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? List(agent.GetSection("AllowedOrigins"));
        return new AgentSettings
        {
            IdReader = Blank(environment(IdReaderVariable)) ?? Blank(agent["IdReader"]),
            PermitReader = Blank(environment(PermitReaderVariable)) ?? Blank(agent["PermitReader"]),
            Port = int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : DefaultPort,
            AllowedOrigins = origins,
            TrustedIssuerKeyFiles = List(agent.GetSection("TrustedIssuerKeyFiles")),
            RevocationFile = Blank(agent["RevocationFile"]),
            IssuerKeyFile = Blank(agent["IssuerKeyFile"]),
            StateDirectory = Blank(agent["StateDirectory"]),
            Api = Blank(agent["Api"]),
            LogDirectory = agent["LogDirectory"],
            TrustRootPublicKeyFile = Blank(environment(TrustRootVariable)) ?? Blank(agent["TrustRootPublicKeyFile"]),
            RevocationGrace = TimeSpan.TryParse(agent["RevocationGrace"], System.Globalization.CultureInfo.InvariantCulture, out var g) && g >= TimeSpan.Zero
                ? g
                : Domain.Credentials.Verification.RevocationKnowledge.DefaultGrace,
            IdCardSource = IdCards.Vendor.IdCardSources.Parse(Blank(environment(IdCardSourceVariable)) ?? Blank(agent["IdCardSource"])),
            VendorLibrary = Blank(environment(VendorLibraryVariable)) ?? Blank(agent["VendorLibrary"]),
            WltDecoderLibrary = Blank(environment(WltDecoderVariable)) ?? Blank(agent["WltDecoderLibrary"]),
            VendorPort = int.TryParse(Blank(environment(VendorPortVariable)) ?? agent["VendorPort"], System.Globalization.CultureInfo.InvariantCulture, out var vp)
                && vp is > 0 and < 10000 ? vp : IdCards.Vendor.IdCardSources.DefaultPort,
            VendorOutputDirectory = Blank(agent["VendorOutputDirectory"]),
            SyncMinutes = int.TryParse(agent["SyncMinutes"], System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 15,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string[] List(IConfigurationSection section) =>
        [.. section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)];
}
