namespace Permit.Domain.Entitlements;

/// <summary>The services a district offers permit holders, versioned like the points rules.</summary>
public sealed class ServiceCatalogue
{
    private readonly Dictionary<string, PublicService> _byCode;

    public ServiceCatalogue(string id, int version, string name, IEnumerable<PublicService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (string.IsNullOrWhiteSpace(id))
            throw CatalogueInvalid.Because("A service catalogue needs an id.");
        if (version < 1)
            throw CatalogueInvalid.Because($"Catalogue '{id}' has version {version}; versions start at 1.");
        if (string.IsNullOrWhiteSpace(name))
            throw CatalogueInvalid.Because($"Catalogue '{id}' has no name.");
        var list = services.ToArray();
        _byCode = new Dictionary<string, PublicService>(StringComparer.Ordinal);
        foreach (var service in list)
        {
            ArgumentNullException.ThrowIfNull(service);
            if (!_byCode.TryAdd(service.Code, service))
                throw CatalogueInvalid.Because($"Catalogue '{id}' has service code '{service.Code}' more than once.");
        }

        Id = id;
        Version = version;
        Name = name;
        Services = list;
    }

    public string Id { get; }

    public int Version { get; }

    public string Name { get; }

    public IReadOnlyList<PublicService> Services { get; }

    public PublicService? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The services in any of <paramref name="categories"/>, in catalogue order.</summary>
    public IReadOnlyList<PublicService> InCategories(params IEnumerable<ServiceCategory> categories)
    {
        var wanted = categories.ToHashSet();
        return Services.Where(s => wanted.Contains(s.Category)).ToArray();
    }

    /// <summary>
    /// The catalogue as a terminal limited to <paramref name="categories"/> sees it: a clinic's terminal does not
    /// know the school services, so asking it about one answers <c>unknown-service</c>.
    /// </summary>
    public ServiceCatalogue LimitedTo(params IEnumerable<ServiceCategory> categories) =>
        new(Id, Version, Name, InCategories(categories));
}
