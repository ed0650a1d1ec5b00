using Permit.CardAgent.Offline;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Status;

namespace Permit.CardAgent.Tests.Offline;

/// <summary>
/// permit-agent against an API that serves the status list v2 (docs/status-list.md): <c>sync</c> takes the full list
/// once, then deltas from it; a card revoked since is refused offline after the delta; a tampered delta, a delta for
/// another base and an older list are each refused and the last good state stays in use, every file of it.
/// </summary>
public sealed class StatusListSyncTests : IDisposable
{
    private const string Api = "https://permits.test/";

    private readonly TestIssuer _issuer = new();
    private readonly FakeIssuerApi _api;
    private readonly string _state = Directory.CreateTempSubdirectory("permit-agent-state-").FullName;
    private readonly DateTimeOffset _now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public StatusListSyncTests()
    {
        _api = new FakeIssuerApi(_issuer);
        _api.Publish(new Domain.Credentials.Revocation.RevocationList(1, _now, _now.AddDays(1), []));
        _api.Publish(List(1, CardState.Valid));
    }

    private static string Number => TestIssuer.SamplePermit.PermitNumber;

    private string Qr => QrCredential.Issue(QrClaims.ForPermit(TestIssuer.SamplePermit, _now), _api.Signer);

    [Fact]
    public async Task The_first_sync_takes_the_full_list_and_a_QR_is_verified_by_it_with_the_network_down()
    {
        var synced = await RunAsync("sync", "--api", Api);
        _api.Reachable = false;

        var verified = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.Ok, synced.ExitCode);
        Assert.Contains("status list 1 stored in full", synced.Output, StringComparison.Ordinal);
        Assert.True(verified.Json.GetProperty("genuine").GetBoolean());
        Assert.Equal(1, Held().Current.Number);
    }

    [Fact]
    public async Task A_card_revoked_since_is_refused_offline_after_the_next_sync_brings_a_delta()
    {
        await RunAsync("sync", "--api", Api);
        _api.Publish(List(2, CardState.Revoked));

        var sync = await RunAsync("sync", "--api", Api);
        _api.Reachable = false;
        var after = await RunAsync("verify-qr", Qr, "--json");

        Assert.Contains("status list 2 stored by a delta from list 1", sync.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotGenuine, after.ExitCode);
        Assert.Equal("revoked", after.Json.GetProperty("reason").GetString());
        Assert.Equal((1L, 2L), (Held().Base.Number, Held().Current.Number));
    }

    [Fact]
    public async Task A_suspended_permit_reached_by_a_delta_is_refused_as_suspended()
    {
        await RunAsync("sync", "--api", Api);
        _api.Publish(List(2, CardState.Suspended));

        await RunAsync("sync", "--api", Api);
        var after = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal("suspended", after.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_delta_with_a_byte_changed_is_refused_and_the_held_state_stays()
    {
        await RunAsync("sync", "--api", Api);
        var genuine = StatusDeltaCodec.Sign(StatusDelta.Between(List(1, CardState.Valid), List(2, CardState.Valid)), _api.Signer);
        genuine[^80] ^= 0x01;
        _api.StatusDelta = genuine;

        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("bad-signature", sync.Error, StringComparison.Ordinal);
        Assert.Equal(1, Held().Current.Number);
    }

    [Fact]
    public async Task A_genuine_delta_made_for_another_base_is_refused_and_cannot_revoke_or_restore_anything()
    {
        await RunAsync("sync", "--api", Api);
        _api.StatusDelta = StatusDeltaCodec.Sign(StatusDelta.Between(List(7, CardState.Valid), List(8, CardState.Revoked)), _api.Signer);

        var sync = await RunAsync("sync", "--api", Api);
        var verified = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("wrong-base", sync.Error, StringComparison.Ordinal);
        Assert.True(verified.Json.GetProperty("genuine").GetBoolean());
        Assert.Equal(1, Held().Current.Number);
    }

    [Fact]
    public async Task An_older_full_list_replayed_after_a_revocation_is_refused_and_the_card_stays_revoked()
    {
        _api.Publish(List(5, CardState.Revoked));
        await RunAsync("sync", "--api", Api);
        _api.Publish(List(4, CardState.Valid));

        var replay = await RunAsync("sync", "--api", Api);
        var verified = await RunAsync("verify-qr", Qr, "--json");

        Assert.Equal(ExitCodes.DataInvalid, replay.ExitCode);
        Assert.Contains("rollback", replay.Error, StringComparison.Ordinal);
        Assert.Equal("revoked", verified.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_full_list_signed_by_a_key_off_the_trust_list_is_refused_and_nothing_is_stored()
    {
        using var forger = new TestIssuer();
        _api.StatusList = StatusListCodec.Sign(List(9, CardState.Valid), new Domain.Credentials.Signing.EcdsaIssuerSigner(forger.Key));

        var sync = await RunAsync("sync", "--api", Api);

        Assert.Equal(ExitCodes.DataInvalid, sync.ExitCode);
        Assert.Contains("unknown-key", sync.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_state, OfflineStore.StatusListFile)));
    }

    public void Dispose()
    {
        _api.Dispose();
        _issuer.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private StatusList List(long number, CardState state) =>
        new StatusListBuilder().Set(Number, new StatusEntry(1, state, null)).Build(number, _now, _now.AddDays(1));

    private HeldStatusList Held()
    {
        var store = new OfflineStore(_state, _issuer.RootPublicKeyPath);
        return store.LoadHeldStatusList(store.LoadTrustList()!)!;
    }

    private AgentHost Host() => new(new InProcessTerminals(), new AgentSettings { StateDirectory = _state, TrustRootPublicKeyFile = _issuer.RootPublicKeyPath }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_now))
    {
        ApiClients = url => new HttpClient(_api, disposeHandler: false) { BaseAddress = url },
    };

    private Task<AgentRun> RunAsync(params string[] args) => Agent.RunAsync(Host(), args);
}
