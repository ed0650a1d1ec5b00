using Permit.CardAgent.Personalization;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>personalize</c>: writes permit.json (and the photo) to a blank permit card, signs EF.SIG with the issuer key,
/// reads everything back and activates. Every input is checked before the card is touched. With <c>--api</c> the
/// permit API supplies and records the files instead (<see cref="PersonalizeFromApiCommand"/>).
/// </summary>
public static class PersonalizeCommand
{
    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        if (options.Value("--api") is not null)
            return await PersonalizeFromApiCommand.RunAsync(options, console, host, cancellationToken).ConfigureAwait(false);
        foreach (var remote in new[] { "--permit", "--token", "--user" })
        {
            if (options.Value(remote) is not null)
                throw AgentException.Usage($"personalize: {remote} goes with --api URL (personalization by the permit API).");
        }

        var permit = PermitJson.Parse(KeyFiles.ReadText(options.Required("--data"), "permit data"));
        var photo = LoadPhoto(options.Value("--photo"));
        var transportCode = options.Value("--transport-code") is { } hex
            ? KeyFiles.ParseTransportCode(hex)
            : PersonalizationInput.DefaultTransportCode;
        using var issuerKey = KeyFiles.LoadIssuerPrivateKey(options.Required("--issuer-key"));

        using var operations = host.Operations();
        var result = operations.Personalize(options.Value("--reader"),
            new PersonalizationInput(permit, photo, new EcdsaIssuerSigner(issuerKey), transportCode));

        if (console.Json)
        {
            console.WriteJson(new
            {
                reader = result.Reader,
                status = "active",
                permitNumber = result.Card.PermitNumber,
                cardSequence = result.Card.CardSequence,
                issuerKeyId = result.Card.IssuerKeyId,
                figures = FiguresJson.From(result.Figures),
            });
        }
        else
        {
            console.WriteLine(
                $"Permit card {result.Card.PermitNumber} (card {result.Card.CardSequence}) is personalized, checked and active " +
                $"(issuer key {result.Card.IssuerKeyId}, {result.Figures.Apdus} APDUs).");
        }

        return ExitCodes.Ok;
    }

    /// <summary>EF.PHOTO for a JPEG file, or <c>5F 2E 00</c> when no photo is given.</summary>
    public static byte[] LoadPhoto(string? path)
    {
        if (path is null)
            return PhotoFile.Encode([]);

        var jpeg = KeyFiles.ReadBytes(path, "photo");
        if (jpeg is not [0xFF, 0xD8, ..])
            throw AgentException.DataInvalid($"The photo {path} is not a JPEG file.");
        try
        {
            return PhotoFile.Encode(jpeg);
        }
        catch (ArgumentException e)
        {
            throw AgentException.DataInvalid(e.Message, e);
        }
    }
}
