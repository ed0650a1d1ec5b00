using System.CommandLine;
using System.CommandLine.Parsing;

namespace Permit.HardwareSim.Cli;

/// <summary>Which card permit-sim emulates.</summary>
public enum SimulatedCardKind
{
    Permit,
    Id,
}

/// <summary>
/// permit-sim's command line, checked before anything is opened: the options of <c>permit</c> and <c>id</c>
/// (System.CommandLine, so <c>--help</c> and the errors are generated), and what one run was asked to do.
/// </summary>
public sealed record SimArguments
{
    public required SimulatedCardKind Kind { get; init; }

    public required int VpcdPort { get; init; }

    public int? ControlPort { get; init; }

    /// <summary>permit: the card file.</summary>
    public string? CardFile { get; init; }

    /// <summary>permit: the transport code for a newly created card.</summary>
    public byte[]? TransportCode { get; init; }

    /// <summary>permit: the serial for a newly created card.</summary>
    public byte[]? Serial { get; init; }

    /// <summary>id: the JSON data file.</summary>
    public string? DataFile { get; init; }

    public string? PhotoFile { get; init; }

    public string? FingerprintFile { get; init; }

    /// <summary>The two card kinds as commands, each running <paramref name="run"/> with its checked arguments.</summary>
    public static IEnumerable<Command> Commands(Func<SimArguments, CancellationToken, Task<int>> run)
    {
        var permitPort = VpcdPortOption();
        var permitControl = ControlPortOption();
        var card = new Option<string>("--card")
        {
            Description = "The card file (JSON, saved after every change); a missing file becomes a new BLANK card.",
            HelpName = "FILE",
            Required = true,
        };
        var transportCode = Hex8Option("--transport-code", "The transport code of a new card (default 3132333435363738 = \"12345678\").");
        var serial = Hex8Option("--serial", "The serial of a new card (default random).");
        var permit = new Command("permit", "Emulate a permit card (docs/permit-card.md).")
        {
            permitPort, card, transportCode, serial, permitControl,
        };
        permit.SetAction((parsed, stop) => run(new SimArguments
        {
            Kind = SimulatedCardKind.Permit,
            VpcdPort = parsed.GetValue(permitPort)!.Value,
            ControlPort = parsed.GetValue(permitControl),
            CardFile = parsed.GetValue(card),
            TransportCode = Hex8(parsed.GetValue(transportCode)),
            Serial = Hex8(parsed.GetValue(serial)),
        }, stop));

        var idPort = VpcdPortOption();
        var idControl = ControlPortOption();
        var data = new Option<string>("--data")
        {
            Description = "The card's text: name, sex, ethnicGroup, birthDate, address, idNumber, issuingAuthority, validFrom, validTo, cardType (resident | foreigner | hmt).",
            HelpName = "FILE.json",
            Required = true,
        };
        var photo = new Option<string>("--photo") { Description = "The photo file (EF 0002).", HelpName = "FILE" };
        var fingerprint = new Option<string>("--fingerprint") { Description = "The fingerprint file (EF 0003, absent without it).", HelpName = "FILE" };
        var id = new Command("id", "Emulate a resident ID card (docs/id-card.md).") { idPort, data, photo, fingerprint, idControl };
        id.SetAction((parsed, stop) => run(new SimArguments
        {
            Kind = SimulatedCardKind.Id,
            VpcdPort = parsed.GetValue(idPort)!.Value,
            ControlPort = parsed.GetValue(idControl),
            DataFile = parsed.GetValue(data),
            PhotoFile = parsed.GetValue(photo),
            FingerprintFile = parsed.GetValue(fingerprint),
        }, stop));
        return [permit, id];
    }

    private static Option<int?> VpcdPortOption() => PortOption("--port", "The vpcd port on 127.0.0.1 the card connects to.", required: true);

    private static Option<int?> ControlPortOption() => PortOption("--control-port",
        "Loopback HTTP control: GET /status, POST /remove /insert /delay?ms= /drop?at= /answer?sw=&count= /clear.", required: false);

    private static Option<int?> PortOption(string name, string description, bool required) => new(name)
    {
        Description = description,
        HelpName = "P",
        Required = required,
        CustomParser = result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
                return port;
            result.AddError($"{name} must be a TCP port 1..65535");
            return null;
        },
    };

    // The value itself is never echoed in the error: it may be a real transport code.
    private static Option<string> Hex8Option(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "HEX16" };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !(token.Value.Length == 16 && token.Value.All(char.IsAsciiHexDigit)))
                result.AddError($"{name} must be 16 hex digits (8 bytes)");
        });
        return option;
    }

    private static byte[]? Hex8(string? text) => text is null ? null : Convert.FromHexString(text);
}
