using System.Net.Http.Json;
using Permit.Api.Tests.Features.Permits;
using Permit.Api.Tests.Features.Personalization;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>A permit issued through HTTP whose first card was personalized and confirmed: the permit is active.</summary>
public sealed record IssuedCard(string Number, Guid ResidentId, string ActivationCode);

public static class CredentialArrange
{
    public static async Task<IssuedCard> IssuedCardAsync(PermitTestHost host, HttpClient officer, int resident = 0)
    {
        var ct = TestContext.Current.CancellationToken;
        var (residentId, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: resident))[0];
        using var response = await officer.PostAsJsonAsync("/api/permits", new { applicationId }, ct);
        response.EnsureSuccessStatusCode();
        var issued = (await response.Content.ReadFromJsonAsync<IssuedView>(ct))!;
        var number = issued.Permit.PermitNumber;
        var serial = $"A1B2C3D4E5F6071{resident}";
        using var chip = new CardHandshake(serial);
        var files = await chip.RequestFilesAsync(officer, number, 1);
        using var confirmed = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), ct);
        confirmed.EnsureSuccessStatusCode();
        return new IssuedCard(number, residentId, issued.ActivationCode!);
    }
}
