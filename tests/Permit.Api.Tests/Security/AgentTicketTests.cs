using System.Net.Http.Headers;
using System.Security.Cryptography;
using Permit.Api.Security.Agents;
using Permit.Domain.Credentials.Agents;

namespace Permit.Api.Tests.Security;

/// <summary>Pairing card agents, tickets for them, unpairing, and the personalize ticket as the agent's narrow credential.</summary>
public sealed class AgentTicketTests
{
    private static readonly string[] Health = ["Health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_pairs_a_desk_agent_and_gets_a_two_minute_read_id_ticket_that_verifies_with_the_pinned_key()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var officer = await api.SignedInClientAsync("li.registrar", OfficerRole.Registrar);

        var paired = await PairAsync(officer);
        var issued = await TicketAsync(officer, paired.GetProperty("agentId").GetGuid(), "read-id");

        Assert.Equal("desk", paired.GetProperty("kind").GetString());
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(paired.GetProperty("ticketKey").GetProperty("spki").GetString()!), out _);
        var read = AgentTicketCodec.Verify(issued.GetProperty("ticket").GetString(), key, DateTimeOffset.UtcNow);
        Assert.True(read.IsValid, read.Error);
        Assert.Equal(AgentOperations.ReadId, read.Ticket!.Operation);
        Assert.Equal(paired.GetProperty("agentId").GetGuid(), read.Ticket.AgentId);
        Assert.True(read.Ticket.ExpiresAt - read.Ticket.IssuedAt <= TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_counter_terminal_gets_read_permit_and_read_id_for_its_own_agent_but_never_personalize()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "clinic", categories = Health }, Ct);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("apiKey").GetString()!;
        using var terminal = api.CreateClient();
        terminal.DefaultRequestHeaders.Add("X-Api-Key", key);

        var agentId = (await PairAsync(terminal)).GetProperty("agentId").GetGuid();
        using var personalize = await terminal.PostAsJsonAsync("/api/agent-tickets", new { agentId, operation = "personalize", permitNumber = "330211202600000019" }, Ct);
        using var officerOnCounter = await admin.PostAsJsonAsync("/api/agent-tickets", new { agentId, operation = "events" }, Ct);

        Assert.Equal("read-permit", (await TicketAsync(terminal, agentId, "read-permit")).GetProperty("operation").GetString());
        // A counter reads ID cards to look permits up by them (its agent answers only sealed for the API).
        Assert.Equal("read-id", (await TicketAsync(terminal, agentId, "read-id")).GetProperty("operation").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, personalize.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerOnCounter.StatusCode);
    }

    [Fact]
    public async Task An_unpaired_agent_gets_no_ticket_and_its_personalize_ticket_no_longer_opens_the_api()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var agentId = (await PairAsync(admin)).GetProperty("agentId").GetGuid();
        var ticket = Mint(api, agentId, "330211202600000019");
        using var agentClient = api.CreateClient();
        agentClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("PermitAgentTicket", ticket);
        using (var before = await agentClient.GetAsync(new Uri("/api/permits/330211202600000019", UriKind.Relative), Ct))
            Assert.NotEqual(HttpStatusCode.Unauthorized, before.StatusCode);

        using var unpaired = await admin.DeleteAsync(new Uri($"/api/admin/agents/{agentId}", UriKind.Relative), Ct);
        using var listed = await admin.GetFromJsonAsync<JsonDocument>("/api/admin/agents/", Ct);
        using var refusedTicket = await admin.PostAsJsonAsync("/api/agent-tickets", new { agentId, operation = "read-id" }, Ct);
        using var after = await agentClient.GetAsync(new Uri("/api/permits/330211202600000019", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, unpaired.StatusCode);
        Assert.NotNull(listed!.RootElement.EnumerateArray().Single().GetProperty("unpairedAt").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refusedTicket.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_personalize_ticket_opens_only_its_own_permit_and_only_the_card_writing_endpoints()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var officer = await api.SignedInClientAsync("li.registrar", OfficerRole.Registrar);
        var agentId = (await PairAsync(officer)).GetProperty("agentId").GetGuid();
        using var agentClient = api.CreateClient();
        agentClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("PermitAgentTicket", Mint(api, agentId, "330211202600000019"));

        using var own = await agentClient.GetAsync(new Uri("/api/permits/330211202600000019", UriKind.Relative), Ct);
        using var other = await agentClient.GetAsync(new Uri("/api/permits/330211202600000027", UriKind.Relative), Ct);
        using var otherCard = await agentClient.PostAsJsonAsync("/api/permits/330211202600000019/cards/2/personalization", new { }, Ct);
        using var replacement = await agentClient.PostAsJsonAsync("/api/permits/330211202600000019/cards/replacement", new { }, Ct);
        using var residents = await agentClient.GetAsync(new Uri("/api/residents?q=x", UriKind.Relative), Ct);

        // Through the door: what the permits desk answers for that number (here: not a valid number) is past authorization.
        Assert.True(own.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), own.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replacement.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, residents.StatusCode);
    }

    [Fact]
    public async Task A_counters_read_id_ticket_does_not_open_the_card_writing_endpoints_of_the_api()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "clinic", categories = Health }, Ct);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("apiKey").GetString()!;
        using var terminal = api.CreateClient();
        terminal.DefaultRequestHeaders.Add("X-Api-Key", key);
        var agentId = (await PairAsync(terminal)).GetProperty("agentId").GetGuid();
        var readId = (await TicketAsync(terminal, agentId, "read-id")).GetProperty("ticket").GetString()!;
        using var agentClient = api.CreateClient();
        agentClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("PermitAgentTicket", readId);

        using var permit = await agentClient.GetAsync(new Uri("/api/permits/330211202600000019", UriKind.Relative), Ct);
        using var prepare = await agentClient.PostAsJsonAsync("/api/permits/330211202600000019/cards/1/personalization", new { }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, permit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prepare.StatusCode);
    }

    [Fact]
    public async Task A_ticket_signed_by_another_key_does_not_open_the_api()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var officer = await api.SignedInClientAsync("li.registrar", OfficerRole.Registrar);
        var agentId = (await PairAsync(officer)).GetProperty("agentId").GetGuid();
        // TEST KEY ONLY: a forger's key.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var agentClient = api.CreateClient();
        agentClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("PermitAgentTicket", Mint(api, agentId, "330211202600000019", forger));

        using var response = await agentClient.GetAsync(new Uri("/api/permits/330211202600000019", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Mint(PermitTestHost api, Guid agentId, string permit, ECDsa? key = null)
    {
        var officer = api.NewContext().Set<OfficerAccount>().First().Id;
        var now = DateTimeOffset.UtcNow;
        var ticket = new AgentTicket(AgentTicketCodec.NewId(), agentId, AgentOperations.Personalize, AgentTicketHolder.Officer, officer,
            now, now.AddMinutes(2), permit, 1);
        return AgentTicketCodec.Sign(ticket, key ?? api.Services.GetRequiredService<AgentKeys>().TicketKey);
    }

    private static async Task<JsonElement> PairAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/agents", new { name = "desk 1" }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    private static async Task<JsonElement> TicketAsync(HttpClient client, Guid agentId, string operation)
    {
        using var response = await client.PostAsJsonAsync("/api/agent-tickets", new { agentId, operation }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }
}
