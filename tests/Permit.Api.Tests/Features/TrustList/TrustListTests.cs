using Permit.Api.Tests.Features.Personalization;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Tests.Features.TrustList;

public sealed class TrustListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verifier_finds_the_key_that_signed_a_card_in_the_anonymous_trust_list()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var (_, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        var number = await PermitArrange.IssueAsync(officer, applicationId);
        using var chip = new CardHandshake("A1B2C3D4E5F60718");
        var files = await chip.RequestFilesAsync(officer, number, 1);
        using var anonymous = host.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/trust-list", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trustList = await VerifiedTrustList.ReadAsync(host.Services, anonymous);
        var security = SecurityObject.Decode(Convert.FromBase64String(files.SignatureFile)).Value!;
        Assert.True(trustList.TryFind(security.KeyId, out var key));
        using var verification = key.CreateVerificationKey();
        Assert.True(verification.VerifyData(
            security.SignedContent(), security.Signature, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
