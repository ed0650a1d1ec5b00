using Permit.Api.Infrastructure.Tasks;
using Permit.Api.Keys.Trust;

namespace Permit.Api.Tests.Infrastructure.Tasks;

/// <summary>The API's tasks as an operator types them: help, usage errors, and exit codes that need no database.</summary>
public sealed class ApiCommandLineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("permit-api-cli-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private int _hostsBuilt;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("keys", "init")]
    [InlineData("audit", "verify")]
    [InlineData("officers", "set-jurisdiction", "wang.fang", "330211")]
    [InlineData("import", "legacy", "residents.csv")]
    public void A_known_task_verb_is_a_task(params string[] args) => Assert.True(ApiCommandLine.IsTask(args));

    [Fact]
    public void No_arguments_start_the_web_host() => Assert.False(ApiCommandLine.IsTask([]));

    [Theory]
    [InlineData("--urls", "http://localhost:5080")]
    [InlineData("--Database:Provider=Postgres")]
    [InlineData("--environment", "Development", "--Seed:Demo", "false")]
    [InlineData("serve")]
    public void The_normal_start_with_its_settings_is_not_a_task(params string[] args) => Assert.False(ApiCommandLine.IsTask(args));

    [Fact]
    public async Task Help_lists_every_task_verb_and_builds_no_host()
    {
        Assert.Equal(0, await RunAsync("keys", "--help"));
        Assert.Equal(0, await RunAsync("officers", "--help"));
        Assert.Equal(0, await RunAsync("import", "legacy", "--help"));

        var help = _output.ToString();
        foreach (var verb in new[] { "init", "rotate-issuer", "add-encryption-key", "rotate-field-key", "root", "sign-trust-list",
                     "add", "disable", "enable", "reset-password", "set-role", "set-jurisdiction", "--dry-run", "--batch" })
            Assert.Contains(verb, help, StringComparison.Ordinal);
        Assert.Equal(0, _hostsBuilt);
    }

    [Fact]
    public async Task The_tasks_help_names_the_five_verbs_and_the_exit_codes()
    {
        Assert.Equal(0, await RunAsync("--help"));

        foreach (var verb in new[] { "audit", "keys", "officers", "terminals", "import" })
            Assert.Matches($@"(?m)^\s+{verb}\s", _output.ToString());
        Assert.Contains("Exit codes: 0 done", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _hostsBuilt);
    }

    [Fact]
    public async Task Help_on_a_task_names_its_arguments()
    {
        Assert.Equal(0, await RunAsync("terminals", "revoke", "--help"));
        Assert.Equal(0, await RunAsync("keys", "root", "init", "--help"));

        Assert.Contains("<terminal-id>", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--out <DIR>", _output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "officers", "disable", "wang.fang", "--force" }, "'--force'")]
    [InlineData(new[] { "officers", "set-role", "wang.fang" }, "role")]
    [InlineData(new[] { "officers", "fire", "wang.fang" }, "'fire'")]
    [InlineData(new[] { "keys" }, "Required command")]
    [InlineData(new[] { "keys", "rotate-field-key", "0" }, "batch must be a positive whole number")]
    [InlineData(new[] { "keys", "root", "init" }, "'--out'")]
    [InlineData(new[] { "import", "legacy" }, "FILE")]
    [InlineData(new[] { "import", "legacy", "--batch", "0", "residents.csv" }, "--batch is 1..50000")]
    [InlineData(new[] { "import", "legacy", "--batch", "50001", "residents.csv" }, "--batch is 1..50000")]
    [InlineData(new[] { "import", "legacy", "--resume", "residents.csv" }, "'--resume'")]
    public async Task A_bad_command_line_exits_2_says_what_is_wrong_and_touches_nothing(string[] args, string reason)
    {
        var exit = await RunAsync(args);

        Assert.Equal(ApiCommandLine.UsageExitCode, exit);
        Assert.Contains(reason, _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _hostsBuilt);
    }

    [Fact]
    public async Task A_missing_import_file_exits_1_naming_it()
    {
        var missing = Path.Combine(_folder.FullName, "residents.csv");

        Assert.Equal(1, await RunAsync("import", "legacy", "--dry-run", "--batch", "500", missing));
        Assert.Contains($"No such file: {missing}", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trust_root_is_made_once_and_signs_a_list_of_the_issuers_named_after_it()
    {
        var root = Path.Combine(_folder.FullName, "root");
        var issuer = Path.Combine(_folder.FullName, "issuer.pub.pem");
        using (var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
            await File.WriteAllTextAsync(issuer, key.ExportSubjectPublicKeyInfoPem(), Ct);
        var list = Path.Combine(_folder.FullName, "trust-list.cose");

        Assert.Equal(0, await RunAsync("keys", "root", "init", "--out", root));
        Assert.Equal(2, await RunAsync("keys", "root", "init", "--out", root));
        Assert.Contains("never overwritten", _error.ToString(), StringComparison.Ordinal);
        var signed = await RunAsync("keys", "sign-trust-list", "--root", Path.Combine(root, TrustRootCli.RootKeyFile), "--out", list,
            "--version", "7", "--issuer", issuer, "--status", "retired", "--regions", "330211,330212", "--label", "Zhenhai 2026");

        Assert.Equal(0, signed);
        Assert.True(File.Exists(list));
        Assert.Contains("Trust list v7 with 1 issuer key(s)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("retired regions 330211,330212", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_option_before_any_issuer_exits_2_and_writes_no_list()
    {
        var list = Path.Combine(_folder.FullName, "trust-list.cose");

        var exit = await RunAsync("keys", "sign-trust-list", "--root", "root.pem", "--out", list, "--status", "active", "--issuer", "a.pem");

        Assert.Equal(2, exit);
        Assert.Contains("follows an --issuer", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(list));
    }

    private Task<int> RunAsync(params string[] args) => ApiCommandLine.RunAsync(args, Services, TextReader.Null, _output, _error, Ct);

    // No database and no keys: what a task reaches of the host is a clock. Counting the builds shows which runs never got that far.
    private Task<IServiceProvider> Services(bool migrate)
    {
        _hostsBuilt++;
        return Task.FromResult<IServiceProvider>(new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider());
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _folder.Delete(recursive: true);
    }
}
