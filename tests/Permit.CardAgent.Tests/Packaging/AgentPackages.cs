namespace Permit.CardAgent.Tests.Packaging;

/// <summary>
/// The packages <c>scripts/package-agent.sh</c> builds: taken from <c>PERMIT_AGENT_PACKAGES</c> or
/// <c>artifacts/packages</c> when CI built them in its packaging step, else built once for this test run.
/// </summary>
internal sealed class AgentPackages
{
    public const string DirectoryVariable = "PERMIT_AGENT_PACKAGES";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string[] Patterns = ["permit-agent-*-win-x64.zip", "permit-agent_*_amd64.deb", "permit-agent_*_arm64.deb"];
    private static readonly string[] Tools = ["dpkg-deb", "zip", "dotnet"];
    private static AgentPackages? s_built;

    private AgentPackages(string directory) => Directory = directory;

    public string Directory { get; }

    public string WindowsZip => Single("permit-agent-*-win-x64.zip");

    public string Deb(string architecture) => Single($"permit-agent_*_{architecture}.deb");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Permit.sln")))
                    return directory.FullName;
            }

            throw new InvalidOperationException("The repository (Permit.sln) is not above the test assembly.");
        }
    }

    /// <summary>The three packages; builds them (a few minutes) when they are not there yet.</summary>
    public static async Task<AgentPackages> GetAsync()
    {
        Requirements.Require(Missing());
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (s_built is not null)
                return s_built;
            var directory = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } given
                ? given
                : Path.Combine(RepositoryRoot, "artifacts", "packages");
            var packages = new AgentPackages(directory);
            if (!packages.Complete)
            {
                var script = Path.Combine(RepositoryRoot, "scripts", "package-agent.sh");
                var run = await Run.Of("bash", [script, "--out", directory], TimeSpan.FromMinutes(25));
                Assert.True(run.ExitCode == 0 && packages.Complete, $"scripts/package-agent.sh: {run}");
            }

            return s_built = packages;
        }
        finally
        {
            Gate.Release();
        }
    }

    private bool Complete =>
        System.IO.Directory.Exists(Directory)
        && Patterns.All(pattern => System.IO.Directory.GetFiles(Directory, pattern).Length == 1);

    private static string? Missing()
    {
        if (!OperatingSystem.IsLinux())
            return "the packages are built on Linux (dpkg-deb)";
        var missing = Tools.Where(tool => Requirements.FindOnPath(tool) is null).ToList();
        return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)} (apt-get install dpkg zip)";
    }

    private string Single(string pattern)
    {
        var found = System.IO.Directory.GetFiles(Directory, pattern);
        Assert.True(found.Length == 1, $"expected one {pattern} in {Directory}, found {found.Length}");
        return found[0];
    }
}
