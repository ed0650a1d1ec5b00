using Permit.Domain.Credentials.Agents;

namespace Permit.Api.Security.Agents;

/// <summary>
/// A card agent on a desk or counter PC that an officer or a counter terminal paired with the API. Tickets are issued
/// only for a paired agent; an admin unpairs one (a stolen PC, a decommissioned counter) and its tickets stop at once.
/// </summary>
public sealed class PairedAgent
{
    public const int NameMaxLength = 100;

    private PairedAgent()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>What the pairing officer or terminal called the PC, e.g. "desk 3".</summary>
    public string Name { get; private set; }

    /// <summary>Officer: a registration desk; Terminal: a school's or clinic's counter.</summary>
    public AgentTicketHolder Kind { get; private set; }

    /// <summary>The officer's or terminal's id that paired it.</summary>
    public Guid PairedBy { get; private set; }

    public DateTimeOffset PairedAt { get; private set; }

    public DateTimeOffset? UnpairedAt { get; private set; }

    public bool IsPaired => UnpairedAt is null;

    public static PairedAgent Pair(string name, AgentTicketHolder kind, Guid pairedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Trim().Length > NameMaxLength)
            throw new ArgumentException($"An agent name is at most {NameMaxLength} characters.", nameof(name));
        return new PairedAgent { Id = Guid.CreateVersion7(now), Name = name.Trim(), Kind = kind, PairedBy = pairedBy, PairedAt = now };
    }

    public void Unpair(DateTimeOffset now) => UnpairedAt ??= now;

    /// <summary>Officers use desk agents; a counter terminal uses only the agents it paired itself.</summary>
    public bool Serves(AgentTicketHolder holder, Guid subject) =>
        IsPaired && Kind == holder && (holder == AgentTicketHolder.Officer || PairedBy == subject);
}
