using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Permit.Api.Features.SelfService;

namespace Permit.Api.Tests.Security;

/// <summary>
/// Every endpoint the host maps × every kind of caller, signed in for real, against <see cref="AuthorizationMatrixTable"/>.
/// Requests carry minimal bodies: a 400, 404, 409 or 422 means the caller got through the door, which is all this checks.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_the_api_maps_has_a_row_in_the_authorization_matrix_and_every_row_an_endpoint()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });

        var mapped = MappedEndpoints(api);
        var rows = AuthorizationMatrixTable.Rows.Select(r => r.Key).ToList();

        Assert.Empty(rows.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        var withoutRow = mapped.Except(rows, StringComparer.Ordinal).ToList();
        Assert.True(withoutRow.Count == 0,
            "Endpoints without a row in AuthorizationMatrixTable (decide who may call them):\n" + string.Join('\n', withoutRow));
        var stale = rows.Except(mapped, StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints the API no longer maps:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Every_caller_gets_through_exactly_the_doors_the_matrix_opens_for_them()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var callers = await AuthorizationMatrixCallers.SignInAllAsync(api, Ct);

        var wrong = new List<string>();
        foreach (var row in AuthorizationMatrixTable.Rows)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                using var request = RequestFor(row);
                using var response = await callers[caller].SendAsync(request, Ct);
                var actual = ClassOf(response.StatusCode);
                if (actual != row.For(caller))
                    wrong.Add($"{row.Key} as {caller}: expected {row.For(caller)}, got {(int)response.StatusCode} ({actual})");
            }
        }

        Assert.True(wrong.Count == 0, "Authorization differs from the matrix:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public async Task Each_holder_sees_their_own_permit_and_never_the_other_holders()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var callers = await AuthorizationMatrixCallers.SignInAllAsync(api, Ct);

        var own = await callers[Caller.Migrant].GetFromJsonAsync<SelfServicePermitView>("/api/self-service/permit", Ct);
        var other = await callers[Caller.AnotherMigrant].GetFromJsonAsync<SelfServicePermitView>("/api/self-service/permit", Ct);
        using var officersView = await callers[Caller.AnotherMigrant].GetAsync(
            new Uri($"/api/permits/{callers.MigrantPermitNumber}", UriKind.Relative), Ct);
        var officersBody = await officersView.Content.ReadAsStringAsync(Ct);

        Assert.NotEqual(callers.MigrantPermitNumber, callers.AnotherMigrantPermitNumber);
        Assert.Equal(callers.MigrantPermitNumber, own!.PermitNumber);
        Assert.Equal(callers.AnotherMigrantPermitNumber, other!.PermitNumber);
        Assert.Equal(HttpStatusCode.Forbidden, officersView.StatusCode);
        Assert.DoesNotContain(callers.MigrantPermitNumber, officersBody, StringComparison.Ordinal);
    }

    /// <summary>"METHOD /route/pattern" for every route endpoint but the pages; an endpoint without method metadata answers any method (health).</summary>
    private static List<string> MappedEndpoints(PermitTestHost api)
    {
        _ = api.Server;
        var source = api.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. source.Endpoints.OfType<RouteEndpoint>()
                // The pages have their own table (PageAccessTests in Permit.Web.Tests): a page sends the anonymous to sign in.
                .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null)
                .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Select(method => $"{method} {e.RoutePattern.RawText}"))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    private static HttpRequestMessage RequestFor(MatrixRow row)
    {
        var path = RouteParameter().Replace(row.Route, m => m.Groups["constraint"].Value switch
        {
            "guid" => Guid.CreateVersion7().ToString(),
            "int" or "long" => "1",
            _ => "MATRIX-0000000",
        });
        var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(path, UriKind.Relative));
        if (row.Method == "GET")
            return request;
        request.Content = row.Body switch
        {
            MatrixBody.OfficerCredentials => JsonContent.Create(new
            {
                userName = AuthorizationMatrixCallers.RegistrarUserName, password = PermitTestHost.Password,
            }),
            MatrixBody.MigrantCredentials => JsonContent.Create(new
            {
                userName = AuthorizationMatrixCallers.MigrantUserName, password = PermitTestHost.Password,
            }),
            MatrixBody.Csv => new StringContent(string.Empty, Encoding.UTF8, "text/csv"),
            _ => JsonContent.Create(new { }),
        };
        return request;
    }

    private static Access ClassOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Access.Unauthorized,
        HttpStatusCode.Forbidden => Access.Forbidden,
        _ => Access.Allowed,
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\}")]
    private static partial Regex RouteParameter();
}
