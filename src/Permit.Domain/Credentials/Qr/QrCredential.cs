using System.IO.Compression;
using System.Security.Cryptography.Cose;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;

namespace Permit.Domain.Credentials.Qr;

/// <summary>
/// The permit QR credential text (qr-credential spec v1): <c>"RP1:" ‖ Base45(zlib(COSE_Sign1(claims)))</c>.
/// Reading never throws on bad input and never allocates more than a fixed bound: the text, the Base45
/// bytes and the inflated COSE message each have a size limit, and inflation stops at the limit.
/// </summary>
public static class QrCredential
{
    public const string Prefix = "RP1:";

    /// <summary>Alphanumeric capacity of the largest QR code (version 40, level L); no real credential comes near.</summary>
    public const int MaxTextLength = 4296;

    /// <summary>Bound on the inflated COSE_Sign1; a real credential is a few hundred bytes.</summary>
    public const int MaxCoseBytes = 4096;

    /// <summary>Signs <paramref name="claims"/> as the issuer and returns the QR text.</summary>
    /// <exception cref="ArgumentException">A claim breaks the spec.</exception>
    public static string Issue(QrClaims claims, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(signer);
        if (claims.FindProblem() is { } problem)
        {
            throw new ArgumentException($"Cannot issue a QR credential: {problem}.", nameof(claims));
        }

        var cose = CoseSign1.Sign(QrClaimsCbor.Encode(claims), signer);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(cose);
        }

        return Prefix + Base45.Encode(compressed.ToArray());
    }

    /// <summary>
    /// The dynamic QR a phone shows: issued now, stale after <paramref name="lifetime"/> (a few minutes), so a
    /// screenshot cannot be passed around.
    /// </summary>
    public static string IssueForPhone(PermitCardData card, DateTimeOffset now, TimeSpan lifetime, IIssuerSigner signer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        return Issue(QrClaims.ForPermit(card, now, now + lifetime), signer);
    }

    /// <summary>
    /// Decodes QR text as far as its claims and COSE structure; the signature is checked by the verifier,
    /// which knows the trusted keys.
    /// </summary>
    public static DecodeResult<ScannedQr> Read(string? text)
    {
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return DecodeResult.Malformed<ScannedQr>("text does not start with RP1:");
        }

        if (text.Length > MaxTextLength)
        {
            return DecodeResult.Malformed<ScannedQr>("text is longer than any QR code holds");
        }

        if (!Base45.TryDecode(text.AsSpan(Prefix.Length), out var packed) || packed.Length == 0)
        {
            return DecodeResult.Malformed<ScannedQr>("text after RP1: is not Base45");
        }

        var coseBytes = packed[0] is CoseSign1.Tag or CoseSign1.UntaggedArray ? packed : Inflate(packed);
        if (coseBytes is null)
        {
            return DecodeResult.Malformed<ScannedQr>("not a zlib stream, or it inflates past the size limit");
        }

        var cose = CoseSign1.Parse(coseBytes);
        if (!cose.IsValid)
        {
            return DecodeResult.Malformed<ScannedQr>($"COSE: {cose.Error}");
        }

        var claims = QrClaimsCbor.Decode(cose.Payload);
        return claims.Value is null
            ? DecodeResult.Malformed<ScannedQr>(claims.Error!)
            : DecodeResult.Ok(new ScannedQr(claims.Value, cose.KeyId!, cose.Message!));
    }

    private static byte[] Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % Modulus;
            b = (b + a) % Modulus;
        }

        var sum = (b << 16) | a;
        return [(byte)(sum >> 24), (byte)(sum >> 16), (byte)(sum >> 8), (byte)sum];
    }

    // Reads at most MaxCoseBytes + 1 bytes, so a zip bomb costs one small buffer and is then refused.
    private static byte[]? Inflate(byte[] compressed)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            var buffer = new byte[MaxCoseBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = zlib.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxCoseBytes || total == 0)
            {
                return null;
            }

            // The inflater stops at the end of the deflate data and does not insist on the Adler-32 trailer, so
            // a QR cut short by up to four bytes would still inflate. Require the trailer to be there, right,
            // and last: the stream must be exactly one complete RFC 1950 stream.
            var inflated = buffer[..total];
            return compressed.Length >= 6 && compressed.AsSpan(compressed.Length - 4).SequenceEqual(Adler32(inflated)) ? inflated : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

/// <summary>A QR credential whose text, structure and claims are well formed; its signature is not yet checked.</summary>
public sealed record ScannedQr(QrClaims Claims, byte[] KeyId, CoseSign1Message Message);
