using Permit.Domain.Entitlements;
using static Permit.Domain.Tests.Entitlements.Holders;

namespace Permit.Domain.Tests.Entitlements;

public class ServiceCatalogueTests
{
    private static ServiceCatalogue Default => ServiceCatalogues.NingboZhenhai2026;

    [Fact]
    public void Every_holder_gets_the_article_12_services_and_article_13_conveniences()
    {
        Assert.Equal(
            ["compulsory-education", "public-employment-services", "basic-medical-care", "family-planning-services", "public-culture-and-sports", "legal-aid"],
            Default.Services.Where(s => s.Basis == ServiceBasis.EveryHolder).Select(s => s.Code));
        Assert.Equal(
            ["exit-entry-documents", "id-card-replacement", "vehicle-registration", "driving-licence", "vocational-qualification-exams", "birth-service-registration"],
            Default.Services.Where(s => s.Basis == ServiceBasis.Convenience).Select(s => s.Code));
        Assert.All(Default.Services.Where(s => s.Basis != ServiceBasis.PointsTiered), s => Assert.Equal(ServiceRequirements.None, s.Requirements));
    }

    [Fact]
    public void The_school_place_by_points_needs_a_threshold_a_year_held_and_a_year_insured()
    {
        var school = Default.Find("school-place-by-points")!;

        Assert.Equal(ServiceCategory.Education, school.Category);
        Assert.Equal(ServiceBasis.PointsTiered, school.Basis);
        Assert.Equal(60m, school.Requirements.MinimumPoints);
        Assert.Equal(12, school.Requirements.PermitHeldMonths);
        Assert.Equal(12, school.Requirements.SocialInsuranceMonths);
    }

    [Fact]
    public void A_school_terminal_sees_only_education_services()
    {
        Assert.Equal(["compulsory-education", "school-place-by-points"], Default.InCategories(ServiceCategory.Education).Select(s => s.Code));
    }

    [Fact]
    public void A_clinic_terminal_sees_only_health_services()
    {
        Assert.Equal(
            ["basic-medical-care", "family-planning-services", "free-health-check"],
            Default.InCategories(ServiceCategory.Health).Select(s => s.Code));
    }

    [Fact]
    public void A_clinic_terminal_asked_about_a_school_service_answers_unknown_service()
    {
        var clinic = Default.LimitedTo(ServiceCategory.Health);

        var decision = EntitlementPolicy.Evaluate(clinic, "school-place-by-points", InGoodStanding(), Today);

        Assert.Equal(EntitlementReasons.UnknownService, decision.ReasonCode);
        Assert.True(EntitlementPolicy.Evaluate(clinic, "basic-medical-care", InGoodStanding(), Today).Eligible);
    }

    [Fact]
    public void Every_category_has_at_least_one_default_service()
    {
        Assert.All(Enum.GetValues<ServiceCategory>(), c => Assert.NotEmpty(Default.InCategories(c)));
    }

    [Fact]
    public void A_catalogue_survives_a_json_round_trip_unchanged()
    {
        var json = ServiceCatalogueJson.Serialize(Default);
        var reloaded = ServiceCatalogueJson.Parse(json);

        Assert.Equal(json, ServiceCatalogueJson.Serialize(reloaded));
        Assert.Equal(Default.Services, reloaded.Services);
        Assert.Contains("\"minimumPoints\": 60", json, StringComparison.Ordinal);
        Assert.Contains("\"nameZh\": \"积分入学\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"code\": \"legal-aid\"", "\"code\": \"compulsory-education\"", "'compulsory-education' more than once")]
    [InlineData("\"category\": \"legal\"", "\"category\": \"police\"", "unknown category 'police'")]
    [InlineData("\"basis\": \"convenience\"", "\"basis\": \"favour\"", "unknown basis 'favour'")]
    [InlineData("\"code\": \"legal-aid\"", "\"code\": \"Legal Aid\"", "not kebab-case")]
    [InlineData(", \"minimumPoints\": 30", "", "every points-tiered service needs one")]
    [InlineData("\"minimumPoints\": 60", "\"minimumPoints\": -60", "cannot be negative")]
    [InlineData("\"nameEn\": \"Legal aid and other legal services\", ", "", "missing required properties")]
    public void An_inconsistent_catalogue_is_rejected_with_the_reason(string find, string replace, string expectedReason)
    {
        var json = ServiceCatalogues.NingboZhenhai2026Json();
        var at = json.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture text not found: {find}");
        var broken = string.Concat(json.AsSpan(0, at), replace, json.AsSpan(at + find.Length));

        var ex = Assert.Throws<DomainException>(() => ServiceCatalogueJson.Parse(broken));

        Assert.Equal("service-catalogue-invalid", ex.Code);
        Assert.Contains(expectedReason, ex.Message, StringComparison.Ordinal);
    }
}
