namespace Permit.CardAgent.Tests.Packaging;

/// <summary>Debian's wine64: the loader lives in /usr/lib/wine (the <c>wine</c> package adds a wrapper on the PATH).</summary>
internal static class Wine
{
    private const string DebianLoader = "/usr/lib/wine/wine64";

    public static string? Find() =>
        (File.Exists(DebianLoader) ? DebianLoader : null) ?? Requirements.FindOnPath("wine64") ?? Requirements.FindOnPath("wine");

    public static string Server(string wine)
    {
        var beside = Path.Combine(Path.GetDirectoryName(wine)!, "wineserver");
        return File.Exists(beside) ? beside : Requirements.FindOnPath("wineserver") ?? "/usr/lib/wine/wineserver";
    }
}
