namespace Permit.PCSC.Tests.EndToEnd;

/// <summary>Collects events raised on a monitor thread so a test can wait for the one it expects.</summary>
internal sealed class EventLog<T> : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly BlockingCollection<(string Kind, T Args)> _events = [];

    public void Add(string kind, T args) => _events.Add((kind, args));

    /// <summary>Waits for the next event of <paramref name="kind"/> that matches, skipping others.</summary>
    public T Next(string kind, Func<T, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        var skipped = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_events.TryTake(out var next, left))
                throw new Xunit.Sdk.XunitException($"No {kind} event arrived; saw: [{string.Join(", ", skipped)}].");
            if (next.Kind == kind && (match is null || match(next.Args)))
                return next.Args;
            skipped.Add(next.Kind);
        }
    }

    public void Dispose() => _events.Dispose();
}
