using System.Security.Cryptography;
using Permit.Api.Features.Entitlements;
using Permit.Api.Security.Agents;
using Permit.Domain.Credentials.Agents;
using Permit.Domain.Entitlements;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;

namespace Permit.Api.Tests.Features.Entitlements;

/// <summary>
/// Lookup by the holder's ID card (<c>POST /api/entitlements/lookups/id-card</c>): the counter's agent seals the ID
/// number with the register's challenge; the answer is the permit-number verdict and never carries the number.
/// </summary>
public sealed class IdCardLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_clinic_finds_the_holder_by_id_card_and_gets_the_permit_number_verdict_without_the_id_number(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "庄市社区卫生服务中心", ServiceCategory.Health);

        using var response = await LookUpAsync(clinic, Seal(host, PermitArrange.IdNumber(0), await ChallengeAsync(clinic)));
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var answer = JsonSerializer.Deserialize<EntitlementAnswer>(json, JsonSerializerOptions.Web)!;
        Assert.True(answer.Eligible);
        Assert.Equal(holder.Number, answer.Permit!.Number);
        Assert.Equal("张伟", answer.Holder!.Name);
        Assert.Equal("id-card", answer.Credential.Presented);
        Assert.DoesNotContain(PermitArrange.IdNumber(0), json, StringComparison.Ordinal);
        Assert.DoesNotContain("idNumber", json, StringComparison.OrdinalIgnoreCase);
        await using var db = host.NewContext();
        var line = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == EntitlementLookups.AuditAction, Ct);
        Assert.Equal((holder.ResidentId, "庄市社区卫生服务中心"), (line.ResidentId, line.ActorName));
        Assert.Equal("basic-medical-care by id-card → eligible: eligibility check at the counter", line.Purpose);
        Assert.DoesNotContain(PermitArrange.IdNumber(0), line.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_card_with_no_permit_is_not_found_audited_and_the_number_is_not_echoed()
    {
        await using var host = new PermitTestHost();
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);

        using var response = await LookUpAsync(clinic, Seal(host, PermitArrange.IdNumber(7), await ChallengeAsync(clinic)));
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(PermitArrange.IdNumber(7), body, StringComparison.Ordinal);
        await using var db = host.NewContext();
        var line = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == EntitlementLookups.AuditAction, Ct);
        Assert.Null(line.ResidentId);
        Assert.Equal("basic-medical-care by id-card → not-found: eligibility check at the counter", line.Purpose);
    }

    [Fact]
    public async Task A_sealed_read_replayed_is_refused_because_its_challenge_was_spent()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);
        var read = Seal(host, PermitArrange.IdNumber(0), await ChallengeAsync(clinic));

        using var first = await LookUpAsync(clinic, read);
        using var replayed = await LookUpAsync(clinic, read);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Contains("card-challenge-unknown", await replayed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_sealed_with_another_terminals_challenge_is_refused()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);
        using var other = await TerminalAsync(host, "other clinic", ServiceCategory.Health);

        using var response = await LookUpAsync(clinic, Seal(host, PermitArrange.IdNumber(0), await ChallengeAsync(other)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_page_that_posts_an_id_number_in_clear_or_a_box_not_sealed_for_this_api_learns_nothing()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);
        var challenge = await ChallengeAsync(clinic);
        // TEST KEY ONLY: a key that is not the API's seal key.
        using var stranger = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var cardFilesBox = SealedCardFiles.Seal(JsonSerializer.SerializeToUtf8Bytes(new { idNumber = PermitArrange.IdNumber(0), challenge }), host.Services.GetRequiredService<AgentKeys>().SealKey);

        using var clear = await LookUpAsync(clinic, PermitArrange.IdNumber(0));
        using var foreign = await LookUpAsync(clinic, new SealedIdCard(PermitArrange.IdNumber(0), challenge).Seal(stranger));
        using var otherKind = await LookUpAsync(clinic, cardFilesBox);

        foreach (var refused in new[] { clear, foreign, otherKind })
        {
            var body = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("sealedIdCard", body, StringComparison.Ordinal);
            Assert.DoesNotContain("张伟", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_service_outside_the_terminals_categories_is_refused_before_the_card_is_looked_at()
    {
        await using var host = new PermitTestHost();
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);

        using var response = await school.PostAsJsonAsync("/api/entitlements/lookups/id-card",
            new { service = "basic-medical-care", sealedIdCard = Seal(host, PermitArrange.IdNumber(0), await ChallengeAsync(school)) }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<HttpResponseMessage> LookUpAsync(HttpClient terminal, string sealedIdCard) =>
        terminal.PostAsJsonAsync("/api/entitlements/lookups/id-card", new { service = "basic-medical-care", sealedIdCard }, Ct);

    /// <summary>What a counter's agent does: seals the card's ID number and the register's challenge with the API's public seal key.</summary>
    private static string Seal(PermitTestHost host, string idNumber, string challenge)
    {
        using var sealKey = ECDiffieHellman.Create();
        sealKey.ImportSubjectPublicKeyInfo(host.Services.GetRequiredService<AgentKeys>().SealKey.ExportSubjectPublicKeyInfo(), out _);
        return new SealedIdCard(idNumber, challenge).Seal(sealKey);
    }

    private static async Task<string> ChallengeAsync(HttpClient terminal)
    {
        using var response = await terminal.PostAsJsonAsync("/api/card-challenges", new { }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("challenge").GetString()!;
    }
}
