using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Permit.Api.Keys;

namespace Permit.Api.Tests.Keys;

/// <summary>
/// Keys are made once, by <c>keys init</c>. A production API that finds its key directory empty, unmounted or damaged
/// must stop and say which file and which command, not quietly make new keys that cannot read the old ID numbers.
/// </summary>
public sealed class KeyCreationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("permit-key-creation-tests-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

    private string KeysPath => Path.Combine(_root.FullName, "keys");

    [Fact]
    public void In_production_a_missing_key_stops_the_api_naming_the_file_and_keys_init_and_nothing_is_created()
    {
        var directory = KeyDirectory.FromOptions(new KeyOptions { Directory = KeysPath }, Environment("Production"));

        var refused = Assert.Throws<MissingKeyException>(() => DataProtectionKeys.LoadOrCreate(directory));

        Assert.Contains(Path.Combine(KeysPath, DataProtectionKeys.EncryptionFile(1)), refused.Message, StringComparison.Ordinal);
        Assert.Contains("keys init", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(KeysPath));
        Assert.Throws<MissingKeyException>(() => IssuerKeyRing.LoadOrCreate(directory, _time));
    }

    [Fact]
    public void In_production_a_damaged_key_file_stops_the_api_naming_it()
    {
        var init = new KeyDirectory(KeysPath);
        DataProtectionKeys.LoadOrCreate(init);
        File.WriteAllBytes(init.PathOf(DataProtectionKeys.BlindIndexFile), [1, 2, 3]);
        var directory = KeyDirectory.FromOptions(new KeyOptions { Directory = KeysPath }, Environment("Production"));

        var refused = Assert.Throws<MissingKeyException>(() => DataProtectionKeys.LoadOrCreate(directory));

        Assert.Contains(init.PathOf(DataProtectionKeys.BlindIndexFile), refused.Message, StringComparison.Ordinal);
        Assert.Contains("unreadable", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_init_creates_every_key_once_and_a_second_run_changes_nothing()
    {
        var production = KeyDirectory.FromOptions(new KeyOptions { Directory = KeysPath }, Environment("Production"));
        using var first = new StringWriter();
        Assert.Equal(0, await KeysCli.InitAsync(production, _time, first));
        var files = Directory.GetFiles(KeysPath).Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllBytes);

        using var second = new StringWriter();
        Assert.Equal(0, await KeysCli.InitAsync(production, _time, second));

        Assert.Contains("created", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing created", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(files.Keys, Directory.GetFiles(KeysPath).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        // After init the production API starts: every key loads without creating anything.
        Assert.NotNull(DataProtectionKeys.LoadOrCreate(production));
        IssuerKeyRing.LoadOrCreate(production, _time).Dispose();
    }

    [Fact]
    public void Development_still_creates_missing_keys_and_says_so_in_the_log()
    {
        var log = new ListLogger();
        var directory = KeyDirectory.FromOptions(new KeyOptions { Directory = KeysPath }, Environment("Development"), log);

        DataProtectionKeys.LoadOrCreate(directory);

        Assert.True(File.Exists(Path.Combine(KeysPath, DataProtectionKeys.BlindIndexFile)));
        Assert.Contains(log.Lines, l => l.Contains("Creating the missing key", StringComparison.Ordinal) && l.Contains("Development only", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_production_key_directory_is_outside_the_data_directory()
    {
        var production = new KeyOptions().DirectoryFor(Environment("Production"));
        var development = new KeyOptions().DirectoryFor(Environment("Development"));

        Assert.Equal(OperatingSystem.IsWindows()
            ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.CommonApplicationData), "Permit", "keys")
            : "/etc/permit/keys", production);
        Assert.True(Path.IsPathRooted(production));
        Assert.Equal(KeyOptions.DevelopmentDirectory, development);
        Assert.False(new KeyOptions().CreatesMissingKeys(Environment("Production")));
        Assert.False(new KeyOptions().CreatesMissingKeys(Environment("Staging")));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private TestEnvironment Environment(string name) => new TestEnvironment(name, _root.FullName);

    private sealed class TestEnvironment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Permit.Api";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
