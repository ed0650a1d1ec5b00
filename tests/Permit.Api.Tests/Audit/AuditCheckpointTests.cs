using Microsoft.Extensions.Time.Testing;
using Permit.Api.Keys;
using Permit.Api.Security.Fields;
using Permit.Api.Tests.Keys;
using Permit.Api.Tests.Security;

namespace Permit.Api.Tests.Audit;

/// <summary>
/// Whoever can write the database can cut the chain's tail or change an entry and re-hash everything after it; the
/// chain alone still verifies. Signed checkpoints kept outside the database catch both, and a forged checkpoint line
/// is caught by its signature.
/// </summary>
public sealed class AuditCheckpointTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));
    private readonly TestKeyDirectory _keys = new();
    private readonly CitizenIdProtector _protector;
    private readonly AuditCheckpointKey _checkpointKey;
    private string _connectionString = "";
    private DirectoryInfo? _folder;

    public AuditCheckpointTests()
    {
        _protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(_keys.Keys));
        _checkpointKey = AuditCheckpointKey.LoadOrCreate(_keys.Keys);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Log => Path.Combine(_folder!.FullName, "checkpoints.log");

    public async ValueTask InitializeAsync() =>
        (_connectionString, _folder) = await SecurityTestDb.CreateDatabaseAsync(_protector, Ct);

    public ValueTask DisposeAsync()
    {
        _checkpointKey.Dispose();
        if (_folder is not null)
            SecurityTestDb.Delete(_folder);
        _keys.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_untouched_chain_agrees_with_its_checkpoints()
    {
        await RecordAsync(3);
        await CheckpointAsync();
        await RecordAsync(2);
        await CheckpointAsync();

        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        Assert.Null(await AuditCheckpoints.CheckAsync(db, _checkpointKey, Log, Ct));
        Assert.Equal(2, File.ReadAllLines(Log).Length);
    }

    [Fact]
    public async Task A_cut_tail_is_named_with_where_the_chain_ends_and_what_the_checkpoint_says()
    {
        await RecordAsync(5);
        await CheckpointAsync();
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence > 3", Ct);

        // The shortened chain on its own still verifies: only the checkpoint shows what is gone.
        Assert.True((await AuditVerifier.VerifyAsync(db, Ct)).IsIntact);
        var problem = await AuditCheckpoints.CheckAsync(db, _checkpointKey, Log, Ct);

        Assert.NotNull(problem);
        Assert.Contains("the chain ends at 3 but the checkpoint of", problem, StringComparison.Ordinal);
        Assert.Contains("says 5", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_changed_and_recomputed_under_a_checkpoint_is_named_as_rewritten()
    {
        await RecordAsync(4);
        await CheckpointAsync();
        await using (var db = SecurityTestDb.Open(_connectionString, _protector))
        {
            // The attacker changes entry 2's purpose and re-hashes it and everything after it.
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Purpose = 'nothing to see' WHERE Sequence = 2", Ct);
            var entries = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync(Ct);
            for (var i = 1; i < entries.Count; i++)
            {
                // Set as an attacker with the database would (the setters are the chain's own, not public).
                typeof(AuditEntry).GetProperty(nameof(AuditEntry.PreviousHash))!.SetValue(entries[i], entries[i - 1].Hash);
                typeof(AuditEntry).GetProperty(nameof(AuditEntry.Hash))!.SetValue(entries[i], AuditCanonicalForm.HashOf(entries[i]));
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE AuditEntries SET PreviousHash = {entries[i].PreviousHash}, Hash = {entries[i].Hash} WHERE Sequence = {entries[i].Sequence}", Ct);
            }
        }

        await using var check = SecurityTestDb.Open(_connectionString, _protector);
        Assert.True((await AuditVerifier.VerifyAsync(check, Ct)).IsIntact);
        var problem = await AuditCheckpoints.CheckAsync(check, _checkpointKey, Log, Ct);

        Assert.NotNull(problem);
        Assert.Contains("the chain was rewritten: the hash of entry 4 differs from the checkpoint", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_line_edited_to_match_a_cut_chain_fails_its_signature()
    {
        await RecordAsync(5);
        await CheckpointAsync();
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence > 3", Ct);
        var head = await db.Set<AuditEntry>().SingleAsync(e => e.Sequence == 3, Ct);
        var line = File.ReadAllText(Log);
        var checkpoint = AuditCheckpoint.Parse(line.Trim())!;
        File.WriteAllText(Log, (checkpoint with { Sequence = 3, Hash = head.Hash }).ToLine() + "\n");

        var problem = await AuditCheckpoints.CheckAsync(db, _checkpointKey, Log, Ct);

        Assert.NotNull(problem);
        Assert.Contains("checkpoint log line 1 has a bad signature", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_is_refused()
    {
        await RecordAsync(2);
        using var other = new TestKeyDirectory();
        using var otherKey = AuditCheckpointKey.LoadOrCreate(other.Keys);
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        await AuditCheckpoints.WriteAsync(db, otherKey, Log, null, _time.GetUtcNow(), Ct);

        Assert.Contains("bad signature", await AuditCheckpoints.CheckAsync(db, _checkpointKey, Log, Ct), StringComparison.Ordinal);
    }

    private async Task CheckpointAsync()
    {
        await using var db = SecurityTestDb.Open(_connectionString, _protector);
        await AuditCheckpoints.WriteAsync(db, _checkpointKey, Log, null, _time.GetUtcNow(), Ct);
        _time.Advance(TimeSpan.FromMinutes(10));
    }

    private async Task RecordAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var db = SecurityTestDb.Open(_connectionString, _protector);
            new AuditTrail(db, new FixedActor(new AuditActor("officer-7", "Wang Fang", "registrar", "test")), _time).Record("resident.read", null, $"check {i}");
            await db.SaveChangesAsync(Ct);
        }
    }

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}
