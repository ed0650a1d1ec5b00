using System.Text.Json;

namespace Permit.Domain.Entitlements;

/// <summary>
/// Reads and writes service catalogues as JSON (camelCase), strictly like the points rule sets: anything inconsistent
/// is rejected with a <see cref="Common.DomainException"/> (code <c>service-catalogue-invalid</c>) naming the problem.
/// </summary>
public static class ServiceCatalogueJson
{
    private static JsonSerializerOptions Options => Common.PublishedJson.Options;

    private static readonly Dictionary<string, ServiceCategory> Categories = new(StringComparer.Ordinal)
    {
        ["education"] = ServiceCategory.Education,
        ["health"] = ServiceCategory.Health,
        ["employment"] = ServiceCategory.Employment,
        ["housing"] = ServiceCategory.Housing,
        ["culture"] = ServiceCategory.Culture,
        ["legal"] = ServiceCategory.Legal,
        ["convenience"] = ServiceCategory.Convenience,
    };

    private static readonly Dictionary<string, ServiceBasis> Bases = new(StringComparer.Ordinal)
    {
        ["every-holder"] = ServiceBasis.EveryHolder,
        ["convenience"] = ServiceBasis.Convenience,
        ["points-tiered"] = ServiceBasis.PointsTiered,
    };

    public static ServiceCatalogue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromDocument(Deserialize(() => JsonSerializer.Deserialize<CatalogueDocument>(json, Options)));
    }

    public static ServiceCatalogue Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromDocument(Deserialize(() => JsonSerializer.Deserialize<CatalogueDocument>(utf8Json, Options)));
    }

    public static string Serialize(ServiceCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var document = new CatalogueDocument
        {
            Id = catalogue.Id,
            Version = catalogue.Version,
            Name = catalogue.Name,
            Services = [.. catalogue.Services.Select(s => new ServiceDocument
            {
                Code = s.Code,
                NameZh = s.NameZh,
                NameEn = s.NameEn,
                Category = Categories.Single(c => c.Value == s.Category).Key,
                Basis = Bases.Single(b => b.Value == s.Basis).Key,
                MinimumPoints = s.Requirements.MinimumPoints,
                PermitHeldMonths = s.Requirements.PermitHeldMonths == 0 ? null : s.Requirements.PermitHeldMonths,
                SocialInsuranceMonths = s.Requirements.SocialInsuranceMonths == 0 ? null : s.Requirements.SocialInsuranceMonths,
            })],
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static CatalogueDocument Deserialize(Func<CatalogueDocument?> deserialize)
    {
        try
        {
            return deserialize() ?? throw CatalogueInvalid.Because("The catalogue document is empty (null).");
        }
        catch (JsonException ex)
        {
            throw CatalogueInvalid.Because($"The catalogue document is not valid: {ex.Message}");
        }
    }

    private static ServiceCatalogue FromDocument(CatalogueDocument document) =>
        new(document.Id, document.Version, document.Name, document.Services.Select(s => new PublicService(
            s.Code,
            s.NameZh,
            s.NameEn,
            Categories.TryGetValue(s.Category, out var category)
                ? category
                : throw CatalogueInvalid.Because($"Service '{s.Code}' has unknown category '{s.Category}' (known: {string.Join(", ", Categories.Keys)})."),
            Bases.TryGetValue(s.Basis, out var basis)
                ? basis
                : throw CatalogueInvalid.Because($"Service '{s.Code}' has unknown basis '{s.Basis}' (known: {string.Join(", ", Bases.Keys)})."),
            new ServiceRequirements(s.MinimumPoints, s.PermitHeldMonths ?? 0, s.SocialInsuranceMonths ?? 0))));

    // The file shape; every value is checked by the domain constructors above.
    private sealed record CatalogueDocument
    {
        public required string Id { get; init; }

        public required int Version { get; init; }

        public required string Name { get; init; }

        public required List<ServiceDocument> Services { get; init; }
    }

    private sealed record ServiceDocument
    {
        public required string Code { get; init; }

        public required string NameZh { get; init; }

        public required string NameEn { get; init; }

        public required string Category { get; init; }

        public required string Basis { get; init; }

        public decimal? MinimumPoints { get; init; }

        public int? PermitHeldMonths { get; init; }

        public int? SocialInsuranceMonths { get; init; }
    }
}
