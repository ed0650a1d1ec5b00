using Permit.CardAgent.Issuing;
using Permit.CardAgent.Pairing;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>pair --api URL (--user NAME | --terminal) [--name LABEL] [--state DIR]</c>: an officer (password) or a counter
/// terminal (its API key) signs in once on this PC, on standard input; the API registers the agent, and the agent keeps
/// the API's address, its own id and the API's ticket and seal public keys (<c>pairing.json</c>). The password or key
/// is used for this one call and kept nowhere.
/// </summary>
public static class PairCommand
{
    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var api = AgentPairing.RequireSecure(PermitApiClient.ParseApiUrl(options.Required("--api"), "pair: --api"), "pair: --api");
        var user = options.Value("--user");
        var terminal = options.Flag("--terminal");
        if ((user is null) == !terminal)
            throw AgentException.Usage("pair: give --user NAME (an officer, password on standard input) or --terminal (the counter's API key on standard input).");
        var secret = (await host.Input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(secret))
            throw AgentException.Usage(terminal ? "pair: the terminal's API key is read from standard input." : "pair: the password is read from standard input.");
        var name = options.Value("--name") ?? Environment.MachineName;

        using var http = host.ApiClients(api);
        PermitApiClient client;
        if (terminal)
        {
            client = new PermitApiClient(http, secret, PermitApiClient.ApiKeyHeader);
        }
        else
        {
            var token = await new PermitApiClient(http, token: null).SignInAsync(user!, secret, cancellationToken).ConfigureAwait(false);
            client = new PermitApiClient(http, token);
        }

        var answer = await client.PairAsync(name, cancellationToken).ConfigureAwait(false);
        var pairing = new AgentPairing(api.ToString(), answer.AgentId, answer.Kind, answer.Name, answer.TicketKey.Kid ?? "",
            answer.TicketKey.Spki, answer.SealKey.Spki, host.Time.GetUtcNow());
        var store = Offline.AgentState.Store(options.Value("--state"), host);
        // Checks the keys decode before anything is written: a bad answer leaves an earlier pairing in place.
        using (pairing.LoadTicketKey())
        using (pairing.LoadSealKey())
            pairing.Save(store.Directory);

        if (console.Json)
            console.WriteJson(new { agentId = pairing.AgentId, kind = pairing.Kind, api = pairing.Api, ticketKeyId = pairing.TicketKeyId });
        else
            console.WriteLine($"Paired as {pairing.Kind} agent {pairing.AgentId} with {pairing.Api} (ticket key {pairing.TicketKeyId}).");
        return ExitCodes.Ok;
    }
}
