namespace Permit.Domain.Credentials.Agents;

/// <summary>
/// What one agent ticket allows: the permit API lets the signed-in officer or counter terminal (<see cref="Subject"/>,
/// <see cref="Kind"/>) do one <see cref="Operation"/> on one paired agent (<see cref="AgentId"/>) until
/// <see cref="ExpiresAt"/>; a <c>personalize</c> ticket also names the permit and card sequence. The wire form is
/// <see cref="AgentTicketCodec"/>'s (docs/agent-tickets.md).
/// </summary>
public sealed record AgentTicket
{
    /// <summary>The longest a ticket may live (expiry minus issue time); a longer one is refused.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(2);

    public AgentTicket(string id, Guid agentId, string operation, AgentTicketHolder kind, Guid subject,
        DateTimeOffset issuedAt, DateTimeOffset expiresAt, string? permitNumber = null, int? cardSequence = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!AgentOperations.IsKnown(operation))
            throw new ArgumentException($"Unknown agent operation '{operation}'.", nameof(operation));
        if (expiresAt <= issuedAt || expiresAt - issuedAt > MaxLifetime)
            throw new ArgumentException("A ticket lives more than zero and at most two minutes.", nameof(expiresAt));
        if ((operation == AgentOperations.Personalize) != (permitNumber is not null && cardSequence is > 0))
            throw new ArgumentException("A personalize ticket, and only it, names the permit and card sequence.", nameof(permitNumber));
        Id = id;
        AgentId = agentId;
        Operation = operation;
        Kind = kind;
        Subject = subject;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        PermitNumber = permitNumber;
        CardSequence = cardSequence;
    }

    /// <summary>Unique per ticket (<c>jti</c>): 32 lower-case hex digits.</summary>
    public string Id { get; }

    public Guid AgentId { get; }

    public string Operation { get; }

    public AgentTicketHolder Kind { get; }

    /// <summary>The officer's or terminal's id: who asked for the ticket.</summary>
    public Guid Subject { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string? PermitNumber { get; }

    public int? CardSequence { get; }
}

/// <summary>Who a ticket was issued to: an officer at a desk, or a school's or clinic's counter terminal.</summary>
public enum AgentTicketHolder
{
    Officer,
    Terminal,
}

/// <summary>The operations a ticket can name, and which agent routes each opens.</summary>
public static class AgentOperations
{
    /// <summary><c>POST /id-card/read</c> (and <c>GET /readers</c>).</summary>
    public const string ReadId = "read-id";

    /// <summary><c>POST /permit-card/read</c>, <c>POST /qr/verify</c> (and <c>GET /readers</c>).</summary>
    public const string ReadPermit = "read-permit";

    /// <summary><c>POST /permit-card/personalize</c>, once.</summary>
    public const string Personalize = "personalize";

    /// <summary><c>GET /events</c> (and <c>GET /readers</c>).</summary>
    public const string Events = "events";

    public static IReadOnlyList<string> All { get; } = [ReadId, ReadPermit, Personalize, Events];

    public static bool IsKnown(string? operation) => operation is ReadId or ReadPermit or Personalize or Events;

    /// <summary>
    /// Officers read ID cards and write permit cards; counters read permit cards, QR codes and ID cards (to look a permit
    /// up by the holder's ID card: a counter's agent answers an ID card read only sealed for the API); both watch events.
    /// A counter never writes a card.
    /// </summary>
    public static bool AllowedFor(AgentTicketHolder holder, string operation) => holder switch
    {
        AgentTicketHolder.Officer => operation is ReadId or Personalize or Events,
        AgentTicketHolder.Terminal => operation is ReadPermit or ReadId or Events,
        _ => false,
    };
}
