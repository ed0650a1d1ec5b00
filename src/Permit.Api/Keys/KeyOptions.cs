namespace Permit.Api.Keys;

/// <summary>
/// Where the API keeps its keys: a directory outside the database and outside its data directory, so neither a
/// database dump nor a backup of the data directory holds a key.
/// <para>Default: Development and Testing <c>data/keys</c> under the content root (a dev default); otherwise
/// <c>%ProgramData%\Permit\keys</c> on Windows and <c>/etc/permit/keys</c> on Linux and macOS.</para>
/// </summary>
public sealed class KeyOptions
{
    public const string Section = "Keys";

    public const string DevelopmentDirectory = "data/keys";

    /// <summary>Relative paths are taken from the content root; empty means the default above.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Whether a missing key is created at start. Default: true in Development and Testing only; in Production keys
    /// come from <c>keys init</c> and a missing one stops the API.
    /// </summary>
    public bool? CreateMissing { get; set; }

    public string DirectoryFor(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(Directory))
            return Directory;
        if (IsDevelopmentLike(environment))
            return DevelopmentDirectory;
        return OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Permit", "keys")
            : "/etc/permit/keys";
    }

    public bool CreatesMissingKeys(IHostEnvironment environment) => CreateMissing ?? IsDevelopmentLike(environment);

    private static bool IsDevelopmentLike(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
