namespace Permit.ApiTestHost;

/// <summary>
/// What a <see cref="PermitTestHost"/> runs on. The defaults are the common case: SQLite, the fake clock at
/// <see cref="PermitTestHost.Start"/>, in memory, a database and a TEST key directory of its own.
/// </summary>
public sealed record TestHostOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Where the fake clock starts; <see langword="null"/> runs the host on the system clock.</summary>
    public DateTimeOffset? Clock { get; init; } = PermitTestHost.Start;

    /// <summary>On real Kestrel at a loopback port (a browser or the agent cannot reach an in-memory server).</summary>
    public bool Kestrel { get; init; }

    /// <summary>
    /// A database shared with other hosts (the two-node test), which this host migrates if first but neither creates nor
    /// drops; <see langword="null"/>: a database of the host's own, deleted with it.
    /// </summary>
    public string? SharedConnectionString { get; init; }

    /// <summary>A TEST key directory shared with other hosts; <see langword="null"/>: one of the host's own.</summary>
    public string? SharedKeyDirectory { get; init; }

    /// <summary>Configuration over the test defaults, e.g. <c>["RateLimits:Enabled"] = "true"</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>More services (a log sink, say), added where the application adds its own.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
