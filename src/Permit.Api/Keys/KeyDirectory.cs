namespace Permit.Api.Keys;

/// <summary>
/// The key directory on disk: created owner-only (0700), every file in it owner-read/write only (0600) on Unix.
/// Files are created with <see cref="FileMode.CreateNew"/>, so an existing key is never overwritten.
/// </summary>
public sealed class KeyDirectory
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public KeyDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(Path))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(Path);
            else
                Directory.CreateDirectory(Path, OwnerOnlyDirectory);
        }

        // An existing directory may have been made by hand with looser rights: tighten it.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path, OwnerOnlyDirectory);
    }

    public string Path { get; }

    public static KeyDirectory FromOptions(KeyOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new KeyDirectory(System.IO.Path.GetFullPath(options.Directory, contentRoot));
    }

    public string PathOf(string fileName) => System.IO.Path.Combine(Path, fileName);

    public bool Exists(string fileName) => File.Exists(PathOf(fileName));

    public byte[] ReadBytes(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public string ReadText(string fileName) => File.ReadAllText(PathOf(fileName));

    public IEnumerable<string> FileNames(string searchPattern) =>
        Directory.EnumerateFiles(Path, searchPattern).Select(f => System.IO.Path.GetFileName(f)!);

    /// <summary>Writes a new secret file with mode 0600 from the start (no window where it is world-readable).</summary>
    /// <exception cref="IOException">The file exists already.</exception>
    public void CreateFile(string fileName, ReadOnlySpan<byte> content)
    {
        var path = PathOf(fileName);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(path, options))
            stream.Write(content);

        // The umask can only remove rights; set the mode explicitly so it is exactly 0600.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnlyFile);
    }

    /// <summary>Replaces a small non-secret bookkeeping file (e.g. which key is active) atomically.</summary>
    public void ReplaceFile(string fileName, ReadOnlySpan<byte> content)
    {
        var temporary = fileName + "." + Guid.NewGuid().ToString("N") + ".tmp";
        CreateFile(temporary, content);
        File.Move(PathOf(temporary), PathOf(fileName), overwrite: true);
    }

    /// <summary>Reads a secret of exactly <paramref name="length"/> bytes, creating it from the system RNG on first use.</summary>
    public byte[] ReadOrCreateSecret(string fileName, int length)
    {
        if (!Exists(fileName))
        {
            try
            {
                CreateFile(fileName, System.Security.Cryptography.RandomNumberGenerator.GetBytes(length));
            }
            catch (IOException) when (Exists(fileName))
            {
                // Another process created it first: use theirs.
            }
        }

        var secret = ReadBytes(fileName);
        return secret.Length == length
            ? secret
            : throw new InvalidOperationException($"Key file {fileName} does not hold {length} bytes.");
    }
}
