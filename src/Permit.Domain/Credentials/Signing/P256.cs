using System.Numerics;
using System.Security.Cryptography;

namespace Permit.Domain.Credentials.Signing;

/// <summary>NIST P-256 helpers shared by the chip key, issuer keys and signature checks.</summary>
public static class P256
{
    public const int CoordinateLength = 32;
    public const int SignatureLength = 64;

    // Curve parameters from FIPS 186-4 D.1.2.3; used to check a point before any key object sees it.
    private static readonly BigInteger Prime = Parse("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger B = Parse("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    public static bool IsP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var curve = key.ExportParameters(false).Curve;
        return curve.IsNamed && (curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value
            || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");
    }

    /// <summary>True when (x, y) satisfies y² = x³ − 3x + b (mod p) with both coordinates below p.</summary>
    public static bool IsOnCurve(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (x.Length != CoordinateLength || y.Length != CoordinateLength)
        {
            return false;
        }

        var px = new BigInteger(x, isUnsigned: true, isBigEndian: true);
        var py = new BigInteger(y, isUnsigned: true, isBigEndian: true);
        if (px >= Prime || py >= Prime)
        {
            return false;
        }

        var left = BigInteger.ModPow(py, 2, Prime);
        var right = ((BigInteger.ModPow(px, 3, Prime) - (3 * px) + B) % Prime + Prime) % Prime;
        return left == right;
    }

    /// <summary>Creates a public key object from a point already checked with <see cref="IsOnCurve"/>.</summary>
    public static ECDsa ImportPublicKey(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) =>
        ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = x.ToArray(), Y = y.ToArray() },
        });

    /// <summary>Checks a 64-byte <c>r‖s</c> signature; a wrong length is simply a failed check.</summary>
    public static bool Verify(ECDsa key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static BigInteger Parse(string hex) =>
        new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
