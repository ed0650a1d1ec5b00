using System.Text.RegularExpressions;

namespace Permit.Domain.Entitlements;

/// <summary>
/// One service a permit holder may ask for. Every service needs an active, unexpired permit; a points-tiered service
/// also needs a minimum points total and may need the permit held, and social insurance paid, for some months.
/// </summary>
public sealed partial record PublicService
{
    public PublicService(string code, string nameZh, string nameEn, ServiceCategory category, ServiceBasis basis, ServiceRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        if (code is null || !KebabCase().IsMatch(code))
            throw CatalogueInvalid.Because($"Service code '{code}' is not kebab-case.");
        if (string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn))
            throw CatalogueInvalid.Because($"Service '{code}' needs both a Chinese and an English name.");
        if (!Enum.IsDefined(category))
            throw CatalogueInvalid.Because($"Service '{code}' has an unknown category.");
        if (!Enum.IsDefined(basis))
            throw CatalogueInvalid.Because($"Service '{code}' has an unknown basis.");
        if ((basis == ServiceBasis.PointsTiered) != requirements.MinimumPoints.HasValue)
            throw CatalogueInvalid.Because($"Service '{code}': a points threshold belongs to points-tiered services and every points-tiered service needs one.");

        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Category = category;
        Basis = basis;
        Requirements = requirements;
    }

    /// <summary>Stable kebab-case code, e.g. <c>compulsory-education</c>.</summary>
    public string Code { get; }

    public string NameZh { get; }

    public string NameEn { get; }

    public ServiceCategory Category { get; }

    public ServiceBasis Basis { get; }

    public ServiceRequirements Requirements { get; }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}

/// <summary>Conditions beyond an active permit. Months are whole calendar months counted to the same day of month.</summary>
public sealed record ServiceRequirements
{
    public static readonly ServiceRequirements None = new(null, 0, 0);

    public ServiceRequirements(decimal? minimumPoints, int permitHeldMonths, int socialInsuranceMonths)
    {
        if (minimumPoints < 0 || permitHeldMonths < 0 || socialInsuranceMonths < 0)
            throw CatalogueInvalid.Because("Service requirements cannot be negative.");
        MinimumPoints = minimumPoints;
        PermitHeldMonths = permitHeldMonths;
        SocialInsuranceMonths = socialInsuranceMonths;
    }

    /// <summary>Points total needed; <c>null</c> when the service does not go by points (and so is not frozen with them).</summary>
    public decimal? MinimumPoints { get; }

    /// <summary>Months the permit must have been held unbroken.</summary>
    public int PermitHeldMonths { get; }

    /// <summary>Months of continuous social insurance needed.</summary>
    public int SocialInsuranceMonths { get; }
}

/// <summary>The one exception an inconsistent catalogue raises.</summary>
internal static class CatalogueInvalid
{
    public const string Code = "service-catalogue-invalid";

    public static DomainException Because(string message) => new(Code, message);
}
