namespace Permit.CardAgent.Failures;

/// <summary>
/// A failure of the agent itself (not of a card answer): bad input, no service, no reader.
/// <see cref="Code"/> is stable for scripts and the web pages; the message is for the person at the counter.
/// </summary>
public sealed class AgentException : Exception
{
    public AgentException(string code, int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        ExitCode = exitCode;
    }

    public AgentException() : this("agent-error", ExitCodes.DataInvalid, "The agent failed.") { }

    public AgentException(string message) : this("agent-error", ExitCodes.DataInvalid, message) { }

    public AgentException(string message, Exception innerException) : this("agent-error", ExitCodes.DataInvalid, message, innerException) { }

    public string Code { get; }

    public int ExitCode { get; }

    /// <summary>The status the loopback service answers with, when the exit code alone does not say it (e.g. 401 passed on).</summary>
    public int? HttpStatus { get; init; }

    public static AgentException Usage(string message) => new("usage", ExitCodes.Usage, message);

    public static AgentException DataInvalid(string message, Exception? inner = null) => new("data-invalid", ExitCodes.DataInvalid, message, inner);
}
