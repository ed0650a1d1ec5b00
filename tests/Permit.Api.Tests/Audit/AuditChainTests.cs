using Microsoft.Extensions.Time.Testing;
using Permit.Api.Keys;
using Permit.Api.Security.Fields;
using Permit.Api.Tests.Keys;
using Permit.Api.Tests.Security;

namespace Permit.Api.Tests.Audit;

public sealed class AuditChainTests : IAsyncLifetime
{
    private static readonly Guid Resident = Guid.Parse("0196d3a2-0000-7000-8000-000000000001");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567));
    private readonly FixedActor _actor = new(new AuditActor("officer-7", "Wang Fang", "registrar", "ip:10.0.0.5 agent:test"));
    private readonly TestKeyDirectory _keys = new();
    private readonly CitizenIdProtector _protector;
    private string _connectionString = "";
    private DirectoryInfo? _folder;

    public AuditChainTests() => _protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_keys.Keys));

    public async ValueTask InitializeAsync() =>
        (_connectionString, _folder) = await SecurityTestDb.CreateDatabaseAsync(_protector, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        if (_folder is not null)
            SecurityTestDb.Delete(_folder);
        _keys.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Recorded_entries_are_numbered_in_order_chained_and_verify()
    {
        await RecordAsync("resident.read", "registration 2026-001");
        await RecordAsync("resident.update", "address change");
        await RecordAsync("permit.issue", "application 2026-17");

        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        var entries = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(AuditCanonicalForm.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.All(entries, e =>
        {
            Assert.Equal("officer-7", e.ActorId);
            Assert.Equal("registrar", e.ActorRole);
            Assert.Equal(Resident, e.ResidentId);
            Assert.Equal(new DateTimeOffset(2026, 11, 29, 9, 30, 15, 123, TimeSpan.Zero), e.OccurredAt);
        });

        var verification = await AuditVerifier.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.True(verification.IsIntact);
        Assert.Equal(3, verification.VerifiedEntries);
    }

    [Fact]
    public async Task Changing_one_row_behind_the_applications_back_is_named_by_verification()
    {
        for (var i = 1; i <= 4; i++)
            await RecordAsync("resident.read", $"check {i}");
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        var third = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == 3, TestContext.Current.CancellationToken);

        await db.Database.ExecuteSqlRawAsync(
            "UPDATE AuditEntries SET Purpose = 'nothing to see' WHERE Sequence = 3", TestContext.Current.CancellationToken);
        var verification = await AuditVerifier.VerifyAsync(db, TestContext.Current.CancellationToken);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBroken!.Sequence);
        Assert.Equal(third.Id, verification.FirstBroken.EntryId);
        Assert.Equal(2, verification.VerifiedEntries);
    }

    [Fact]
    public async Task Deleting_a_row_is_named_at_the_gap_it_leaves()
    {
        for (var i = 1; i <= 3; i++)
            await RecordAsync("resident.read", $"check {i}");
        await using var db = SecurityTestDb.Open(_connectionString, _protector);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2", TestContext.Current.CancellationToken);
        var verification = await AuditVerifier.VerifyAsync(db, TestContext.Current.CancellationToken);

        Assert.Equal(3, verification.FirstBroken!.Sequence);
        Assert.Contains("sequence 2 is missing", verification.FirstBroken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appends_from_many_requests_make_one_unforked_chain()
    {
        const int writers = 24;
        await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Task.Run(() => RecordAsync("resident.read", $"writer {i}"))));

        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        var sequences = await db.Set<AuditEntry>().Select(e => e.Sequence).OrderBy(s => s).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, writers).Select(i => (long)i), sequences);
        Assert.True((await AuditVerifier.VerifyAsync(db, TestContext.Current.CancellationToken)).IsIntact);
    }

    [Fact]
    public async Task An_audit_entry_is_written_with_the_change_it_describes_or_not_at_all()
    {
        await using (var db = SecurityTestDb.Open(_connectionString, _protector))
        {
            db.People.Add(new PersonRow { CitizenId = Permit.Domain.Identity.CitizenIdNumber.Parse("11010519491231002X") });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = SecurityTestDb.Open(_connectionString, _protector))
        {
            // The same number again breaks the unique rule: the whole save fails, audit entry included.
            db.People.Add(new PersonRow { CitizenId = Permit.Domain.Identity.CitizenIdNumber.Parse("11010519491231002X") });
            new AuditTrail(db, _actor, _time).Record("resident.create", Resident, "duplicate registration");
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await using var check = SecurityTestDb.Open(_connectionString, _protector);
        Assert.Equal(0, await check.Set<AuditEntry>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_saved_entry_cannot_be_changed_through_the_application()
    {
        await RecordAsync("resident.read", "first");
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        var entry = await db.Set<AuditEntry>().SingleAsync(TestContext.Current.CancellationToken);
        db.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_hash_covers_the_documented_canonical_form_of_its_own_entry_hashed_after_others()
    {
        // The form external verifiers recompute (docs: a compact JSON array in a fixed order), written here the plain way.
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        var trail = new AuditTrail(db, _actor, _time);
        var wide = trail.Prepare("resident.update", Resident, "地址变更 \"quoted\" " + new string('x', 150));
        var narrow = trail.Prepare("permit.issue", null, null);
        Chain(wide, 41, AuditCanonicalForm.GenesisHash);
        Chain(narrow, 42, new string('a', AuditEntry.HashLength));

        var hashes = new[] { AuditCanonicalForm.HashOf(wide), AuditCanonicalForm.HashOf(narrow), AuditCanonicalForm.HashOf(wide) };

        Assert.Equal(Documented(wide), AuditCanonicalForm.Of(wide));
        Assert.Equal(Documented(narrow), AuditCanonicalForm.Of(narrow));
        Assert.Equal(
            [Hex(Documented(wide)), Hex(Documented(narrow)), Hex(Documented(wide))],
            hashes);
    }

    private static void Chain(AuditEntry entry, long sequence, string previous)
    {
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Sequence))!.SetValue(entry, sequence);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.PreviousHash))!.SetValue(entry, previous);
    }

    private static string Hex(byte[] form) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(form));

    private static byte[] Documented(AuditEntry e)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue("permit-audit/1");
            json.WriteNumberValue(e.Sequence);
            json.WriteStringValue(e.Id.ToString("D"));
            json.WriteStringValue(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var text in new[] { e.ActorId, e.ActorName, e.ActorRole, e.Terminal, e.Action, e.ResidentId?.ToString("D"), e.Purpose, e.PreviousHash })
                json.WriteStringValue(text);
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private async Task RecordAsync(string action, string purpose)
    {
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        new AuditTrail(db, _actor, _time).Record(action, Resident, purpose);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}
