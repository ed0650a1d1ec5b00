using System.Formats.Cbor;

namespace Permit.Domain.Credentials.Qr;

/// <summary>
/// The QR payload map. Keys are CBOR text strings (<c>v pn cs n id rc vu iat exp</c>). The issuer writes
/// them in RFC 8949 §4.2.1 deterministic order (shorter keys first, then bytewise: n v cs id pn rc vu exp iat);
/// a verifier accepts any order, skips keys it does not know (text or not), and refuses duplicates.
/// </summary>
internal static class QrClaimsCbor
{
    public static byte[] Encode(QrClaims claims)
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(claims.ExpiresAt is null ? 8 : 9);
        writer.WriteTextString("v");
        writer.WriteInt32(QrClaims.FormatVersion);
        writer.WriteTextString("pn");
        writer.WriteTextString(claims.PermitNumber);
        writer.WriteTextString("cs");
        writer.WriteInt32(claims.CardSequence);
        writer.WriteTextString("n");
        writer.WriteTextString(claims.Name);
        writer.WriteTextString("id");
        writer.WriteTextString(claims.MaskedIdNumber);
        writer.WriteTextString("rc");
        writer.WriteTextString(claims.ResidenceRegion);
        writer.WriteTextString("vu");
        writer.WriteTextString(PermitFormats.FormatCompactDate(claims.ValidUntil));
        writer.WriteTextString("iat");
        writer.WriteUInt64((ulong)claims.IssuedAt.ToUnixTimeSeconds());
        if (claims.ExpiresAt is { } exp)
        {
            writer.WriteTextString("exp");
            writer.WriteUInt64((ulong)exp.ToUnixTimeSeconds());
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    public static DecodeResult<QrClaims> Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return DecodeMap(new CborReader(payload, CborConformanceMode.Strict));
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or ArgumentException or FormatException)
        {
            return DecodeResult.Malformed<QrClaims>("QR payload is not the claims map");
        }
    }

    private static DecodeResult<QrClaims> DecodeMap(CborReader reader)
    {
        int? version = null, cardSequence = null;
        string? permitNumber = null, name = null, maskedId = null, region = null, validUntil = null;
        ulong? issuedAt = null, expiresAt = null;

        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            if (reader.PeekState() != CborReaderState.TextString)
            {
                reader.SkipValue();
                reader.SkipValue();
                continue;
            }

            switch (reader.ReadTextString())
            {
                case "v": version = checked((int)reader.ReadUInt32()); break;
                case "pn": permitNumber = reader.ReadTextString(); break;
                case "cs": cardSequence = checked((int)reader.ReadUInt32()); break;
                case "n": name = reader.ReadTextString(); break;
                case "id": maskedId = reader.ReadTextString(); break;
                case "rc": region = reader.ReadTextString(); break;
                case "vu": validUntil = reader.ReadTextString(); break;
                case "iat": issuedAt = reader.ReadUInt64(); break;
                case "exp": expiresAt = reader.ReadUInt64(); break;
                default: reader.SkipValue(); break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0)
        {
            return DecodeResult.Malformed<QrClaims>("bytes follow the QR claims map");
        }

        if (version != QrClaims.FormatVersion)
        {
            return DecodeResult.Malformed<QrClaims>(version is null ? "claim v is missing" : "claim v names an unknown format version");
        }

        if (permitNumber is null || cardSequence is null || name is null || maskedId is null || region is null
            || validUntil is null || issuedAt is null)
        {
            return DecodeResult.Malformed<QrClaims>("a required claim is missing");
        }

        if (PermitFormats.ParseCompactDate(validUntil) is not { } vu)
        {
            return DecodeResult.Malformed<QrClaims>("claim vu is not YYYYMMDD");
        }

        if (ToInstant(issuedAt.Value) is not { } iat || (expiresAt is not null && ToInstant(expiresAt.Value) is null))
        {
            return DecodeResult.Malformed<QrClaims>("claim iat or exp is out of range");
        }

        var claims = new QrClaims(permitNumber, cardSequence.Value, name, maskedId, region, vu, iat,
            expiresAt is null ? null : ToInstant(expiresAt.Value));
        return claims.FindProblem() is { } problem
            ? DecodeResult.Malformed<QrClaims>($"QR claims: {problem}")
            : DecodeResult.Ok(claims);
    }

    private static DateTimeOffset? ToInstant(ulong seconds) =>
        seconds <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;
}
