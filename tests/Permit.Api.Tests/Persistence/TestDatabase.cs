namespace Permit.Api.Tests.Persistence;

/// <summary>A migrated database of one provider that a test class owns for its lifetime.</summary>
public interface ITestDatabase
{
    DatabaseProvider Provider { get; }

    /// <summary>A fresh context on the database; skips (or, in CI, fails) the test when the database is not there.</summary>
    PermitDbContext NewContext();
}

/// <summary>How a test reacts to a missing daemon: outside CI it is skipped with the reason, in CI it fails.</summary>
public static class Requirement
{
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Unmet(string reason)
    {
        if (InCi)
            Assert.Fail($"{reason} (CI=true: a missing daemon is a failure, not a skip)");
        Assert.Skip(reason);
    }
}
