namespace Permit.CardAgent.Tests.Packaging;

/// <summary>The lines of a systemd unit a test needs to start the program as systemd would.</summary>
internal sealed record SystemdUnit(string[] ExecStart, string User, string WorkingDirectory, string After, string Wants, IReadOnlyDictionary<string, string> Environment)
{
    public static SystemdUnit Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')).ToList();
        string Value(string key) => lines.Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..].Trim()).LastOrDefault() ?? "";
        var environment = lines.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .SelectMany(l => l["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return new SystemdUnit(Value("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries), Value("User"), Value("WorkingDirectory"),
            Value("After"), Value("Wants"), environment);
    }
}
