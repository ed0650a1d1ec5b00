namespace Permit.Api.Persistence;

/// <summary>
/// Bulk writers (employers' reports, the legacy import) add thousands of rows to one context; EF's automatic change
/// detection would walk every tracked row again at each Add, query and look at the entries, which makes a batch
/// quadratic. Inside this scope the writer (or the save) detects changes itself; leaving it restores what was there,
/// on failure too.
/// </summary>
public static class ManualChangeDetection
{
    public static IDisposable DetectChangesManually(this DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tracker = db.ChangeTracker;
        var before = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        return new Restore(() => tracker.AutoDetectChangesEnabled = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
