using System.Security.Cryptography;
using Permit.Domain.Credentials.Signing;
using Permit.Iso7816.Tlv;

namespace Permit.Domain.Credentials.Card;

/// <summary>
/// EF.CHIPKEY (FID 0103): <c>7F 49 43 { 86 41 04‖X‖Y }</c>, the card's own P-256 public key as an
/// uncompressed point. Also what GENERATE ASYMMETRIC KEY PAIR answers.
/// </summary>
public static class ChipKeyFile
{
    /// <summary>Always 70 bytes: <c>7F 49 43 86 41 04</c> and two 32-byte coordinates.</summary>
    public const int EncodedLength = 70;

    public static byte[] Encode(ECDsa chipKey)
    {
        ArgumentNullException.ThrowIfNull(chipKey);
        return Encode(chipKey.ExportParameters(includePrivateParameters: false));
    }

    /// <exception cref="ArgumentException">Not a P-256 public key.</exception>
    public static byte[] Encode(ECParameters publicKey)
    {
        var x = publicKey.Q.X;
        var y = publicKey.Q.Y;
        if (x is null || y is null || !P256.IsOnCurve(x, y))
        {
            throw new ArgumentException("The chip key must be a point on NIST P-256.", nameof(publicKey));
        }

        byte[] point = [0x04, .. x, .. y];
        return new TlvWriter()
            .WriteConstructed(CardFiles.ChipKeyTemplateTag, w => w.WritePrimitive(CardFiles.ChipKeyPointTag, point))
            .ToArray();
    }

    /// <summary>The chip's public key, once the point is checked to lie on P-256.</summary>
    public static DecodeResult<ChipPublicKey> Decode(ReadOnlyMemory<byte> file)
    {
        var template = CardFileReading.ReadSingleObject(file, CardFiles.ChipKeyTemplateTag, CardFiles.ChipKeyMaxBytes, out var error);
        var children = template is null ? null : CardFileReading.StrictChildren(template, out error);
        if (children is null)
        {
            return DecodeResult.Malformed<ChipPublicKey>($"EF.CHIPKEY: {error}");
        }

        if (children is not [{ Tag.Value: CardFiles.ChipKeyPointTag } pointObject])
        {
            return DecodeResult.Malformed<ChipPublicKey>("EF.CHIPKEY must hold exactly one 86 object");
        }

        var point = pointObject.Value.Span;
        if (point.Length != 1 + (2 * P256.CoordinateLength) || point[0] != 0x04)
        {
            return DecodeResult.Malformed<ChipPublicKey>("EF.CHIPKEY point is not 04‖X‖Y with 32-byte coordinates");
        }

        var x = point.Slice(1, P256.CoordinateLength);
        var y = point.Slice(1 + P256.CoordinateLength, P256.CoordinateLength);
        return P256.IsOnCurve(x, y)
            ? DecodeResult.Ok(new ChipPublicKey(x.ToArray(), y.ToArray()))
            : DecodeResult.Malformed<ChipPublicKey>("EF.CHIPKEY point is not on P-256");
    }
}

/// <summary>The card's P-256 public key, as coordinates already checked to lie on the curve.</summary>
public sealed record ChipPublicKey(byte[] X, byte[] Y)
{
    /// <summary>A key object for verification; the caller disposes it.</summary>
    public ECDsa ToECDsa() => P256.ImportPublicKey(X, Y);
}
