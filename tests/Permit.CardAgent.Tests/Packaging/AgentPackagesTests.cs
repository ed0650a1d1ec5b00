using System.IO.Compression;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Permit.CardAgent.Tests.EndToEnd;
using Permit.HardwareSim.IdCards;

namespace Permit.CardAgent.Tests.Packaging;

/// <summary>
/// The packages scripts/package-agent.sh builds, installed and run as a desk PC would run them: the .deb into this very
/// system (as root, as CI runs), started as its systemd unit says, paired with a test API and reading an emulated card
/// through the private pcscd; the Windows zip under Wine. One class: the packages are built (or found) once.
/// </summary>
[Collection(PrivatePcscd.Name)]
public sealed class AgentPackagesTests(PcscRigFixture fixture)
{
    private const string ServiceUser = "permit-agent";
    private const string OfficerName = "desk.installer";
    private const string OfficerPassword = "TEST-ONLY-installer-password-7";
    private const string IdNumber = "33021119850214002X";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly string[] KeptOnRemove = ["/etc/permit-agent", "/var/lib/permit-agent", "/var/log/permit-agent"];
    private static readonly string[] Architectures = ["amd64", "arm64"];

    [Fact]
    public async Task All_three_packages_are_built_a_windows_folder_with_its_install_scripts_and_a_deb_per_architecture()
    {
        var packages = await AgentPackages.GetAsync();

        using (var zip = ZipFile.OpenRead(packages.WindowsZip))
        {
            var names = zip.Entries.Select(e => e.FullName.Split('/', 2)[1]).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("install.ps1", names);
            Assert.Contains("uninstall.ps1", names);
            Assert.Contains("app/permit-agent.exe", names);
            // A folder, not a single-file bundle: the runtime's own files sit beside the program.
            Assert.Contains("app/System.Private.CoreLib.dll", names);
            Assert.Contains("app/Microsoft.Extensions.Hosting.WindowsServices.dll", names);
        }

        foreach (var architecture in Architectures)
        {
            var deb = packages.Deb(architecture);
            var field = await Run.Of("dpkg-deb", ["--field", deb, "Architecture"], TimeSpan.FromMinutes(1));
            Assert.Equal(architecture, field.Output.Trim());
            var contents = await Run.Of("dpkg-deb", ["--contents", deb], TimeSpan.FromMinutes(1));
            Assert.Contains("./opt/permit-agent/permit-agent", contents.Output, StringComparison.Ordinal);
            Assert.Contains("./lib/systemd/system/permit-agent.service", contents.Output, StringComparison.Ordinal);
            Assert.Contains("./etc/permit-agent/appsettings.json", contents.Output, StringComparison.Ordinal);
            var conffiles = await Run.Of("dpkg-deb", ["--info", deb, "conffiles"], TimeSpan.FromMinutes(1));
            Assert.Equal("/etc/permit-agent/appsettings.json", conffiles.Output.Trim());
        }
    }

    [Fact]
    public async Task The_deb_installs_a_service_that_pairs_syncs_and_reads_a_card_and_removing_it_leaves_only_its_configuration()
    {
        var rig = fixture.Rig;
        Requirements.Require(Requirements.FindOnPath("dpkg") is null || Requirements.FindOnPath("setpriv") is null
            ? "dpkg and setpriv (a Debian system)" : null);
        if (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            Assert.Skip("the installed .deb is the amd64 one");
        var packages = await AgentPackages.GetAsync();
        var before = SystemSnapshot.Take();
        using var api = new AgentApi();
        // The agent runs in its own process on the real clock: the API's tickets and lists must be dated now.
        api.Time.SetUtcNow(DateTimeOffset.UtcNow);
        await api.AddOfficerWithPasswordAsync(OfficerName, OfficerPassword);
        var installed = false;
        try
        {
            await DpkgAsync("--install", packages.Deb("amd64"));
            installed = true;
            Assert.True(File.Exists("/opt/permit-agent/permit-agent"));
            Assert.True((await Run.Of("getent", ["passwd", ServiceUser], Patience)).ExitCode == 0, "no permit-agent system user");

            // As the setup guide says: the trust root and the API's address in /etc/permit-agent, then pair as the service user.
            File.Copy(api.TrustRootFile(), "/etc/permit-agent/trust-root.pem", overwrite: true);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode("/etc/permit-agent/trust-root.pem", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var config = JsonNode.Parse(File.ReadAllText("/etc/permit-agent/appsettings.json"))!;
            config["Agent"]!["Api"] = api.BaseAddress.AbsoluteUri;
            File.WriteAllText("/etc/permit-agent/appsettings.json", config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            var pair = await Run.Of("setpriv", [.. AsServiceUser, "/usr/bin/permit-agent", "pair", "--api", api.BaseAddress.AbsoluteUri, "--user", OfficerName, "--name", "registration desk 1"],
                Patience, input: OfficerPassword + "\n");
            Assert.True(pair.ExitCode == 0, $"pair: {pair}");
            Assert.True(File.Exists("/var/lib/permit-agent/pairing.json"), "pair stored nothing in /var/lib/permit-agent");

            // Started as the unit starts it (no systemd here): its ExecStart, its user, its working directory and environment.
            var unit = SystemdUnit.Read("/lib/systemd/system/permit-agent.service");
            Assert.Equal(ServiceUser, unit.User);
            Assert.Contains("pcscd.service", unit.After, StringComparison.Ordinal);
            Assert.Contains("pcscd.socket", unit.Wants, StringComparison.Ordinal);
            var port = FreePort();
            var environment = new Dictionary<string, string>(unit.Environment)
            {
                ["PERMIT_AGENT_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [PcscRig.SocketVariable] = rig.SocketPath,
            };
            using var service = Run.Start("setpriv", [.. AsServiceUser, .. unit.ExecStart], environment, unit.WorkingDirectory);
            try
            {
                var health = await HealthAsync(port, service);
                Assert.Equal("ok", health.GetProperty("status").GetString());
                Assert.Equal("desk", health.GetProperty("kind").GetString());
                Assert.Equal(rig.Slots, health.GetProperty("readers").GetInt32());
                await UntilAsync(() => File.Exists("/var/lib/permit-agent/trust-list.cose") && File.Exists("/var/lib/permit-agent/status-list.cose"),
                    "the first sync stored the trust list and the status list");

                var card = await ReadIdCardThroughServiceAsync(rig, api, port, health.GetProperty("agentId").GetGuid());
                Assert.Equal("王小明", card.GetProperty("name").GetString());
            }
            finally
            {
                _ = (await Run.Of("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Patience));
                await service.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            Assert.Equal(0, service.ExitCode);
            // pair and serve both write the day's log. Serilog opens a sequel (permit-agent-<day>_001.log) when it finds the
            // day's file held (CI saw two files once), and a run may cross midnight: the log is every file there.
            var logs = Directory.GetFiles("/var/log/permit-agent", "permit-agent-*.log");
            Assert.NotEmpty(logs);
            var logged = string.Concat(logs.Order(StringComparer.Ordinal).Select(File.ReadAllText));
            Assert.Contains("Serving on", logged, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber, logged, StringComparison.Ordinal);

            await DpkgAsync("--remove", "permit-agent");
            Assert.False(Directory.Exists("/opt/permit-agent"), "remove left the program");
            Assert.Contains(api.BaseAddress.AbsoluteUri, File.ReadAllText("/etc/permit-agent/appsettings.json"), StringComparison.Ordinal);
            var kept = SystemSnapshot.Take().AddedSince(before);
            Assert.All(kept, path => Assert.True(
                KeptOnRemove.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal)),
                $"remove left {path} (only the configuration, pairing and logs stay until purge)"));
            Assert.Contains("/etc/permit-agent/appsettings.json", kept);

            await DpkgAsync("--purge", "permit-agent");
            installed = false;
            Assert.Empty(SystemSnapshot.Take().AddedSince(before));
            Assert.NotEqual(0, (await Run.Of("getent", ["passwd", ServiceUser], Patience)).ExitCode);
        }
        finally
        {
            if (installed)
                _ = await Run.Of("dpkg", ["--purge", "permit-agent"], Patience);
        }
    }

    [Fact]
    public async Task The_windows_build_under_wine_says_there_is_no_smart_card_service_answers_health_and_logs_in_program_data()
    {
        var wine = Wine.Find();
        Requirements.Require(wine is null ? "wine64 (apt-get install wine64)" : null);
        var packages = await AgentPackages.GetAsync();
        var work = Directory.CreateTempSubdirectory("permit-agent-wine-");
        var prefix = Path.Combine(work.FullName, "prefix");
        var environment = new Dictionary<string, string> { ["WINEPREFIX"] = prefix, ["WINEDEBUG"] = "-all" };
        try
        {
            ZipFile.ExtractToDirectory(packages.WindowsZip, work.FullName);
            var program = Directory.GetFiles(work.FullName, "permit-agent.exe", SearchOption.AllDirectories).Single();

            var readers = await Run.Of(wine!, [program, "readers"], Patience, environment);
            Assert.True(readers.ExitCode == 3, $"readers under wine: {readers}");
            Assert.Contains("No smart-card service", readers.Error, StringComparison.Ordinal);

            var port = FreePort();
            using var serve = Run.Start(wine!, [program, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment);
            try
            {
                var health = await HealthAsync(port, serve);
                Assert.Equal("no-smart-card-service", health.GetProperty("status").GetString());
                Assert.Equal(0, health.GetProperty("readers").GetInt32());
                var logs = Path.Combine(prefix, "drive_c", "ProgramData", "Permit", "Agent", "logs");
                await UntilAsync(() => Directory.Exists(logs) && Directory.GetFiles(logs, "permit-agent-*.log").Length == 1, $"a log file in {logs}");
            }
            finally
            {
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            // Ends the wine processes of this prefix only (this test's own), then removes it.
            _ = await Run.Of(Wine.Server(wine!), ["-k"], TimeSpan.FromMinutes(1), environment);
            work.Delete(recursive: true);
        }
    }

    private static string[] AsServiceUser => ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--"];

    private static async Task DpkgAsync(params string[] arguments)
    {
        // Another program may hold dpkg's lock for a moment (an apt run on the same machine): wait for it.
        for (var attempt = 0; ; attempt++)
        {
            var run = await Run.Of("dpkg", arguments, Patience, new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
            if (run.ExitCode == 0)
                return;
            var locked = run.Error.Contains("lock", StringComparison.OrdinalIgnoreCase);
            Assert.True(locked && attempt < 60, $"dpkg {string.Join(' ', arguments)}: {run}");
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonElement> ReadIdCardThroughServiceAsync(PcscRig rig, PermitTestHost api, int port, Guid agentId)
    {
        var issuer = new TestIssuer();
        var data = issuer.PathOf("id.json");
        File.WriteAllText(data, $$"""
            { "name": "王小明", "sex": "2", "ethnicGroup": "03", "birthDate": "19850214",
              "address": "浙江省宁波市镇海区招宝山街道车站路5号", "idNumber": "{{IdNumber}}",
              "issuingAuthority": "宁波市公安局镇海分局", "validFrom": "20150301", "validTo": "20350301" }
            """);
        await using var slot = await CardInSlot.InsertAsync(IdCard.FromFiles(data, issuer.PhotoPath), rig.VpcdPort(0), rig.ReaderName(0));

        using var http = new HttpClient { BaseAddress = new Uri(api.BaseAddress.AbsoluteUri) };
        using var signIn = await http.PostAsJsonAsync("api/auth/token", new { userName = OfficerName, password = OfficerPassword }, TestContext.Current.CancellationToken);
        Assert.True(signIn.IsSuccessStatusCode, $"sign-in: {(int)signIn.StatusCode}");
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var issued = await http.PostAsJsonAsync("api/agent-tickets", new { agentId, operation = "read-id" }, TestContext.Current.CancellationToken);
        var ticketText = await issued.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(issued.IsSuccessStatusCode, $"ticket: {(int)issued.StatusCode} {ticketText}");

        using var agent = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
        agent.DefaultRequestHeaders.Add("Permit-Agent-Ticket", JsonDocument.Parse(ticketText).RootElement.GetProperty("ticket").GetString());
        using var read = await agent.PostAsJsonAsync("id-card/read", new { reader = rig.ReaderName(0) }, TestContext.Current.CancellationToken);
        var text = await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"id-card/read: {(int)read.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("card").Clone();
    }

    /// <summary>GET /health once the agent listens (Wine takes a while to start a fresh prefix).</summary>
    private static async Task<JsonElement> HealthAsync(int port, System.Diagnostics.Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (process.HasExited)
                Assert.Fail($"the agent exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            try
            {
                var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/health"), TestContext.Current.CancellationToken);
                return JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"never saw {what}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
