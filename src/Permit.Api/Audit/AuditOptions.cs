namespace Permit.Api.Audit;

/// <summary>
/// The <c>Audit</c> section: where signed checkpoints of the chain head go, outside the database.
/// <para>Default checkpoint log: Development and Testing <c>data/audit-checkpoints.log</c> under the content root;
/// otherwise <c>%ProgramData%\Permit\audit\checkpoints.log</c> on Windows and
/// <c>/var/log/permit/audit-checkpoints.log</c> elsewhere. Put it (or ship it) where the database's writers cannot
/// rewrite it: another volume, a log host.</para>
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The append-only checkpoint file; relative paths are taken from the content root.</summary>
    public string? CheckpointLog { get; set; }

    /// <summary>Optional <c>host:port</c> of a syslog receiver (UDP, RFC 5424); each checkpoint is also sent there.</summary>
    public string? Syslog { get; set; }

    /// <summary>How often the scheduler writes a checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(10);

    public string CheckpointLogFor(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = !string.IsNullOrWhiteSpace(CheckpointLog) ? CheckpointLog
            : environment.IsDevelopment() || environment.IsEnvironment("Testing") ? "data/audit-checkpoints.log"
            : OperatingSystem.IsWindows()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Permit", "audit", "checkpoints.log")
                : "/var/log/permit/audit-checkpoints.log";
        return Path.GetFullPath(path, environment.ContentRootPath);
    }
}
