using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Credentials.Signing;

/// <summary>
/// COSE_Sign1 (RFC 9052) as the QR credential and the revocation list use it: protected header
/// <c>{1: -7, 4: kid}</c> = <c>A2 01 26 04 48 &lt;kid&gt;</c>, empty unprotected map, embedded payload,
/// ES256 signature <c>r‖s</c> over <c>["Signature1", protected, h'', payload]</c>.
/// Encoding is done by hand so an <see cref="IIssuerSigner"/> (possibly an HSM) can sign; decoding and
/// signature checking use System.Security.Cryptography.Cose.
/// </summary>
public static class CoseSign1
{
    public const int Es256 = -7;
    public const byte Tag = 0xD2;
    public const byte UntaggedArray = 0x84;

    /// <summary>The COSE_Sign1 bytes, tagged with CBOR tag 18.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> payload, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var protectedHeader = EncodeProtectedHeader(signer.KeyId.Span);

        var sigStructure = new CborWriter(CborConformanceMode.Strict);
        sigStructure.WriteStartArray(4);
        sigStructure.WriteTextString("Signature1");
        sigStructure.WriteByteString(protectedHeader);
        sigStructure.WriteByteString([]);
        sigStructure.WriteByteString(payload);
        sigStructure.WriteEndArray();
        var signature = signer.Sign(sigStructure.Encode());

        var message = new CborWriter(CborConformanceMode.Strict);
        message.WriteTag((CborTag)18);
        message.WriteStartArray(4);
        message.WriteByteString(protectedHeader);
        message.WriteStartMap(0);
        message.WriteEndMap();
        message.WriteByteString(payload);
        message.WriteByteString(signature);
        message.WriteEndArray();
        return message.Encode();
    }

    /// <summary>
    /// Parses a COSE_Sign1 (tagged or not) and checks its shape: ES256 in the protected header, an 8-byte kid
    /// there too, an empty unprotected header, an embedded payload. The signature is not checked yet.
    /// </summary>
    public static CoseParseResult Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CoseSign1Message message;
        try
        {
            message = CoseMessage.DecodeSign1(bytes);
        }
        catch (Exception e) when (e is CryptographicException or CborContentException or InvalidOperationException or ArgumentException)
        {
            return CoseParseResult.Malformed("not a COSE_Sign1 message");
        }

        if (!message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.Algorithm, out var alg) || !IsEs256(alg))
        {
            return CoseParseResult.Malformed("alg is not ES256");
        }

        if (!message.ProtectedHeaders.TryGetValue(CoseHeaderLabel.KeyIdentifier, out var kidValue))
        {
            return CoseParseResult.Malformed("no kid in the protected header");
        }

        if (ReadBytes(kidValue) is not { Length: IssuerKeyId.Length } kid)
        {
            return CoseParseResult.Malformed("kid is not 8 bytes");
        }

        if (message.UnprotectedHeaders.Count != 0)
        {
            return CoseParseResult.Malformed("the unprotected header is not empty");
        }

        if (message.Content is not { } content)
        {
            return CoseParseResult.Malformed("the payload is detached");
        }

        return new CoseParseResult(message, kid, content, null);
    }

    /// <summary>Checks the ES256 signature with a trusted issuer key.</summary>
    public static bool VerifySignature(CoseSign1Message message, TrustedIssuerKey issuerKey)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(issuerKey);
        using var key = issuerKey.CreateVerificationKey();
        try
        {
            return message.VerifyEmbedded(key);
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static byte[] EncodeProtectedHeader(ReadOnlySpan<byte> keyId)
    {
        if (keyId.Length != IssuerKeyId.Length)
        {
            throw new ArgumentException("An issuer key id is 8 bytes.", nameof(keyId));
        }

        var header = new CborWriter(CborConformanceMode.Strict);
        header.WriteStartMap(2);
        header.WriteInt32(1);
        header.WriteInt32(Es256);
        header.WriteInt32(4);
        header.WriteByteString(keyId);
        header.WriteEndMap();
        return header.Encode();
    }

    private static byte[]? ReadBytes(CoseHeaderValue value)
    {
        try
        {
            return value.GetValueAsBytes();
        }
        catch (Exception e) when (e is InvalidOperationException or CborContentException)
        {
            return null;
        }
    }

    private static bool IsEs256(CoseHeaderValue value)
    {
        try
        {
            return value.GetValueAsInt32() == Es256;
        }
        catch (Exception e) when (e is InvalidOperationException or CborContentException or OverflowException)
        {
            return false;
        }
    }
}

/// <summary>A parsed COSE_Sign1 whose shape is right, or why it is not.</summary>
public sealed record CoseParseResult(CoseSign1Message? Message, byte[]? KeyId, ReadOnlyMemory<byte> Payload, string? Error)
{
    public bool IsValid => Message is not null;

    public static CoseParseResult Malformed(string error) => new(null, null, default, error);
}
