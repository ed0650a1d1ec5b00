using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Permit.Api.Security.Authorization;

namespace Permit.Web.Tests.Pages;

/// <summary>
/// The pages' side of the authorization matrix: every page has an explicit policy (or is deliberately open), and an
/// anonymous visitor of a protected page is sent to the sign-in door of that kind of user.
/// </summary>
public sealed class PageAccessTests
{
    /// <summary>Route → the policy of the page; <see langword="null"/> = open to anyone.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Expected = new Dictionary<string, string?>
    {
        ["/"] = null,
        ["/signin"] = null,
        ["/signout"] = null,
        ["/denied"] = null,
        ["/language"] = null,
        ["/counter/signin"] = null,
        ["/me/signin"] = null,
        ["/me/activate"] = null,
        ["/publicity/settlement/{id:guid}"] = null,
        ["/desk"] = Policies.Registrar,
        ["/desk/residents/{id:guid}"] = Policies.Registrar,
        ["/desk/bulk-reports"] = Policies.Registrar,
        ["/desk/residents/{id:guid}/tasks"] = Policies.Registrar,
        ["/desk/reviews"] = Policies.Registrar,
        ["/desk/queue"] = Policies.Supervisor,
        ["/desk/duplicates"] = Policies.Supervisor,
        ["/desk/data-quality"] = Policies.Supervisor,
        ["/counter"] = Policies.Verifier,
        ["/me"] = Policies.Migrant,
        ["/admin"] = Policies.Supervisor,
        ["/admin/audit/{id:guid}"] = Policies.Supervisor,
        ["/admin/points"] = Policies.Supervisor,
        ["/admin/settlement"] = Policies.Supervisor,
        ["/admin/settlement/{id:guid}"] = Policies.Supervisor,
        ["/admin/school-admission"] = Policies.Supervisor,
        ["/admin/school-admission/{id:guid}"] = Policies.Supervisor,
        ["/admin/users"] = Policies.Admin,
        ["/admin/legacy-import"] = Policies.Admin,
        ["/admin/communities"] = Policies.Admin,
    };

    [Fact]
    public async Task Every_page_has_a_row_with_its_policy_and_every_row_a_page()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        var pages = PagePolicies(host);

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), pages.Keys.Order(StringComparer.Ordinal));
        foreach (var (route, policy) in Expected)
            Assert.True(pages[route] == policy, $"{route}: expected policy {policy ?? "(open)"}, the page has {pages[route] ?? "(open)"}");
    }

    [Fact]
    public async Task An_anonymous_visitor_of_a_protected_page_is_sent_to_the_sign_in_door_of_that_page()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };

        foreach (var (route, policy) in Expected.Where(e => e.Value is not null))
        {
            var path = route.Replace("{id:guid}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var door = policy == Policies.Verifier ? "/counter/signin" : policy == Policies.Migrant ? "/me/signin" : "/signin";
            Assert.Equal(door, response.Headers.Location!.OriginalString.Split('?')[0]);
        }
    }

    private static Dictionary<string, string?> PagePolicies(PermitTestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToDictionary(g => g.Key, g =>
            {
                var metadata = g.First().Metadata;
                var policies = metadata.GetOrderedMetadata<IAuthorizeData>();
                return metadata.GetMetadata<IAllowAnonymous>() is not null || policies.Count == 0 ? null : policies[^1].Policy;
            });
}
