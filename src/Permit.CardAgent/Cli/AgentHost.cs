using Permit.CardAgent.Configuration;
using Permit.CardAgent.Terminals;
using Permit.PCSC.Interop;

namespace Permit.CardAgent.Cli;

/// <summary>What a command runs against: the readers, the configuration, the clock, and the PC/SC API for monitors.</summary>
public sealed record AgentHost(ICardTerminals Terminals, AgentSettings Settings, TimeProvider Time, ISCardApi? PcscApi = null)
{
    /// <summary>The pause before the event monitors try the service again after it went away.</summary>
    public TimeSpan MonitorRecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public CardOperations Operations() => new(Terminals, Settings, Time);
}
