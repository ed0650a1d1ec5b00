namespace Permit.Api.Keys;

/// <summary>
/// The key directory on disk: created owner-only (0700), every file in it owner-read/write only (0600) on Unix.
/// Files are created with <see cref="FileMode.CreateNew"/>, so an existing key is never overwritten.
/// <para>Only a directory with <see cref="CreatesMissingKeys"/> (<c>keys init</c>, Development, tests) makes a missing
/// key; otherwise a missing or unreadable key is a <see cref="MissingKeyException"/> naming its path.</para>
/// </summary>
public sealed partial class KeyDirectory
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ILogger? _logger;
    private int _created;

    public KeyDirectory(string path)
        : this(path, createsMissingKeys: true, logger: null)
    {
    }

    public KeyDirectory(string path, bool createsMissingKeys, ILogger? logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        CreatesMissingKeys = createsMissingKeys;
        _logger = logger;
        // A directory that may not create keys is not created either: an unmounted volume must stay visibly empty.
        if (!createsMissingKeys)
            return;
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

    /// <summary>True for <c>keys init</c>, Development and tests; false in Production.</summary>
    public bool CreatesMissingKeys { get; }

    public static KeyDirectory FromOptions(KeyOptions options, IHostEnvironment environment, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var path = System.IO.Path.GetFullPath(options.DirectoryFor(environment), environment.ContentRootPath);
        return new KeyDirectory(path, options.CreatesMissingKeys(environment), logger);
    }

    /// <summary>The same directory, allowed to create missing keys (<c>keys init</c>).</summary>
    public KeyDirectory ForInit() => CreatesMissingKeys ? this : new KeyDirectory(Path, createsMissingKeys: true, _logger);

    public string PathOf(string fileName) => System.IO.Path.Combine(Path, fileName);

    public bool Exists(string fileName) => File.Exists(PathOf(fileName));

    public byte[] ReadBytes(string fileName) => Read(fileName, File.ReadAllBytes);

    public string ReadText(string fileName) => Read(fileName, File.ReadAllText);

    public IEnumerable<string> FileNames(string searchPattern) => Directory.Exists(Path)
        ? Directory.EnumerateFiles(Path, searchPattern).Select(f => System.IO.Path.GetFileName(f)!)
        : [];

    /// <summary>
    /// Called before a key is created: throws <see cref="MissingKeyException"/> when this directory may not create
    /// keys, otherwise says (in the log) that a key is being created.
    /// </summary>
    public void EnsureMayCreate(string fileName)
    {
        if (!CreatesMissingKeys)
            throw MissingKeyException.Missing(PathOf(fileName));
        // One warning per directory is enough to say it happens; each further key is named at Debug, so a first start in
        // Development does not fill the console with one line per key.
        if (_logger is null)
            return;
        if (Interlocked.Increment(ref _created) == 1)
            LogCreating(_logger, fileName, Path);
        else
            LogCreatingMore(_logger, fileName, Path);
    }

    private T Read<T>(string fileName, Func<string, T> read)
    {
        var path = PathOf(fileName);
        if (!File.Exists(path))
            throw MissingKeyException.Missing(path);
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MissingKeyException.Unreadable(path, e.GetType().Name, e);
        }
    }

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
            EnsureMayCreate(fileName);
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
            : throw MissingKeyException.Unreadable(PathOf(fileName), $"it does not hold {length} bytes");
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Creating the missing key {File} in {Directory} (allowed in Development only; production keys come from `keys init`)")]
    private static partial void LogCreating(ILogger logger, string file, string directory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Creating the missing key {File} in {Directory} (Development only)")]
    private static partial void LogCreatingMore(ILogger logger, string file, string directory);
}
