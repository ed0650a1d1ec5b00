using System.Security.Cryptography;
using Permit.Domain.Credentials.Signing;
using Permit.Iso7816.Tlv;

namespace Permit.Domain.Credentials.Card;

/// <summary>
/// The issuer security object in EF.SIG (FID 0104), card spec v1 "Signatures":
/// <c>77 81 B5 { 90 08 key id, 91 01 alg, 93 20 H1, 94 20 H2, 95 20 H3, 9E 40 r‖s }</c> where
/// H1/H2/H3 = SHA-256 of the EF.PERMIT/EF.PHOTO/EF.CHIPKEY object and r‖s is ECDSA-P256-SHA256 over H1‖H2‖H3.
/// </summary>
public sealed record SecurityObject(byte[] KeyId, byte Algorithm, byte[] PermitHash, byte[] PhotoHash, byte[] ChipKeyHash, byte[] Signature)
{
    /// <summary>Tag 91 value <c>01</c>: ECDSA over NIST P-256 with SHA-256 (<c>02</c>, SM2/SM3, is reserved).</summary>
    public const byte EcdsaP256Sha256 = 0x01;

    public const int HashLength = 32;

    private static readonly uint[] Tags = [0x90, 0x91, 0x93, 0x94, 0x95, 0x9E];
    private static readonly int[] Lengths = [IssuerKeyId.Length, 1, HashLength, HashLength, HashLength, P256.SignatureLength];

    /// <summary>H1 ‖ H2 ‖ H3, the 96 bytes the issuer signs.</summary>
    public byte[] SignedContent() => [.. PermitHash, .. PhotoHash, .. ChipKeyHash];

    /// <summary>
    /// Signs three card files as the issuer. Each file must be exactly its one TLV object (what UPDATE BINARY
    /// writes), since that is what gets hashed.
    /// </summary>
    public static SecurityObject Sign(ReadOnlySpan<byte> permitFile, ReadOnlySpan<byte> photoFile, ReadOnlySpan<byte> chipKeyFile, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.KeyId.Length != IssuerKeyId.Length)
        {
            throw new ArgumentException("An issuer key id is 8 bytes.", nameof(signer));
        }

        var h1 = SHA256.HashData(permitFile);
        var h2 = SHA256.HashData(photoFile);
        var h3 = SHA256.HashData(chipKeyFile);
        var signature = signer.Sign([.. h1, .. h2, .. h3]);
        if (signature.Length != P256.SignatureLength)
        {
            throw new InvalidOperationException("The issuer signer must answer a 64-byte r‖s signature.");
        }

        return new SecurityObject(signer.KeyId.ToArray(), EcdsaP256Sha256, h1, h2, h3, signature);
    }

    /// <summary>The EF.SIG bytes (always 184 bytes).</summary>
    public byte[] Encode()
    {
        byte[][] values = [KeyId, [Algorithm], PermitHash, PhotoHash, ChipKeyHash, Signature];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length != Lengths[i])
            {
                throw new InvalidOperationException($"EF.SIG object {new BerTag(Tags[i])} must be {Lengths[i]} bytes.");
            }
        }

        return new TlvWriter()
            .WriteConstructed(CardFiles.SecurityObjectTag, w =>
            {
                for (var i = 0; i < Tags.Length; i++)
                {
                    w.WritePrimitive(Tags[i], values[i]);
                }
            })
            .ToArray();
    }

    /// <summary>Reads EF.SIG strictly: the six objects, in order, each with its fixed length.</summary>
    public static DecodeResult<SecurityObject> Decode(ReadOnlyMemory<byte> file)
    {
        var template = CardFileReading.ReadSingleObject(file, CardFiles.SecurityObjectTag, CardFiles.SignatureMaxBytes, out var error);
        var children = template is null ? null : CardFileReading.StrictChildren(template, out error);
        if (children is null)
        {
            return DecodeResult.Malformed<SecurityObject>($"EF.SIG: {error}");
        }

        if (children.Count != Tags.Length)
        {
            return DecodeResult.Malformed<SecurityObject>($"EF.SIG holds {children.Count} objects instead of {Tags.Length}");
        }

        for (var i = 0; i < Tags.Length; i++)
        {
            if (children[i].Tag.Value != Tags[i] || children[i].Value.Length != Lengths[i])
            {
                return DecodeResult.Malformed<SecurityObject>(
                    $"EF.SIG object {i + 1} is not {new BerTag(Tags[i])} with {Lengths[i]} bytes");
            }
        }

        return DecodeResult.Ok(new SecurityObject(
            children[0].Value.ToArray(),
            children[1].Value.Span[0],
            children[2].Value.ToArray(),
            children[3].Value.ToArray(),
            children[4].Value.ToArray(),
            children[5].Value.ToArray()));
    }
}
