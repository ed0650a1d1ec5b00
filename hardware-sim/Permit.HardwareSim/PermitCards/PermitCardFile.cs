using System.Text.Json;
using System.Text.Json.Serialization;

namespace Permit.HardwareSim.PermitCards;

/// <summary>
/// The card file: a permit card's whole persistent state as JSON, so a personalized card can be stopped,
/// kept, and inserted again. Written to a temporary file and renamed over the old one, so a crash mid-write
/// leaves the previous card intact rather than half a card.
/// </summary>
public static class PermitCardFile
{
    private const string SimulatorNote =
        "SIMULATED permit card for tests (permit-sim). The chip private key below is a test key and not a secret.";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Save(string path, PermitCardState state)
    {
        var document = new CardDocument
        {
            Note = SimulatorNote,
            Serial = Convert.ToHexString(state.Serial),
            TransportCode = Convert.ToHexString(state.TransportCode),
            TransportTriesLeft = state.TransportTriesLeft,
            // PERSONALIZING is session state; stored, it is BLANK (see CardLifeCycle).
            LifeCycle = (state.LifeCycle == CardLifeCycle.Personalizing ? CardLifeCycle.Blank : state.LifeCycle).ToString().ToUpperInvariant(),
            Files = state.Files.OrderBy(f => f.Key).ToDictionary(f => f.Key.ToString("X4", CultureInfo.InvariantCulture), f => Convert.ToBase64String(f.Value)),
            ChipPrivateKeyPkcs8 = state.ChipPrivateKeyPkcs8 is { } key ? Convert.ToBase64String(key) : null,
        };

        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, document, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, fullPath, overwrite: true);
    }

    /// <exception cref="InvalidDataException">The file is not a card file, or holds values a card cannot have.</exception>
    public static PermitCardState Load(string path)
    {
        CardDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<CardDocument>(stream, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a permit card file: {e.Message}", e);
        }

        if (document is null)
        {
            throw new InvalidDataException($"{path} is not a permit card file.");
        }

        var state = new PermitCardState(
            ParseHex8(document.Serial, "serial", path),
            ParseHex8(document.TransportCode, "transportCode", path))
        {
            TransportTriesLeft = document.TransportTriesLeft is >= 0 and <= PermitCardState.MaxTransportTries
                ? document.TransportTriesLeft
                : throw new InvalidDataException($"{path}: transportTriesLeft must be 0..{PermitCardState.MaxTransportTries}."),
            LifeCycle = Enum.TryParse<CardLifeCycle>(document.LifeCycle, ignoreCase: true, out var lifeCycle)
                ? (lifeCycle == CardLifeCycle.Personalizing ? CardLifeCycle.Blank : lifeCycle)
                : throw new InvalidDataException($"{path}: lifeCycle must be BLANK, ACTIVE or TERMINATED."),
            ChipPrivateKeyPkcs8 = document.ChipPrivateKeyPkcs8 is { } key ? ParseBase64(key, "chipPrivateKeyPkcs8", path) : null,
        };

        foreach (var (name, base64) in document.Files ?? [])
        {
            if (!ushort.TryParse(name, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fid)
                || !PermitFiles.MaxSizes.TryGetValue(fid, out var max))
            {
                throw new InvalidDataException($"{path}: '{name}' is not a file of the permit application.");
            }

            var content = ParseBase64(base64, name, path);
            state.Files[fid] = content.Length <= max
                ? content
                : throw new InvalidDataException($"{path}: file {name} is longer than its {max}-byte maximum.");
        }

        return state;
    }

    private static byte[] ParseHex8(string? hex, string field, string path)
    {
        try
        {
            var bytes = Convert.FromHexString(hex ?? "");
            return bytes.Length == 8 ? bytes : throw new InvalidDataException($"{path}: {field} must be 16 hex digits.");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path}: {field} must be 16 hex digits.", e);
        }
    }

    private static byte[] ParseBase64(string base64, string field, string path)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path}: {field} is not base64.", e);
        }
    }

    private sealed class CardDocument
    {
        public string? Note { get; set; }

        public string? Serial { get; set; }

        public string? TransportCode { get; set; }

        public int TransportTriesLeft { get; set; }

        public string? LifeCycle { get; set; }

        public Dictionary<string, string>? Files { get; set; }

        public string? ChipPrivateKeyPkcs8 { get; set; }
    }
}
