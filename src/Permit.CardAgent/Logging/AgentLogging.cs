using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Permit.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace Permit.CardAgent.Logging;

/// <summary>
/// The agent's log: a daily rolling text file in the operating system's place for service logs
/// (<c>%ProgramData%\Permit\Agent\logs</c> on Windows, <c>/var/log/permit-agent</c> on Linux), written through the same
/// masking rules as the API's (<see cref="PersonalDataMasking"/> for properties, <see cref="MaskingSink"/> for exception text),
/// so an ID number, a key or a token that slipped into a message is masked before it reaches the disk.
/// </summary>
/// <remarks>
/// <c>Agent:LogDirectory</c> or <c>PERMIT_AGENT_LOG_DIRECTORY</c> names another directory; an empty value turns the file
/// off. A directory this user cannot write (an officer running a command by hand, while the installed service owns
/// <c>/var/log/permit-agent</c>) turns the file off as well: a command never fails because of its log.
/// </remarks>
public sealed class AgentLogging : IDisposable
{
    public const string DirectoryVariable = "PERMIT_AGENT_LOG_DIRECTORY";

    /// <summary>The file name pattern; Serilog adds the date, e.g. <c>permit-agent-20261203.log</c>.</summary>
    public const string FilePattern = "permit-agent-.log";

    private readonly Serilog.Core.Logger? _logger;

    private AgentLogging(Serilog.Core.Logger? logger, string? directory)
    {
        _logger = logger;
        Directory = directory;
        Factory = logger is null ? NullLoggerFactory.Instance : new SerilogLoggerFactory(logger, dispose: false);
    }

    /// <summary>The directory the file is written to; null when there is no file.</summary>
    public string? Directory { get; }

    /// <summary>Loggers writing to the file (a null factory when there is none).</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>No file: what tests and in-process hosts get unless they ask for one.</summary>
    public static AgentLogging None { get; } = new(null, null);

    /// <summary>The operating system's place for the agent's logs.</summary>
    public static string DefaultDirectory()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Permit", "Agent", "logs");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Logs", "permit-agent");
        return "/var/log/permit-agent";
    }

    /// <summary>Opens the file log in <paramref name="directory"/> (null: <see cref="DefaultDirectory"/>; empty: none).</summary>
    public static AgentLogging Open(string? directory)
    {
        directory ??= DefaultDirectory();
        if (directory.Length == 0 || !IsWritable(directory))
            return None;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .Enrich.With<PersonalDataMasking>()
            .WriteTo.Sink(Serilog.Configuration.LoggerSinkConfiguration.Wrap(inner => new MaskingSink(inner), sinks => sinks.File(
                Path.Combine(directory, FilePattern),
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                fileSizeLimitBytes: 20 * 1024 * 1024,
                rollOnFileSizeLimit: true,
                // Commands run by hand may write while the service runs: both append to the same day's file.
                shared: true)))
            .CreateLogger();
        return new AgentLogging(logger, directory);
    }

    /// <summary>Adds the file to a host's logging: the agent's own categories from Information, the framework's warnings.</summary>
    public void AddTo(ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (_logger is null)
            return;
        builder.AddSerilog(_logger, dispose: false);
        builder.AddFilter<SerilogLoggerProvider>("Permit", LogLevel.Information);
    }

    private static bool IsWritable(string directory)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".probe-{Environment.ProcessId}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Factory.Dispose();
        _logger?.Dispose();
    }
}
