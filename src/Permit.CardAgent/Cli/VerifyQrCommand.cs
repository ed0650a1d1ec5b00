using Permit.CardAgent.Offline;
using Permit.CardAgent.Verification;
using Permit.Documents.Qr;
using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>verify-qr [TEXT|-] [--image FILE]</c>: checks a permit QR credential (<c>RP1:…</c>) with no network, against the
/// trust list and revocation list the last <c>sync</c> stored, through the same <see cref="CredentialVerifier"/> as
/// cards. The text comes from the argument, from standard input (<c>-</c> or nothing), or from a picture of the code.
/// Exit 0 genuine and in force, 1 otherwise, 7 when the image holds no readable QR code.
/// </summary>
public static class VerifyQrCommand
{
    /// <summary>The positional argument's name.</summary>
    public const string TextArgument = "TEXT";

    public static int Run(CommandArguments options, CommandConsole console, AgentHost host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var positional = options.Argument(TextArgument);
        var image = options.Value("--image");
        if (image is not null && positional is not null)
            throw AgentException.Usage("verify-qr: give the QR text or --image FILE, not both.");

        var text = image is not null ? ReadImage(image) : positional is null or "-" ? host.Input.ReadToEnd() : positional;
        var setup = OfflineVerifier.Load(AgentState.Store(options.Value("--state"), host, options.Value("--trust-root")), "verify-qr");
        var now = host.Time.GetUtcNow();
        var verdict = CredentialVerifier.VerifyQr(text.Trim(), setup.TrustList, setup.Revocation, now);
        var json = QrVerdictJson.From(verdict);
        if (console.Json)
        {
            console.WriteJson(json);
        }
        else
        {
            console.WriteLine(json.Genuine
                ? "GENUINE and in force: the QR credential passed every check."
                : $"NOT ACCEPTED ({json.Reason}): the QR credential failed a check.");
            if (json.Claims is { } c)
            {
                console.WriteLine($"  permit number      {c.PermitNumber} (card {c.CardSequence})");
                console.WriteLine($"  name               {c.Name}");
                console.WriteLine($"  ID number          {c.MaskedIdNumber}");
                console.WriteLine($"  residence region   {c.ResidenceRegion}");
                console.WriteLine($"  valid until        {c.ValidUntil:yyyy-MM-dd}");
            }

            console.WriteLine("Checks:");
            foreach (var check in json.Checks)
                console.WriteLine($"  {check.Check,-26} {check.Outcome}{(check.Detail is null ? "" : $" ({check.Detail})")}");
            if (OfflineVerifier.StaleWarning(setup, now) is { } stale)
                console.WriteLine($"Warning: {stale}");
        }

        return verdict.Accepted ? ExitCodes.Ok : ExitCodes.NotGenuine;
    }

    private static string ReadImage(string path)
    {
        if (!File.Exists(path))
            throw AgentException.DataInvalid($"verify-qr: there is no image file {path}.");
        var read = QrReader.ReadImageFile(path);
        return read.Text ?? throw AgentException.DataInvalid($"verify-qr: no QR code could be read from {path} ({read.Message}).");
    }
}
