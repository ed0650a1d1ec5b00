using System.Security.Cryptography;
using System.Text;

namespace Permit.HardwareSim.PermitCards;

/// <summary>The chip's own P-256 key: EF.CHIPKEY encoding and the active-authentication signature.</summary>
public static class ChipKey
{
    /// <summary>ASCII <c>PERMIT-AA1</c>, prefixed to the challenge before signing.</summary>
    public static ReadOnlyMemory<byte> AuthenticationPrefix { get; } = Encoding.ASCII.GetBytes("PERMIT-AA1");

    /// <summary>A fresh key pair: the PKCS#8 private key to keep, and the EF.CHIPKEY object <c>7F 49 43 { 86 41 04‖X‖Y }</c>.</summary>
    public static (byte[] PrivateKeyPkcs8, byte[] ChipKeyObject) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKey(), EncodePublicKey(key));
    }

    public static byte[] EncodePublicKey(ECDsa key)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var obj = new byte[70];
        obj[0] = 0x7F;
        obj[1] = 0x49;
        obj[2] = 0x43;
        obj[3] = 0x86;
        obj[4] = 0x41;
        obj[5] = 0x04;
        // .NET pads X and Y to the 32-byte field size, so the point is always 65 bytes.
        q.X!.CopyTo(obj, 6);
        q.Y!.CopyTo(obj, 38);
        return obj;
    }

    /// <summary>ECDSA-P256-SHA256 over <c>PERMIT-AA1 ‖ challenge</c>, as 64 bytes r‖s.</summary>
    public static byte[] SignChallenge(byte[] privateKeyPkcs8, ReadOnlySpan<byte> challenge)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(privateKeyPkcs8, out _);
        var message = new byte[AuthenticationPrefix.Length + challenge.Length];
        AuthenticationPrefix.Span.CopyTo(message);
        challenge.CopyTo(message.AsSpan(AuthenticationPrefix.Length));
        return key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Reads a public key back from an EF.CHIPKEY object (for verifiers and tests).</summary>
    public static ECDsa ImportPublicKey(ReadOnlySpan<byte> chipKeyObject)
    {
        if (chipKeyObject.Length != 70 || chipKeyObject[0] != 0x7F || chipKeyObject[1] != 0x49 || chipKeyObject[3] != 0x86 || chipKeyObject[5] != 0x04)
        {
            throw new ArgumentException("Not an EF.CHIPKEY object 7F 49 43 { 86 41 04 X Y }.", nameof(chipKeyObject));
        }

        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = chipKeyObject[6..38].ToArray(), Y = chipKeyObject[38..70].ToArray() },
        });
    }
}
