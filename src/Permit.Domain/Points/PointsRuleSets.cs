namespace Permit.Domain.Points;

/// <summary>Rule sets shipped with the system, read from JSON embedded in this assembly.</summary>
public static class PointsRuleSets
{
    private static readonly Lazy<PointsRuleSet> NingboZhenhai2026Lazy = new(() => Load("ningbo-zhenhai-2026.json"));

    /// <summary>
    /// The Ningbo framework as used in Zhenhai from 2026: the provincial common indicators exactly as published,
    /// city employment and housing, and the sample blood-donation, volunteer and deduction values as configurable entries.
    /// </summary>
    public static PointsRuleSet NingboZhenhai2026 => NingboZhenhai2026Lazy.Value;

    /// <summary>The embedded JSON itself, e.g. as the starting point for a district's next version.</summary>
    public static string NingboZhenhai2026Json() => ReadText("ningbo-zhenhai-2026.json");

    private static PointsRuleSet Load(string fileName)
    {
        using var stream = Open(fileName);
        return PointsRuleSetJson.Read(stream);
    }

    private static string ReadText(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        return reader.ReadToEnd();
    }

    private static Stream Open(string fileName) =>
        typeof(PointsRuleSets).Assembly.GetManifestResourceStream($"Permit.Domain.Points.{fileName}")
        ?? throw new InvalidOperationException($"Embedded rule set '{fileName}' is missing from the assembly.");
}
