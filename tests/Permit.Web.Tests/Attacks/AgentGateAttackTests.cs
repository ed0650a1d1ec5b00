using System.Security.Cryptography;
using Permit.Domain.Credentials.Agents;

namespace Permit.Web.Tests.Attacks;

/// <summary>
/// Attacks on the card agent's door, end to end: the API on a real port, the real <c>permit-agent serve</c> process
/// paired with it, the private pcscd and emulated cards that count every APDU they are sent. Each test is one attack a
/// web page (or a program that stole a ticket) could try; each must be refused before the card sees a command.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class AgentGateAttackTests(PcscRigFixture pcsc)
{
    private const string IdNumber = "110101199001010013";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dns_rebound_page_gets_421_and_the_id_card_sees_no_apdu()
    {
        await using var host = await HostAsync();
        await using var agent = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort());
        var (idCard, slot) = await InsertIdCardAsync();
        await using var _ = slot;
        var ticket = await agent.TicketAsync("read-id");

        // The page at evil.example re-pointed its own name to 127.0.0.1: the browser now calls the agent as "evil.example".
        using var request = Post(agent, "/id-card/read", ticket, origin: null);
        request.Headers.Host = $"evil.example:{new Uri(agent.Url).Port}";
        var (status, body) = await AgentProcess.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, status);
        Assert.Contains("urn:permit:card-agent:misdirected-request", body, StringComparison.Ordinal);
        Assert.Equal(0, idCard.Commands);
    }

    [Fact]
    public async Task A_cross_origin_post_with_no_body_is_refused_and_the_id_card_sees_no_apdu()
    {
        await using var host = await HostAsync();
        await using var agent = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort());
        var (idCard, slot) = await InsertIdCardAsync();
        await using var _ = slot;

        // A form or fetch(no-cors) from any site: a "simple" request, no preflight, no body.
        using var request = new HttpRequestMessage(HttpMethod.Post, agent.Url + "/id-card/read");
        request.Headers.Add("Origin", "https://evil.example");
        var (status, body) = await AgentProcess.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("origin-not-allowed", body, StringComparison.Ordinal);
        Assert.Equal(0, idCard.Commands);
    }

    [Fact]
    public async Task The_allowed_page_without_a_ticket_is_refused_and_the_id_card_sees_no_apdu()
    {
        await using var host = await HostAsync();
        await using var agent = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort());
        var (idCard, slot) = await InsertIdCardAsync();
        await using var _ = slot;

        using var request = Post(agent, "/id-card/read", ticket: null, origin: host.BaseUrl);
        var (status, body) = await AgentProcess.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("ticket-required", body, StringComparison.Ordinal);
        Assert.Equal(0, idCard.Commands);
    }

    [Fact]
    public async Task A_replayed_personalize_ticket_is_refused_and_the_second_blank_card_stays_blank()
    {
        await using var host = await HostAsync();
        await using var agent = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort());
        using var registrar = await host.BearerClientAsync(AgentProcess.Officer);
        var number = await PermitArrange.IssueAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 21, "钱多多"));
        var folder = Directory.CreateTempSubdirectory("permit-web-attack-");
        var ticket = await agent.TicketAsync("personalize", number);
        var first = Cards.Blank(Path.Combine(folder.FullName, "first.json"));
        await using (await CardSlot.InsertAsync(pcsc.Rig, 1, first))
            await agent.PostAsync("/permit-card/personalize", new { permit = number }, ticket);

        var second = new CountingCard(Cards.Blank(Path.Combine(folder.FullName, "second.json")));
        await using (await CardSlot.InsertAsync(pcsc.Rig, 1, second))
        {
            using var replay = Post(agent, "/permit-card/personalize", ticket, host.BaseUrl, new { permit = number });
            var (status, body) = await AgentProcess.SendAsync(replay);

            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("ticket-replayed", body, StringComparison.Ordinal);
        }

        Assert.Equal(CardLifeCycle.Active, first.LifeCycle);
        Assert.Equal(0, second.Commands);
    }

    [Fact]
    public async Task A_ticket_issued_for_another_paired_agent_is_refused_and_the_id_card_sees_no_apdu()
    {
        await using var host = await HostAsync();
        await using var agent = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort());
        using var registrar = await host.BearerClientAsync(AgentProcess.Officer);
        // Another desk PC, paired as well: its ticket, stolen or mixed up, must not open this PC's reader.
        using var paired = await registrar.PostAsJsonAsync("/api/agents", new { name = "desk 9" }, Ct);
        var otherAgent = (await paired.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("agentId").GetGuid();
        using var issued = await registrar.PostAsJsonAsync("/api/agent-tickets", new { agentId = otherAgent, operation = "read-id" }, Ct);
        var ticket = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ticket").GetString();
        var (idCard, slot) = await InsertIdCardAsync();
        await using var _ = slot;

        var (status, body) = await AgentProcess.SendAsync(Post(agent, "/id-card/read", ticket, host.BaseUrl));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("other-agent", body, StringComparison.Ordinal);
        Assert.Equal(0, idCard.Commands);
    }

    [Fact]
    public async Task A_ticket_signed_by_another_key_is_refused_and_the_id_card_sees_no_apdu()
    {
        await using var host = await HostAsync();
        await using var agent = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort());
        // TEST KEY ONLY: the attacker's own P-256 key, with a well-formed ticket for this very agent.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var forged = AgentTicketCodec.Sign(new AgentTicket(AgentTicketCodec.NewId(), agent.AgentId, AgentOperations.ReadId,
            AgentTicketHolder.Officer, Guid.NewGuid(), now, now.AddMinutes(2)), forger);
        var (idCard, slot) = await InsertIdCardAsync();
        await using var _ = slot;

        var (status, body) = await AgentProcess.SendAsync(Post(agent, "/id-card/read", forged, host.BaseUrl));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("bad-signature", body, StringComparison.Ordinal);
        Assert.Equal(0, idCard.Commands);
    }

    [Fact]
    public async Task A_counter_read_carries_no_id_number_and_no_address_yet_the_register_still_checks_the_files()
    {
        await using var host = await HostAsync();
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync(AgentProcess.Officer);
        var number = await PermitArrange.IssueAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 22, "孙悦"));
        var folder = Directory.CreateTempSubdirectory("permit-web-attack-");
        var cardFile = Path.Combine(folder.FullName, "card.json");
        var card = Cards.Blank(cardFile);
        await using (var desk = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort()))
        await using (await CardSlot.InsertAsync(pcsc.Rig, 1, card))
            await desk.PersonalizeAsync(number);

        await using var counter = await AgentProcess.StartAsync(pcsc.Rig, host, AgentProcess.FreePort(), terminalKey: clinicKey);
        using var clinic = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        clinic.DefaultRequestHeaders.Add("X-Api-Key", clinicKey);
        // As the counter page does: the register's own challenge first, for the chip to answer.
        using var challenged = await clinic.PostAsJsonAsync("/api/card-challenges", new { }, Ct);
        challenged.EnsureSuccessStatusCode();
        var challenge = (await challenged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("challenge").GetString();
        string body;
        await using (await CardSlot.InsertAsync(pcsc.Rig, 1, PermitCard.Load(cardFile)))
        {
            var read = await counter.PostAsync("/permit-card/read", new { withPhoto = true, challenge }, await counter.TicketAsync("read-permit", terminalKey: clinicKey));
            body = read.GetRawText();
        }

        var answer = JsonDocument.Parse(body).RootElement;
        Assert.DoesNotContain(PermitArrange.IdNumber(22), body, StringComparison.Ordinal);
        Assert.DoesNotContain("idNumber", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Address", body, StringComparison.Ordinal);
        Assert.DoesNotContain("北京市", body, StringComparison.Ordinal);
        Assert.DoesNotContain("骆驼街道中街", body, StringComparison.Ordinal);
        Assert.False(answer.TryGetProperty("files", out _));
        Assert.Equal("孙悦", answer.GetProperty("verdict").GetProperty("permit").GetProperty("name").GetString());

        // The page forwards the sealed files as they are; the register opens them and judges the card as before.
        using var lookup = await clinic.PostAsJsonAsync("/api/entitlements/lookups/card", new
        {
            service = "basic-medical-care",
            sealedFiles = answer.GetProperty("sealedFiles").GetString(),
            verdict = answer.GetProperty("verdict"),
            chip = answer.GetProperty("chip"),
        }, Ct);
        var decided = await lookup.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(lookup.IsSuccessStatusCode, decided.ToString());
        Assert.True(decided.GetProperty("credential").GetProperty("genuine").GetBoolean(), decided.ToString());
    }

    private static async Task<PermitTestHost> HostAsync()
    {
        var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync(AgentProcess.Officer, OfficerRole.Registrar, "李警官");
        return host;
    }

    private async Task<(CountingCard Card, CardSlot Slot)> InsertIdCardAsync()
    {
        var folder = Directory.CreateTempSubdirectory("permit-web-attack-");
        var card = new CountingCard(Cards.IdCard(folder.FullName, "周晓燕", IdNumber));
        return (card, await CardSlot.InsertAsync(pcsc.Rig, 0, card));
    }

    private static HttpRequestMessage Post(AgentProcess agent, string path, string? ticket, string? origin, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, agent.Url + path) { Content = JsonContent.Create(body ?? new { }) };
        if (ticket is not null)
            request.Headers.Add("Permit-Agent-Ticket", ticket);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return request;
    }
}
