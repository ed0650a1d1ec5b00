using Permit.CardAgent.Offline;
using Permit.Documents.Qr;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Revocation;

namespace Permit.CardAgent.Tests.Offline;

/// <summary>
/// permit-agent with no network: <c>sync</c> stores the lists (verified, never downgraded), <c>verify-qr</c> checks against
/// them, a card revoked since is refused after the next sync, and stale data is said out loud.
/// </summary>
public sealed class OfflineVerificationTests : IDisposable
{
    private const string Api = "https://permits.test/";

    private readonly TestIssuer _issuer = new();
    private readonly FakeIssuerApi _api;
    private readonly string _state = Directory.CreateTempSubdirectory("permit-agent-state-").FullName;
    private DateTimeOffset _now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public OfflineVerificationTests()
    {
        _api = new FakeIssuerApi(_issuer);
        _api.Publish(List(version: 1));
    }

    private string Qr => QrCredential.Issue(QrClaims.ForPermit(TestIssuer.SamplePermit, _now), _api.Signer);

    [Fact]
    public async Task After_one_sync_a_QR_is_verified_with_the_network_down()
    {
        var synced = await RunAsync("sync", "--api", Api, "--json");
        _api.Reachable = false;

        var verified = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.Ok, synced.ExitCode);
        Assert.Equal(1, synced.Json.GetProperty("version").GetInt64());
        Assert.Equal(ExitCodes.Ok, verified.ExitCode);
        Assert.True(verified.Json.GetProperty("genuine").GetBoolean());
        Assert.Equal(TestIssuer.SamplePermit.PermitNumber, verified.Json.GetProperty("claims").GetProperty("permitNumber").GetString());
    }

    [Fact]
    public async Task A_card_revoked_since_passes_on_the_old_list_and_is_refused_after_the_next_sync()
    {
        await RunAsync("sync", "--api", Api);
        _api.Publish(List(version: 2, new RevokedCard(TestIssuer.SamplePermit.PermitNumber, 1)));

        var before = await RunAsync("verify-qr", Qr, "--json");
        var sync = await RunAsync("sync", "--api", Api);
        var after = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.Ok, before.ExitCode);
        Assert.Contains("v2 stored (was v1)", sync.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotGenuine, after.ExitCode);
        Assert.Equal("revoked", after.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_older_list_is_refused_and_the_newer_one_held_stays_in_use()
    {
        _api.Publish(List(version: 5, new RevokedCard(TestIssuer.SamplePermit.PermitNumber, 1)));
        await RunAsync("sync", "--api", Api);
        _api.Publish(List(version: 4));

        var replay = await RunAsync("sync", "--api", Api, "--json");
        var verified = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.DataInvalid, replay.ExitCode);
        Assert.Contains("older than the v5 held", replay.Error, StringComparison.Ordinal);
        Assert.Equal("revoked", verified.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_list_signed_by_a_key_not_on_the_trust_list_is_refused_and_nothing_is_replaced()
    {
        await RunAsync("sync", "--api", Api);
        using var forger = new TestIssuer();
        _api.RevocationList = RevocationListCodec.Sign(List(version: 9), new Domain.Credentials.Signing.EcdsaIssuerSigner(forger.Key));

        var sync = await RunAsync("sync", "--api", Api);
        var held = new OfflineStore(_state, _issuer.RootPublicKeyPath);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Equal(1, held.LoadRevocationList(held.LoadTrustList()!)!.Version);
    }

    [Fact]
    public async Task Past_the_lists_next_update_within_the_grace_the_verdict_warns_revocation_data_stale()
    {
        await RunAsync("sync", "--api", Api);
        _now = _now.AddDays(1).AddHours(12);

        var text = await RunAsync("verify-qr", Qr);
        var json = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.Contains("Warning: revocation data stale", text.Output, StringComparison.Ordinal);
        Assert.Contains("revocation-data-stale", json.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Past_the_grace_the_QR_cannot_be_confirmed_and_is_not_accepted()
    {
        await RunAsync("sync", "--api", Api);
        _now = _now.AddDays(3);

        var json = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.NotGenuine, json.ExitCode);
        Assert.Equal("revocation-data-stale", json.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_QR_is_read_from_a_picture_or_standard_input()
    {
        await RunAsync("sync", "--api", Api);
        var picture = Path.Combine(_state, "qr.png");
        await File.WriteAllBytesAsync(picture, QrImage.ToPng(Qr), TestContext.Current.CancellationToken);

        var fromImage = await RunAsync("verify-qr", "--image", picture, "--json");
        var fromStdin = await RunAsync(Host() with { Input = new StringReader(Qr + "\n") }, "verify-qr", "--json");
        var notAQr = await RunAsync("verify-qr", "--image", _issuer.PublicKeyPath);

        Assert.Equal(ExitCodes.Ok, fromImage.ExitCode);
        Assert.Equal(ExitCodes.Ok, fromStdin.ExitCode);
        Assert.Equal(ExitCodes.DataInvalid, notAQr.ExitCode);
    }

    [Fact]
    public async Task Garbage_text_is_refused_as_malformed_and_nothing_throws()
    {
        await RunAsync("sync", "--api", Api);

        var verified = await RunAsync("verify-qr", "RP1:%%%%", "--json");

        Assert.Equal(ExitCodes.NotGenuine, verified.ExitCode);
        Assert.Equal("malformed", verified.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Before_the_first_sync_verify_qr_says_to_sync_and_sync_says_when_the_API_is_unreachable()
    {
        _api.Reachable = false;

        var verify = await RunAsync("verify-qr", Qr);
        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.Usage, verify.ExitCode);
        Assert.Contains("permit-agent sync", verify.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ApiUnavailable, sync.ExitCode);
    }

    public void Dispose()
    {
        _api.Dispose();
        _issuer.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private RevocationList List(long version, params RevokedCard[] revoked) => new(version, _now, _now.AddDays(1), revoked);

    private AgentHost Host() => new(new InProcessTerminals(), new AgentSettings { StateDirectory = _state, TrustRootPublicKeyFile = _issuer.RootPublicKeyPath }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_now))
    {
        ApiClients = url => new HttpClient(_api, disposeHandler: false) { BaseAddress = url },
    };

    private Task<AgentRun> RunAsync(params string[] args) => Agent.RunAsync(Host(), args);

    private static Task<AgentRun> RunAsync(AgentHost host, params string[] args) => Agent.RunAsync(host, args);
}
