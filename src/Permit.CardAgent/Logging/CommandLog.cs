using Microsoft.Extensions.Logging;

namespace Permit.CardAgent.Logging;

/// <summary>What a command leaves in the agent's log file.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} failed with exit {ExitCode} ({Code}): {Reason}")]
    public static partial void Failed(ILogger logger, string command, string code, int exitCode, string reason);
}
