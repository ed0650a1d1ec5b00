namespace Permit.HardwareSim.Control;

/// <summary>What <c>GET /status</c> on the control port reports. Never the serial, transport code or keys.</summary>
/// <param name="Inserted">The card is in the reader (vpcd has powered it on over the current connection).</param>
/// <param name="ApdusAnswered">APDUs answered since start.</param>
/// <param name="AnswerDelayMs">The injected answer delay.</param>
/// <param name="LifeCycle">A permit card's life cycle (BLANK, PERSONALIZING, ACTIVE, TERMINATED); null for an ID card.</param>
/// <param name="TransportTriesLeft">A permit card's transport-code tries left; null for an ID card.</param>
public sealed record SimulatorStatus(bool Inserted, long ApdusAnswered, int AnswerDelayMs, string? LifeCycle, int? TransportTriesLeft);
