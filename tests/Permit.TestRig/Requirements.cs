namespace Permit.TestRig;

/// <summary>
/// Decides what a test does when the machine lacks a daemon or tool it needs:
/// outside CI it is skipped with the reason, in CI (<c>CI=true</c>) it fails, so a broken CI image cannot pass quietly.
/// </summary>
public static class Requirements
{
    /// <summary>Where Debian's vsmartcard-vpcd package puts the pcscd driver.</summary>
    public const string VpcdDriverPath = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) the current test when <paramref name="missing"/> names something missing.</summary>
    public static void Require(string? missing)
    {
        if (missing is null)
            return;

        if (IsCi)
            Assert.Fail($"CI=true but this test's environment is incomplete: {missing}");

        Assert.Skip(missing);
    }

    /// <summary>Skips or fails the current test unless a private pcscd with vpcd readers can be started here.</summary>
    public static void RequirePcscRig() => Require(PcscRigMissing());

    /// <summary>Why a <see cref="PcscRig"/> cannot run on this machine, or <see langword="null"/> when it can.</summary>
    public static string? PcscRigMissing()
    {
        if (!OperatingSystem.IsLinux())
            return "the private pcscd rig needs Linux (mount namespaces and pcsc-lite)";

        var missing = new List<string>();
        if (FindOnPath("pcscd") is null)
            missing.Add("pcscd (apt-get install pcscd)");
        if (!File.Exists(VpcdDriverPath))
            missing.Add($"the vpcd driver {VpcdDriverPath} (apt-get install vsmartcard-vpcd)");
        if (FindOnPath("unshare") is null || FindOnPath("mount") is null)
            missing.Add("unshare and mount (util-linux)");
        if (!File.Exists("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1") && !LibraryLoads("libpcsclite.so.1"))
            missing.Add("libpcsclite.so.1 (apt-get install libpcsclite1)");
        if (Environment.UserName != "root")
            missing.Add("root (a private pcscd needs a bind mount over /run/pcscd)");

        return missing.Count == 0 ? null : "missing " + string.Join(", ", missing);
    }

    /// <summary>The full path of an executable on <c>PATH</c> (plus the sbin directories), or <see langword="null"/>.</summary>
    public static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        return directories.Select(d => Path.Combine(d, executable)).FirstOrDefault(File.Exists);
    }

    private static bool LibraryLoads(string name)
    {
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(name, out var handle))
            return false;
        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return true;
    }
}
