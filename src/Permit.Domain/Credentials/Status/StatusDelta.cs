namespace Permit.Domain.Credentials.Status;

/// <summary>
/// What changed between the full list <see cref="BaseNumber"/> and list <see cref="Number"/> (docs/status-list.md,
/// "Delta"): the new value of every slot that differs, and the chips abandoned since. It applies to that one base list
/// and no other, so a verifier that missed a list can never patch the wrong state.
/// </summary>
public sealed class StatusDelta
{
    internal StatusDelta(
        long baseNumber, long number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IReadOnlyList<StatusChange> changes,
        IReadOnlyList<byte[]> abandonedChipKeys, byte[]? issuerKeyId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseNumber);
        if (number <= baseNumber)
            throw new ArgumentException("A delta's number is after its base's.", nameof(number));
        if (nextUpdate <= thisUpdate)
            throw new ArgumentException("nextUpdate must be after thisUpdate.", nameof(nextUpdate));
        BaseNumber = baseNumber;
        Number = number;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        Changes = changes;
        AbandonedChipKeys = abandonedChipKeys;
        IssuerKeyId = issuerKeyId;
    }

    /// <summary>The number of the full list this delta applies to.</summary>
    public long BaseNumber { get; }

    /// <summary>The number of the list the base becomes.</summary>
    public long Number { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset NextUpdate { get; }

    /// <summary>Sorted by section, then serial; one per slot.</summary>
    public IReadOnlyList<StatusChange> Changes { get; }

    /// <summary>Chips abandoned since the base, sorted bytewise.</summary>
    public IReadOnlyList<byte[]> AbandonedChipKeys { get; }

    public byte[]? IssuerKeyId { get; }

    /// <summary>The delta that turns <paramref name="from"/> into <paramref name="to"/> (same number, dates and slots).</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not newer than <paramref name="from"/>.</exception>
    public static StatusDelta Between(StatusList from, StatusList to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<StatusChange>();
        var keys = from.Sections.Select(s => s.Key).Union(to.Sections.Select(s => s.Key)).Order(Comparer<SectionKey>.Create(SectionKey.Compare));
        foreach (var key in keys)
        {
            from.TryGetSection(key, out var before);
            to.TryGetSection(key, out var after);
            var length = Math.Max(before?.Length ?? 0, after?.Length ?? 0);
            for (var serial = 1; serial <= length; serial++)
            {
                var now = after is null ? StatusEntry.Empty : after[serial];
                if ((before is null ? StatusEntry.Empty : before[serial]) != now)
                    changes.Add(new StatusChange(key, serial, now));
            }
        }

        var held = from.AbandonedChipKeys.Select(Convert.ToHexStringLower).ToHashSet(StringComparer.Ordinal);
        var abandoned = to.AbandonedChipKeys.Where(h => !held.Contains(Convert.ToHexStringLower(h))).ToList();
        return new StatusDelta(from.Number, to.Number, to.ThisUpdate, to.NextUpdate, changes, abandoned, issuerKeyId: null);
    }

    /// <summary>The list <paramref name="held"/> becomes, or why the delta does not fit it (<c>wrong-base</c>).</summary>
    public StatusReadResult<StatusList> ApplyTo(StatusList held)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.Number != BaseNumber)
            return StatusRead.Refused<StatusList>(StatusRefusals.WrongBase,
                $"the delta is for list {BaseNumber}, the list held is {held.Number}");
        var builder = new StatusListBuilder(held);
        foreach (var change in Changes)
            builder.Set(change.Section, change.Serial, change.Entry);
        foreach (var chip in AbandonedChipKeys)
            builder.AbandonChip(chip);
        return StatusRead.Read(builder.Build(Number, ThisUpdate, NextUpdate, IssuerKeyId));
    }
}
