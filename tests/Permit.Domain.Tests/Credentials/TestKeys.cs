using System.Security.Cryptography;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Tests.Credentials;

/// <summary>
/// TEST KEYS ONLY. These P-256 private keys were generated for these tests, are public in this repository,
/// and must never be trusted by anything outside the test suite.
/// </summary>
internal static class TestKeys
{
    /// <summary>TEST KEY: the "issuer" key of the fixed example (key id f173a60dbea1499d).</summary>
    public const string IssuerPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3p9y4EumIPLC/eJu
        rm8C6TA0XCyA8K9aXqaccVYPFaChRANCAAS7/WEhjUI5lY9ZX/VxtdatdGH5mPpW
        MI22cItQgC/ALcdClKmi3KK9+ReNoZuiTf97ewEitELirDUjLfWNvq+S
        -----END PRIVATE KEY-----
        """;

    /// <summary>TEST KEY: the example card's chip key.</summary>
    public const string ChipPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg92UDikRJVexI0rTQ
        y2QrakugcN/M0h/sM1WBZqAg2vihRANCAAQvZMSz9Me2URTfsI7GUIsUbHukqPoq
        qRfgl6tlfC2kaAjHAQwJNPebI0T+eaPjTuhn0i7hEID2/+4tOTqz6lvC
        -----END PRIVATE KEY-----
        """;

    /// <summary>TEST KEY: another issuer, not on the example trust list.</summary>
    public const string OtherIssuerPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTAuXUxudmgPfxnnh
        l2Te0MYJke8L6IeDZpx5fAV97TWhRANCAATJDsm+MfRFZUgnw5n6j+uS3sMF6u7z
        QgOwKYgSdiSMZ2/E5z2vLVdnOjzLljYYmyK699SD70iqu5I7WYLomnJ6
        -----END PRIVATE KEY-----
        """;

    public const string IssuerKeyIdHex = "f173a60dbea1499d";

    public static ECDsa Load(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    // The signers borrow their keys; tests run in a short-lived process, so the keys live for it.
    public static IIssuerSigner Issuer { get; } = new EcdsaIssuerSigner(Load(IssuerPem));

    public static IIssuerSigner OtherIssuer { get; } = new EcdsaIssuerSigner(Load(OtherIssuerPem));

    public static TrustList TrustsIssuer()
    {
        using var key = Load(IssuerPem);
        return new TrustList([TrustedIssuerKey.FromKey(key, "test issuer")]);
    }
}

/// <summary>An issuer signer that always answers the same 64 bytes, to pin EF.SIG's layout byte for byte.</summary>
internal sealed class FixedSignatureSigner(ReadOnlyMemory<byte> keyId) : IIssuerSigner
{
    public static readonly byte[] Signature = [.. Enumerable.Repeat((byte)0x11, 32), .. Enumerable.Repeat((byte)0x22, 32)];

    public ReadOnlyMemory<byte> KeyId { get; } = keyId;

    public byte[] Sign(ReadOnlySpan<byte> data) => [.. Signature];
}
