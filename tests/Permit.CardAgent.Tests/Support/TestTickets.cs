using System.Security.Cryptography;
using Permit.CardAgent.Pairing;
using Permit.Domain.Credentials.Agents;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Tests.Support;

/// <summary>
/// A pairing of the agent under test with a TEST-ONLY ticket key (written as <c>pairing.json</c> into a temporary state
/// directory) and tickets signed with it, as the permit API would sign them.
/// </summary>
internal sealed class TestTickets : IDisposable
{
    public const string Permit = "330211202600000019";

    private readonly ECDiffieHellman _seal = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public TestTickets(string kind = AgentPairing.Desk, string api = "http://127.0.0.1:9/", string? stateDirectory = null)
    {
        StateDirectory = stateDirectory ?? Directory.CreateTempSubdirectory("permit-agent-pairing-").FullName;
        Pairing = new AgentPairing(api, AgentId, kind, "test agent", IssuerKeyId.ToHex(IssuerKeyId.FromKey(Key)),
            Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(_seal.ExportSubjectPublicKeyInfo()), DateTimeOffset.UtcNow);
        Pairing.Save(StateDirectory);
    }

    /// <summary>TEST KEY ONLY: the "API's" ticket key.</summary>
    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public Guid AgentId { get; } = Guid.NewGuid();

    public string StateDirectory { get; }

    public AgentPairing Pairing { get; }

    /// <summary>Opens what a counter read sealed for the API.</summary>
    public byte[]? Open(string sealedFiles) => SealedCardFiles.Open(sealedFiles, _seal);

    /// <summary>Opens an ID card read a counter sealed for the API.</summary>
    public SealedIdCard? OpenIdCard(string sealedIdCard) => SealedIdCard.Open(sealedIdCard, _seal);

    public string Mint(string operation, string? permit = null, int? sequence = null, Guid? agent = null, ECDsa? key = null,
        AgentTicketHolder? holder = null)
    {
        var now = DateTimeOffset.UtcNow;
        var personalize = operation == AgentOperations.Personalize;
        var ticket = new AgentTicket(AgentTicketCodec.NewId(), agent ?? AgentId, operation,
            holder ?? (Pairing.IsCounter ? AgentTicketHolder.Terminal : AgentTicketHolder.Officer), Guid.NewGuid(), now, now.AddMinutes(2),
            personalize ? permit ?? Permit : null, personalize ? sequence ?? 1 : null);
        return AgentTicketCodec.Sign(ticket, key ?? Key);
    }

    /// <summary>A client of the agent at <paramref name="address"/> that attaches a fresh ticket to each request, as the pages do.</summary>
    public HttpClient Client(string address) =>
        new(new TicketingHandler((operation, permit) => Task.FromResult(Mint(operation, permit)))) { BaseAddress = new Uri(address) };

    public void Dispose()
    {
        Key.Dispose();
        _seal.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    /// <summary>The operation a page would ask a ticket for, for a request to the agent.</summary>
    public static string OperationFor(HttpRequestMessage request) => request.RequestUri!.AbsolutePath switch
    {
        "/id-card/read" => AgentOperations.ReadId,
        "/permit-card/read" or "/qr/verify" => AgentOperations.ReadPermit,
        "/permit-card/personalize" => AgentOperations.Personalize,
        _ => AgentOperations.Events,
    };

    /// <summary>Pairs an agent state directory with the real permit API as an officer, and mints tickets there.</summary>
    public static async Task<ApiTickets> PairWithApiAsync(PermitTestHost api, string stateDirectory)
    {
        var officer = api.Officer();
        using var paired = await officer.PostAsJsonAsync("api/agents", new { name = "test desk" }, TestContext.Current.CancellationToken);
        var body = await paired.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(paired.IsSuccessStatusCode, body.ToString());
        var agentId = body.GetProperty("agentId").GetGuid();
        new AgentPairing(api.BaseAddress.AbsoluteUri, agentId, body.GetProperty("kind").GetString()!, "test desk",
            body.GetProperty("ticketKey").GetProperty("kid").GetString()!, body.GetProperty("ticketKey").GetProperty("spki").GetString()!,
            body.GetProperty("sealKey").GetProperty("spki").GetString()!, DateTimeOffset.UtcNow).Save(stateDirectory);
        return new ApiTickets(officer, agentId);
    }
}

/// <summary>Tickets from the real API's <c>POST /api/agent-tickets</c> for a paired agent, on an officer's bearer token.</summary>
internal sealed class ApiTickets(HttpClient officer, Guid agentId) : IDisposable
{
    public Guid AgentId => agentId;

    public async Task<string> MintAsync(string operation, string? permit = null)
    {
        using var response = await officer.PostAsJsonAsync("api/agent-tickets",
            new { agentId, operation, permitNumber = operation == AgentOperations.Personalize ? permit : null }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("ticket").GetString()!;
    }

    public HttpClient Client(string address) => new(new TicketingHandler(MintAsync)) { BaseAddress = new Uri(address) };

    public void Dispose() => officer.Dispose();
}

/// <summary>Adds <c>Permit-Agent-Ticket</c> for the request's operation (for personalize, the body's permit number).</summary>
internal sealed class TicketingHandler(Func<string, string?, Task<string>> mint) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(AgentGate.TicketHeader) && request.RequestUri!.AbsolutePath != "/health")
        {
            var operation = TestTickets.OperationFor(request);
            string? permit = null;
            if (operation == AgentOperations.Personalize && request.Content is not null)
            {
                using var body = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                permit = body.RootElement.TryGetProperty("permit", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            }

            request.Headers.Add(AgentGate.TicketHeader, await mint(operation, permit));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
