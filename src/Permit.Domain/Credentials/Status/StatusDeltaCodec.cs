using System.Formats.Cbor;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Credentials.Status;

/// <summary>
/// The signed status delta (docs/status-list.md, "Delta"): a tagged COSE_Sign1 (ES256) whose payload is the CBOR map
/// <code>
/// { "k": 1, "v": 2, "ac": [ bstr(32), ... ]?, "bn": uint, "ch": [ [ rg, yr, sn, cs, st, vu ], ... ], "no": uint, "nu": uint, "tu": uint }
/// </code>
/// with <c>no</c> &gt; <c>bn</c> and the changes sorted by (rg, yr, sn), one per slot. Not compressed: a day's changes are
/// a few hundred kilobytes, and nothing inflates.
/// </summary>
public static class StatusDeltaCodec
{
    public const int MaxBytes = 16 * 1024 * 1024;

    public static byte[] Sign(StatusDelta delta, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(signer);
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(7 + (delta.AbandonedChipKeys.Count > 0 ? 1 : 0));
        StatusEnvelope.WriteHeader(writer, StatusEnvelope.DeltaKind);
        if (delta.AbandonedChipKeys.Count > 0)
            StatusEnvelope.WriteChipKeys(writer, [.. delta.AbandonedChipKeys.Order(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))]);
        writer.WriteTextString("bn");
        writer.WriteInt64(delta.BaseNumber);
        writer.WriteTextString("ch");
        writer.WriteStartArray(delta.Changes.Count);
        foreach (var change in delta.Changes)
        {
            writer.WriteStartArray(6);
            writer.WriteTextString(change.Section.Region);
            writer.WriteInt32(change.Section.Year);
            writer.WriteInt32(change.Serial);
            writer.WriteInt32(change.Entry.CurrentSequence);
            writer.WriteInt32((int)change.Entry.State);
            writer.WriteInt32(StatusDays.Encode(change.Entry.ValidUntil));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteTextString("no");
        writer.WriteInt64(delta.Number);
        writer.WriteTextString("nu");
        writer.WriteInt64(delta.NextUpdate.ToUnixTimeSeconds());
        writer.WriteTextString("tu");
        writer.WriteInt64(delta.ThisUpdate.ToUnixTimeSeconds());
        writer.WriteEndMap();
        return CoseSign1.Sign(writer.Encode(), signer);
    }

    /// <summary>Checks the signature against <paramref name="trust"/>, then every change; applying it is <see cref="StatusDelta.ApplyTo"/>.</summary>
    public static StatusReadResult<StatusDelta> Read(byte[] signedData, TrustList trust)
    {
        ArgumentNullException.ThrowIfNull(signedData);
        ArgumentNullException.ThrowIfNull(trust);
        if (StatusEnvelope.Open(signedData, trust, MaxBytes, StatusEnvelope.DeltaKind, out var opened) is { } refusal)
            return StatusEnvelope.Refusal<StatusDelta>(refusal);
        try
        {
            return Decode(opened!);
        }
        catch (Exception e) when (StatusEnvelope.IsCborError(e))
        {
            return StatusRead.Refused<StatusDelta>(StatusRefusals.Malformed, $"status delta payload: {e.Message}");
        }
    }

    private static StatusReadResult<StatusDelta> Decode(StatusEnvelope.Opened opened)
    {
        long? baseNumber = null, number = null, thisUpdate = null, nextUpdate = null;
        List<StatusChange>? changes = null;
        List<byte[]> abandoned = [];
        var reader = new CborReader(opened.Payload, CborConformanceMode.Strict);
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            switch (reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null)
            {
                case null: reader.SkipValue(); reader.SkipValue(); break;
                case "bn": baseNumber = StatusEnvelope.ReadUnsigned(reader); break;
                case "no": number = StatusEnvelope.ReadUnsigned(reader); break;
                case "tu": thisUpdate = StatusEnvelope.ReadUnsigned(reader); break;
                case "nu": nextUpdate = StatusEnvelope.ReadUnsigned(reader); break;
                case "ch": changes = ReadChanges(reader); break;
                case "ac": abandoned = StatusEnvelope.ReadChipKeys(reader); break;
                default: reader.SkipValue(); break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || baseNumber is null || number is null || thisUpdate is null || nextUpdate is null || changes is null)
            return StatusRead.Refused<StatusDelta>(StatusRefusals.Malformed, "the status delta misses bn, no, tu, nu or ch");
        if (number <= baseNumber)
            return StatusRead.Refused<StatusDelta>(StatusRefusals.Malformed, "the delta's no is not after its bn");
        if (StatusEnvelope.Unauthorised(opened.Key, changes.Select(c => c.Section.Region).Distinct()) is { } unauthorised)
            return StatusEnvelope.Refusal<StatusDelta>(unauthorised);
        return StatusRead.Read(new StatusDelta(baseNumber.Value, number.Value,
            DateTimeOffset.FromUnixTimeSeconds(thisUpdate.Value), DateTimeOffset.FromUnixTimeSeconds(nextUpdate.Value), changes, abandoned, opened.KeyId));
    }

    private static List<StatusChange> ReadChanges(CborReader reader)
    {
        var changes = new List<StatusChange>();
        var count = reader.ReadStartArray();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (reader.ReadStartArray() != 6)
                throw new FormatException("A change is [rg, yr, sn, cs, st, vu].");
            var section = new SectionKey(StatusEnvelope.ReadRegion(reader), StatusEnvelope.ReadYear(reader));
            var serial = StatusEnvelope.ReadUnsigned(reader);
            var sequence = StatusEnvelope.ReadUnsigned(reader);
            var state = StatusEnvelope.ReadUnsigned(reader);
            var days = StatusEnvelope.ReadUnsigned(reader);
            reader.ReadEndArray();
            if (serial is < 1 or > StatusSection.MaxLength || sequence > 255 || state > (int)CardState.Suspended || days > ushort.MaxValue)
                throw new FormatException($"{section}: a change's sn, cs, st or vu is out of range.");
            if (sequence == 0 && (state != 0 || days != 0))
                throw new FormatException($"{section}: serial {serial} has no card but a state or a date.");
            var change = new StatusChange(section, (int)serial, new StatusEntry((byte)sequence, (CardState)state, StatusDays.Decode((int)days)));
            if (changes.Count > 0 && Compare(changes[^1], change) >= 0)
                throw new FormatException("Changes must be sorted by region, year and serial, one per slot.");
            changes.Add(change);
        }

        reader.ReadEndArray();
        return count is null || count == changes.Count ? changes : throw new FormatException("Change count mismatch.");
    }

    private static int Compare(StatusChange a, StatusChange b)
    {
        var bySection = SectionKey.Compare(a.Section, b.Section);
        return bySection != 0 ? bySection : a.Serial.CompareTo(b.Serial);
    }
}
