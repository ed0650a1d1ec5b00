namespace Permit.Api.Tests.Features.Credentials;

/// <summary>A permit issued through HTTP whose first card was personalized and confirmed: the permit is active.</summary>
public sealed record IssuedCard(string Number, Guid ResidentId, string ActivationCode);

public static class CredentialArrange
{
    public static async Task<IssuedCard> IssuedCardAsync(PermitTestHost host, HttpClient officer, int resident = 0)
    {
        var arranged = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: resident))[0];
        var (number, activationCode) = await PermitArrange.ActivePermitAsync(officer, arranged.ApplicationId, serial: $"A1B2C3D4E5F6071{resident}");
        return new IssuedCard(number, arranged.ResidentId, activationCode);
    }
}
