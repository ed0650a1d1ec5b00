using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;

namespace Permit.Api.Tests.Infrastructure.Problems;

/// <summary>
/// Every JSON endpoint the API maps (found from its endpoint data sources, so a new endpoint is covered without being
/// listed) answers a body it cannot read with 400 and a field name, in Development as everywhere else. The door is
/// propped open (every policy passes) because binding is what is under test, not who may call.
/// </summary>
public sealed partial class UnreadableBodyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task A_body_that_is_not_the_endpoints_json_is_a_400_naming_the_field_in_every_environment(string environment)
    {
        await using var app = new PermitTestHost(new TestHostOptions { Clock = null }).WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Demo:Agent", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<IPolicyEvaluator, EveryPolicyPasses>());
        });
        using var client = app.CreateClient();
        var endpoints = JsonEndpoints(app.Services);
        Assert.NotEmpty(endpoints);

        var failures = new List<string>();
        foreach (var (method, url, accepts) in endpoints)
        {
            foreach (var (body, field) in Bodies(accepts))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(request, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{method} {url} {body}: {(int)response.StatusCode}");
                    continue;
                }
                using var problem = JsonDocument.Parse(text);
                var errors = problem.RootElement.TryGetProperty("errors", out var e) ? e : default;
                var named = errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any(p => field is null || p.Name == field);
                if (!named)
                    failures.Add($"{method} {url} {body}: 400 without naming {field ?? "a field"}: {text}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Malformed, the wrong JSON kinds, and per string or GUID property of the request a value of the wrong type.</summary>
    private static IEnumerable<(string Body, string? Field)> Bodies(IAcceptsMetadata accepts)
    {
        yield return ("{\"", null);
        if (!accepts.IsOptional)
            yield return ("null", null);
        yield return ("true", null);
        yield return ("[]", null);
        yield return ("42", null);
        foreach (var property in accepts.RequestType?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string))
                yield return ($"{{\"{name}\": 12345}}", name);
            else if (type == typeof(Guid))
                yield return ($"{{\"{name}\": \"not-a-guid\"}}", name);
        }
    }

    private static List<(string Method, string Url, IAcceptsMetadata Accepts)> JsonEndpoints(IServiceProvider services)
    {
        var found = new List<(string, string, IAcceptsMetadata)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (accepts?.RequestType is null || !accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))
                continue;
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "PATCH"))
                found.Add((method, Url(endpoint.RoutePattern.RawText!), accepts));
        }
        return found;
    }

    /// <summary>A real-looking value for every route parameter, so the request reaches the endpoint's binding.</summary>
    private static string Url(string pattern) => RouteParameter().Replace(pattern, m =>
        m.Groups["constraint"].Value switch
        {
            ":guid" => Guid.NewGuid().ToString(),
            ":int" or ":long" => "1",
            _ => "x",
        });

    [GeneratedRegex(@"\{\**(?<name>\w+)(?<constraint>:\w+)?[^}]*\}")]
    private static partial Regex RouteParameter();

    private sealed class EveryPolicyPasses : IPolicyEvaluator
    {
        private static readonly ClaimsPrincipal Anyone = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "binding-test")], "test"));

        public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
        {
            context.User = Anyone;
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Anyone, "test")));
        }

        public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult,
            HttpContext context, object? resource) => Task.FromResult(PolicyAuthorizationResult.Success());
    }
}
