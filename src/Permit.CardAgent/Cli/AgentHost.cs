using Permit.CardAgent.Configuration;
using Permit.CardAgent.Terminals;
using Permit.PCSC.Interop;

namespace Permit.CardAgent.Cli;

/// <summary>What a command runs against: the readers, the configuration, the clock, and the PC/SC API for monitors.</summary>
public sealed record AgentHost(ICardTerminals Terminals, AgentSettings Settings, TimeProvider Time, ISCardApi? PcscApi = null)
{
    /// <summary>How long the agent waits for the permit API to answer one call.</summary>
    public static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The pause before the event monitors try the service again after it went away.</summary>
    public TimeSpan MonitorRecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Standard input: where <c>personalize --user</c> reads the password.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Environment variables (<c>PERMIT_API_TOKEN</c>); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>An HTTP client for the permit API at a base address; tests hand in one bound to an in-process API.</summary>
    /// <remarks>The default goes through <see cref="Issuing.ApiResilience"/>: retries for idempotent calls only, timeouts, a circuit breaker.</remarks>
    public Func<Uri, HttpClient> ApiClients { get; init; } = Issuing.ApiResilience.Shared.CreateClient;

    /// <summary>The agent's log file (none unless <c>Program</c> opens one).</summary>
    public Logging.AgentLogging Log { get; init; } = Logging.AgentLogging.None;

    /// <summary>How often <c>serve</c> synchronises the offline lists when an API is configured.</summary>
    public TimeSpan SyncInterval => TimeSpan.FromMinutes(Settings.SyncMinutes);

    /// <summary><c>serve --simulated</c>: the in-process readers <see cref="Terminals"/> is; null on real PC/SC.</summary>
    public Simulated.SimulatedReaders? Simulated { get; init; }

    public CardOperations Operations() => new(Terminals, Settings, Time);
}
