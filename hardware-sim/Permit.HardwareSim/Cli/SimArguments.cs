using System.Globalization;

namespace Permit.HardwareSim.Cli;

/// <summary>Which card permit-sim emulates.</summary>
public enum SimulatedCardKind
{
    Permit,
    Id,
}

/// <summary>permit-sim's command line, parsed and checked; <see cref="Parse"/> explains what is wrong instead of guessing.</summary>
public sealed record SimArguments
{
    public const string Usage = """
        usage:
          permit-sim permit --port P --card FILE [--transport-code HEX16] [--serial HEX16] [--control-port P]
          permit-sim id --port P --data FILE.json [--photo FILE] [--fingerprint FILE] [--control-port P]

        Connects an emulated card to vpcd on 127.0.0.1:P and keeps it inserted until stopped (SIGTERM / Ctrl+C).
        permit: FILE holds the card (created blank when missing; default transport code 3132333435363738 = "12345678",
                random serial). id: FILE.json has name, sex, ethnicGroup, birthDate, address, idNumber,
                issuingAuthority, validFrom, validTo, cardType (resident | foreigner | hmt).
        --control-port P  loopback HTTP control: GET /status, POST /remove /insert /delay?ms= /drop?at= /answer?sw=&count= /clear
        """;

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

    /// <summary>The parsed arguments, or the reason they cannot be used.</summary>
    public static (SimArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return (null, "missing the card kind: permit or id");
        }

        var kind = args[0] switch
        {
            "permit" => SimulatedCardKind.Permit,
            "id" => SimulatedCardKind.Id,
            _ => (SimulatedCardKind?)null,
        };
        if (kind is null)
        {
            return (null, $"unknown card kind '{args[0]}': permit or id");
        }

        var allowed = kind == SimulatedCardKind.Permit
            ? new[] { "--port", "--card", "--transport-code", "--serial", "--control-port" }
            : ["--port", "--data", "--photo", "--fingerprint", "--control-port"];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!allowed.Contains(name))
            {
                return (null, $"unknown option '{name}' for {args[0]}");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            if (!options.TryAdd(name, args[i + 1]))
            {
                return (null, $"{name} is given twice");
            }
        }

        if (!TryPort(options, "--port", required: true, out var port, out var error)
            || !TryPort(options, "--control-port", required: false, out var controlPort, out error))
        {
            return (null, error);
        }

        if (kind == SimulatedCardKind.Permit)
        {
            if (!options.TryGetValue("--card", out var card))
            {
                return (null, "--card FILE is required");
            }

            if (!TryHex8(options, "--transport-code", out var code, out error) || !TryHex8(options, "--serial", out var serial, out error))
            {
                return (null, error);
            }

            return (new SimArguments { Kind = kind.Value, VpcdPort = port!.Value, ControlPort = controlPort, CardFile = card, TransportCode = code, Serial = serial }, null);
        }

        if (!options.TryGetValue("--data", out var data))
        {
            return (null, "--data FILE.json is required");
        }

        return (new SimArguments
        {
            Kind = kind.Value,
            VpcdPort = port!.Value,
            ControlPort = controlPort,
            DataFile = data,
            PhotoFile = options.GetValueOrDefault("--photo"),
            FingerprintFile = options.GetValueOrDefault("--fingerprint"),
        }, null);
    }

    private static bool TryPort(Dictionary<string, string> options, string name, bool required, out int? port, out string? error)
    {
        port = null;
        error = null;
        if (!options.TryGetValue(name, out var text))
        {
            error = required ? $"{name} P is required" : null;
            return !required;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 65535)
        {
            port = value;
            return true;
        }

        error = $"{name} must be a TCP port 1..65535";
        return false;
    }

    private static bool TryHex8(Dictionary<string, string> options, string name, out byte[]? bytes, out string? error)
    {
        bytes = null;
        error = null;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        // The value itself is never echoed: it may be a real transport code.
        if (text.Length == 16 && text.All(char.IsAsciiHexDigit))
        {
            bytes = Convert.FromHexString(text);
            return true;
        }

        error = $"{name} must be 16 hex digits (8 bytes)";
        return false;
    }
}
