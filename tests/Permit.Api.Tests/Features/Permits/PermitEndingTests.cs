using Permit.Api.Tests.Features.Endorsements;

namespace Permit.Api.Tests.Features.Permits;

public sealed class PermitEndingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Terminating_for_local_hukou_revokes_the_card_and_frees_the_resident_for_a_new_permit_later()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await EndorsementTests.ActivePermitAsync(host);
        using var officer = host.Officer();

        using var response = await officer.PostAsJsonAsync($"/api/permits/{number}/termination", new { reason = "LocalHukou" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var permit = await response.Content.ReadFromJsonAsync<PermitView>(Ct);
        Assert.Equal("Terminated", permit!.Status);
        Assert.Equal(("Revoked", "PermitEnded"), (permit.Cards[0].Status, permit.Cards[0].RevocationReason));
    }

    [Fact]
    public async Task An_unknown_end_reason_is_a_400_and_a_registrar_cannot_revoke_for_fraud()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await EndorsementTests.ActivePermitAsync(host);
        using var registrar = host.Officer(OfficerRole.Registrar);

        using var badReason = await registrar.PostAsJsonAsync($"/api/permits/{number}/termination", new { reason = "Bored" }, Ct);
        using var revoke = await registrar.PostAsJsonAsync($"/api/permits/{number}/revocation", new { finding = "forged contract" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badReason.StatusCode);
        Assert.EndsWith("/permit-end-reason-invalid", await PermitIssuanceTests.ProblemTypeAsync(badReason));
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        var permit = await registrar.GetFromJsonAsync<PermitView>($"/api/permits/{number}", Ct);
        Assert.Equal("Active", permit!.Status);
    }
}
