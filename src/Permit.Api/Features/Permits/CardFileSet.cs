using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.Api.Features.Permits;

/// <summary>The four files of a personalized card (docs/permit-card.md "Files"), EF.SIG signed over the other three.</summary>
public sealed record CardFileSet(byte[] PermitFile, byte[] PhotoFile, byte[] ChipKeyFile, byte[] SignatureFile, string KeyId)
{
    /// <summary>EF.PERMIT from <paramref name="data"/>, EF.PHOTO from the JPEG (empty: <c>5F 2E 00</c>), the chip's own
    /// EF.CHIPKEY as GENERATE KEY PAIR answered it, and EF.SIG by the active issuer key.</summary>
    public static CardFileSet Build(PermitCardData data, ReadOnlySpan<byte> jpeg, byte[] chipKeyFile, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var permitFile = Domain.Credentials.Card.PermitFile.Encode(data);
        var photoFile = Domain.Credentials.Card.PhotoFile.Encode(jpeg);
        var signature = SecurityObject.Sign(permitFile, photoFile, chipKeyFile, signer).Encode();
        return new CardFileSet(permitFile, photoFile, chipKeyFile, signature, IssuerKeyId.ToHex(signer.KeyId.Span));
    }

    public static string Hash(ReadOnlySpan<byte> file) => Convert.ToHexStringLower(SHA256.HashData(file));
}
