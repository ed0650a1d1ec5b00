namespace Permit.CardAgent.Tests.Packaging;

/// <summary>
/// Every path whose name mentions "permit" under the places a package writes to (/etc, /opt, /usr, /var), to tell what
/// an install left behind. dpkg's own records (/var/lib/dpkg) are dpkg's business; other programs on the machine may
/// write elsewhere meanwhile, so only our name counts.
/// </summary>
internal sealed class SystemSnapshot
{
    private static readonly string[] Roots = ["/etc", "/opt", "/usr", "/var"];
    private static readonly string[] Skipped = ["/var/lib/dpkg", "/var/cache", "/var/tmp", "/var/lib/postgresql", "/usr/share/dotnet", "/var/log/journal"];

    private readonly HashSet<string> _paths;

    private SystemSnapshot(HashSet<string> paths) => _paths = paths;

    public static SystemSnapshot Take()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in Roots)
            Walk(new DirectoryInfo(root), paths);
        return new SystemSnapshot(paths);
    }

    /// <summary>What is here now and was not in <paramref name="before"/>.</summary>
    public IReadOnlyList<string> AddedSince(SystemSnapshot before) => [.. _paths.Except(before._paths).Order(StringComparer.Ordinal)];

    private static void Walk(DirectoryInfo directory, HashSet<string> paths)
    {
        if (Skipped.Contains(directory.FullName, StringComparer.Ordinal))
            return;
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = directory.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.FullName.Contains("permit", StringComparison.OrdinalIgnoreCase))
                paths.Add(entry.FullName);
            // Symbolic links are recorded, not followed (no loops, no second copy of /usr under /lib).
            if (entry is DirectoryInfo child && entry.LinkTarget is null)
                Walk(child, paths);
        }
    }
}
