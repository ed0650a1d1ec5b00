using Permit.CardAgent.Issuing;
using Permit.CardAgent.Personalization;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>personalize --api URL --permit NUMBER</c>: personalizes the permit's ordered card with files the permit API signs
/// for this chip, then confirms it (<see cref="ApiPersonalizer"/>). Re-running the same command completes an
/// interrupted run: a pulled card is personalized afresh, an already active card is confirmed.
/// </summary>
public static class PersonalizeFromApiCommand
{
    public const string TokenVariable = "PERMIT_API_TOKEN";

    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        foreach (var local in new[] { "--data", "--issuer-key", "--photo" })
        {
            if (options.Value(local) is not null)
                throw AgentException.Usage($"personalize: {local} is for local data; with --api the permit API supplies the files.");
        }

        // The officer's token travels to this API: https only, unless the API is on this PC.
        var api = Pairing.AgentPairing.RequireSecure(PermitApiClient.ParseApiUrl(options.Required("--api"), "--api"), "personalize: --api");
        var permitNumber = options.Required("--permit").Trim();
        var transportCode = options.Value("--transport-code") is { } hex
            ? KeyFiles.ParseTransportCode(hex)
            : PersonalizationInput.DefaultTransportCode;
        using var http = host.ApiClients(api);
        var token = await OfficerToken.ResolveAsync(options, host, http, cancellationToken).ConfigureAwait(false);
        var client = new PermitApiClient(http, token);

        var permit = await client.GetPermitAsync(permitNumber, cancellationToken).ConfigureAwait(false);
        using var operations = host.Operations();
        var result = await operations.PersonalizeWithApiAsync(options.Value("--reader"), client, permit, transportCode,
            step =>
            {
                if (!console.Json)
                    console.WriteLine($"  {step}");
            },
            cancellationToken).ConfigureAwait(false);

        var card = result.Card;
        if (console.Json)
        {
            console.WriteJson(new
            {
                reader = result.Reader,
                status = "issued",
                permitNumber = card.PermitNumber,
                cardSequence = card.CardSequence,
                cardStatus = card.CardStatus,
                permitStatus = card.PermitStatus,
                issuedOn = card.IssuedOn,
                serial = card.SerialMasked,
                issuerKeyId = card.IssuerKeyId,
                recovered = card.Recovered,
                figures = FiguresJson.From(result.Figures),
            });
        }
        else
        {
            console.WriteLine(card.Recovered
                ? $"Permit card {card.PermitNumber} (card {card.CardSequence}) was already active; the permit API now records it as issued (permit {card.PermitStatus})."
                : $"Permit card {card.PermitNumber} (card {card.CardSequence}) is personalized, checked, active and recorded as issued " +
                  $"(permit {card.PermitStatus}, issuer key {card.IssuerKeyId}, {result.Figures.Apdus} APDUs).");
        }

        return ExitCodes.Ok;
    }
}

/// <summary>The officer's bearer token: <c>--token</c>, else <c>PERMIT_API_TOKEN</c>, else a sign-in with <c>--user</c> and the password on stdin.</summary>
internal static class OfficerToken
{
    public static async Task<string> ResolveAsync(CommandArguments options, AgentHost host, HttpClient http, CancellationToken cancellationToken)
    {
        var user = options.Value("--user");
        var token = options.Value("--token");
        if (user is not null && token is not null)
            throw AgentException.Usage($"{options.Command}: give --token or --user, not both.");
        if (user is null)
        {
            return Blank(token) ?? Blank(host.Environment(PersonalizeFromApiCommand.TokenVariable)) ?? throw AgentException.Usage(
                $"{options.Command}: the permit API needs an officer's sign-in: --token TOKEN, {PersonalizeFromApiCommand.TokenVariable}, " +
                "or --user NAME with the password on standard input.");
        }

        var password = await host.Input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(password))
            throw AgentException.Usage($"{options.Command}: --user needs the password on standard input (one line).");
        return await new PermitApiClient(http, token: null).SignInAsync(user, password, cancellationToken).ConfigureAwait(false);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
