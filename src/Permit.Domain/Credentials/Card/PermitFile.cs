using System.Text;
using Permit.Iso7816.Tlv;

namespace Permit.Domain.Credentials.Card;

/// <summary>
/// EF.PERMIT (FID 0101): <c>70 L { 80 01 01, 81 .. permit number, 82 .. ID number, 83 name, 84 sex,
/// 85 ethnic group, 86 birth date, 87 hukou address, 88 residence address, 89 region, 8A authority,
/// 8B issue date, 8C valid until, 8D 01 card sequence }</c>, each tag exactly once and in this order.
/// </summary>
public static class PermitFile
{
    private static readonly uint[] FieldTags = [0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D];

    /// <summary>The EF.PERMIT bytes for <paramref name="data"/>, with minimal lengths.</summary>
    /// <exception cref="ArgumentException">A field breaks the card spec (the message names the field, not its value).</exception>
    public static byte[] Encode(PermitCardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FindProblem() is { } problem)
        {
            throw new ArgumentException($"Cannot write EF.PERMIT: {problem}.", nameof(data));
        }

        return new TlvWriter()
            .WriteConstructed(CardFiles.PermitTemplateTag, w => w
                .WritePrimitive(0x80, CardFiles.PermitFormatVersion)
                .WritePrimitive(0x81, Encoding.ASCII.GetBytes(data.PermitNumber))
                .WritePrimitive(0x82, Encoding.ASCII.GetBytes(data.IdNumber))
                .WritePrimitive(0x83, Encoding.UTF8.GetBytes(data.Name))
                .WritePrimitive(0x84, Encoding.ASCII.GetBytes(data.Sex))
                .WritePrimitive(0x85, Encoding.ASCII.GetBytes(data.EthnicGroup))
                .WritePrimitive(0x86, Encoding.ASCII.GetBytes(PermitFormats.FormatCompactDate(data.BirthDate)))
                .WritePrimitive(0x87, Encoding.UTF8.GetBytes(data.HukouAddress))
                .WritePrimitive(0x88, Encoding.UTF8.GetBytes(data.ResidenceAddress))
                .WritePrimitive(0x89, Encoding.ASCII.GetBytes(data.ResidenceRegion))
                .WritePrimitive(0x8A, Encoding.UTF8.GetBytes(data.IssuingAuthority))
                .WritePrimitive(0x8B, Encoding.ASCII.GetBytes(PermitFormats.FormatCompactDate(data.IssueDate)))
                .WritePrimitive(0x8C, Encoding.ASCII.GetBytes(PermitFormats.FormatCompactDate(data.ValidUntil)))
                .WritePrimitive(0x8D, (byte)data.CardSequence))
            .ToArray();
    }

    /// <summary>
    /// Reads EF.PERMIT strictly: a missing, repeated, unknown or out-of-order field, an over-long or badly
    /// formed value, or any TLV error makes the file malformed.
    /// </summary>
    public static DecodeResult<PermitCardData> Decode(ReadOnlyMemory<byte> file)
    {
        var template = CardFileReading.ReadSingleObject(file, CardFiles.PermitTemplateTag, CardFiles.PermitMaxBytes, out var error);
        if (template is null)
        {
            return DecodeResult.Malformed<PermitCardData>($"EF.PERMIT: {error}");
        }

        var fields = CardFileReading.StrictChildren(template, out error);
        if (fields is null)
        {
            return DecodeResult.Malformed<PermitCardData>($"EF.PERMIT: {error}");
        }

        if (fields.Count != FieldTags.Length)
        {
            return DecodeResult.Malformed<PermitCardData>($"EF.PERMIT holds {fields.Count} objects instead of {FieldTags.Length}");
        }

        for (var i = 0; i < FieldTags.Length; i++)
        {
            if (fields[i].Tag.Value != FieldTags[i])
            {
                return DecodeResult.Malformed<PermitCardData>(
                    $"EF.PERMIT object {i + 1} has tag {fields[i].Tag} instead of {new BerTag(FieldTags[i])}");
            }
        }

        try
        {
            return Build(fields);
        }
        catch (DecoderFallbackException)
        {
            return DecodeResult.Malformed<PermitCardData>("EF.PERMIT holds text that is not valid UTF-8");
        }
    }

    private static DecodeResult<PermitCardData> Build(IReadOnlyList<TlvObject> f)
    {
        if (f[0].Value.Length != 1 || f[0].Value.Span[0] != CardFiles.PermitFormatVersion)
        {
            return DecodeResult.Malformed<PermitCardData>("EF.PERMIT format version is not 01");
        }

        if (f[13].Value.Length != 1)
        {
            return DecodeResult.Malformed<PermitCardData>("EF.PERMIT card sequence is not one byte");
        }

        var birth = PermitFormats.ParseCompactDate(Ascii(f[6]));
        var issued = PermitFormats.ParseCompactDate(Ascii(f[11]));
        var validUntil = PermitFormats.ParseCompactDate(Ascii(f[12]));
        if (birth is null || issued is null || validUntil is null)
        {
            return DecodeResult.Malformed<PermitCardData>("EF.PERMIT holds a date that is not YYYYMMDD");
        }

        var data = new PermitCardData(
            PermitNumber: Ascii(f[1]),
            IdNumber: Ascii(f[2]),
            Name: Utf8(f[3]),
            Sex: Ascii(f[4]),
            EthnicGroup: Ascii(f[5]),
            BirthDate: birth.Value,
            HukouAddress: Utf8(f[7]),
            ResidenceAddress: Utf8(f[8]),
            ResidenceRegion: Ascii(f[9]),
            IssuingAuthority: Utf8(f[10]),
            IssueDate: issued.Value,
            ValidUntil: validUntil.Value,
            CardSequence: f[13].Value.Span[0]);

        // The byte limits are on the stored UTF-8, which FindProblem re-measures from the decoded text;
        // strict UTF-8 round-trips, so the two agree.
        return data.FindProblem() is { } problem
            ? DecodeResult.Malformed<PermitCardData>($"EF.PERMIT: {problem}")
            : DecodeResult.Ok(data);
    }

    // Non-ASCII bytes in an ASCII field become '?' here, which every ASCII field check then refuses.
    private static string Ascii(TlvObject tlv) => Encoding.ASCII.GetString(tlv.Value.Span);

    private static string Utf8(TlvObject tlv) => PermitFormats.StrictUtf8.GetString(tlv.Value.Span);
}
