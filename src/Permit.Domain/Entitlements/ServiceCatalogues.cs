namespace Permit.Domain.Entitlements;

/// <summary>Catalogues shipped with the system, read from JSON embedded in this assembly.</summary>
public static class ServiceCatalogues
{
    private const string NingboZhenhai2026File = "ningbo-zhenhai-2026.json";

    private static readonly Lazy<ServiceCatalogue> NingboZhenhai2026Lazy = new(() =>
    {
        using var stream = Open(NingboZhenhai2026File);
        return ServiceCatalogueJson.Read(stream);
    });

    /// <summary>
    /// Decree 663 Art. 12 services and Art. 13 conveniences for every holder, plus Zhenhai's points-tiered services
    /// (school place by points, public rental housing, free health check) with default, configurable thresholds.
    /// </summary>
    public static ServiceCatalogue NingboZhenhai2026 => NingboZhenhai2026Lazy.Value;

    /// <summary>The embedded JSON itself, e.g. as the starting point for a district's own catalogue.</summary>
    public static string NingboZhenhai2026Json()
    {
        using var reader = new StreamReader(Open(NingboZhenhai2026File));
        return reader.ReadToEnd();
    }

    private static Stream Open(string fileName) =>
        typeof(ServiceCatalogues).Assembly.GetManifestResourceStream($"Permit.Domain.Entitlements.{fileName}")
        ?? throw new InvalidOperationException($"Embedded service catalogue '{fileName}' is missing from the assembly.");
}
