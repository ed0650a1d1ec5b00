namespace Permit.Api.Infrastructure.DemoData;

/// <summary>The demo's own files (accounts, the holder's card): owner-only from the first byte, replaced whole.</summary>
internal static class DemoFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WritePrivate(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text);

        // The umask can only remove rights; set the mode explicitly so it is exactly 0600.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, OwnerOnlyFile);
        File.Move(temporary, path, overwrite: true);
    }
}
