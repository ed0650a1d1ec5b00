namespace Permit.Api.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what to whose personal data, why, when and from where, chained to
/// the line before by <see cref="PreviousHash"/> so that changing or removing any line breaks every later link.
/// Created only by <see cref="IAuditTrail"/>; its sequence and hashes are set when it is saved (<see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int HashLength = 64;
    public const int TextMaxLength = 200;

    private AuditEntry()
    {
        Action = PreviousHash = Hash = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3… without gaps; unique, so two writers cannot both append the same link.</summary>
    public long Sequence { get; internal set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The officer's or migrant's account id, or the verifier terminal's id.</summary>
    public string? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    /// <summary>registrar, supervisor, admin, migrant, verifier, or system.</summary>
    public string? ActorRole { get; private set; }

    /// <summary>Where from: the verifier terminal, or the client address and agent.</summary>
    public string? Terminal { get; private set; }

    /// <summary>What was done, e.g. <c>resident.read</c>, <c>permit.issue</c>.</summary>
    public string Action { get; private set; }

    /// <summary>Whose record was read or changed.</summary>
    public Guid? ResidentId { get; private set; }

    public string? Purpose { get; private set; }

    public string PreviousHash { get; internal set; }

    /// <summary>SHA-256 (hex) over <see cref="AuditCanonicalForm"/> of this entry, which includes <see cref="PreviousHash"/>.</summary>
    public string Hash { get; internal set; }

    internal static AuditEntry Create(AuditActor actor, string action, Guid? residentId, string? purpose, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        // Whole milliseconds in UTC: every provider stores that exactly, so the hash recomputes after a round trip.
        var utc = now.ToUniversalTime();
        var occurredAt = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            OccurredAt = occurredAt,
            ActorId = Limit(actor.Id),
            ActorName = Limit(actor.Name),
            ActorRole = Limit(actor.Role),
            Terminal = Limit(actor.Terminal),
            Action = Limit(action.Trim())!,
            ResidentId = residentId,
            Purpose = Limit(purpose),
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };
    }

    private static string? Limit(string? text) => text is { Length: > TextMaxLength } ? text[..TextMaxLength] : text;
}
