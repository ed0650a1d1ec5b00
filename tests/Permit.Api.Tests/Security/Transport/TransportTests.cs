using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using Permit.Api.Security.WebSessions;
using Permit.Logging;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

using Permit.Api.Tests.Infrastructure;

namespace Permit.Api.Tests.Security.Transport;

/// <summary>Headers, proxies, body limits, Production-only rules and what the logs may say.</summary>
public sealed partial class TransportTests
{
    private static readonly string[] Health = ["Health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_inline_script_injected_into_a_page_does_not_run_and_no_site_may_frame_the_pages()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = api.CreateClient();

        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative), Ct);

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public void No_page_carries_an_inline_script_or_event_handler_the_policy_would_block()
    {
        var pages = Path.Combine(SourceRoot(), "src", "Permit.Api", "Web", "Pages");
        var offenders = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => InlineScript().IsMatch(x.line) || EventHandler().IsMatch(x.line) || InlineStyle().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(pages, x.file)}:{x.i + 1}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_an_unknown_address_is_ignored_and_a_known_proxy_is_believed()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("root", OfficerRole.Admin);

        var spoofed = await AuditedAddressAsync(api, knownProxy: null);
        var proxied = await AuditedAddressAsync(api, knownProxy: "10.0.0.1");

        Assert.DoesNotContain("203.0.113.9", spoofed, StringComparison.Ordinal);
        Assert.Contains("ip:203.0.113.9 ", proxied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_a_413_problem_before_it_is_read()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = api.CreateClient();
        using var huge = new StringContent("{\"userName\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), huge, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal(Permit.Api.Infrastructure.Problems.ProblemCatalogue.TypeOf("request-too-large"), problem!.Type);
    }

    [Fact]
    public async Task In_Production_the_bench_baseline_is_not_mapped_even_when_configured_and_plain_http_is_redirected_with_HSTS_on_https()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var keys = await ProductionKeys.CreateAsync();
        await using var production = api.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            keys.Apply(builder);
            builder.UseSetting("Bench:Enabled", "true");
            // Behind the proxy the operator names the public HTTPS port (the node itself listens on plain HTTP).
            builder.UseSetting("https_port", "443");
        });
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://permit.example"), AllowAutoRedirect = false });
        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://permit.example"), AllowAutoRedirect = false });

        using var bench = await https.GetAsync(new Uri("/bench/baseline/permits/440300202600000017", UriKind.Relative), Ct);
        using var plain = await http.GetAsync(new Uri("/signin", UriKind.Relative), Ct);
        using var secure = await https.GetAsync(new Uri("/signin", UriKind.Relative), Ct);
        var cookie = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(WebSession.Scheme).Cookie;

        Assert.Equal(HttpStatusCode.NotFound, bench.StatusCode);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.StartsWith("https://", plain.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
    }

    [Fact]
    public void Log_masking_covers_fifteen_digit_first_generation_id_numbers()
    {
        var masked = PersonalDataMasking.MaskText("old card 330211800101123 on file");

        Assert.DoesNotContain("330211800101123", masked, StringComparison.Ordinal);
        Assert.Contains("330211*****1123", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_whose_message_quotes_an_id_number_is_logged_masked()
    {
        var written = new List<LogEvent>();
        using var sink = new MaskingSink(new CollectingSink(written));
        var error = new InvalidOperationException("Cannot parse 33021119800101123X near 330211800101123");
        var template = new MessageTemplateParser().Parse("Import failed");

        sink.Emit(new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Error, error, template, []));

        var text = written.Single().Exception!.ToString();
        Assert.DoesNotContain("33021119800101123X", text, StringComparison.Ordinal);
        Assert.DoesNotContain("330211800101123", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", text, StringComparison.Ordinal);
    }

    private static async Task<string> AuditedAddressAsync(PermitTestHost api, string? knownProxy)
    {
        await using var host = api.WithWebHostBuilder(builder =>
        {
            if (knownProxy is not null)
                builder.UseSetting("ForwardedHeaders:KnownProxies:0", knownProxy);
            // The test server has no socket: give every request the proxy's address, as Kestrel would.
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress("10.0.0.1")));
        });
        using var client = host.CreateClient();
        using (var signIn = await client.PostAsJsonAsync("/api/auth/token", new { userName = "root", password = PermitTestHost.Password }, Ct))
        {
            var token = (await signIn.Content.ReadFromJsonAsync<Permit.Api.Security.Tokens.IssuedToken>(Ct))!;
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        }

        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var name = $"Clinic {Guid.NewGuid():N}";
        using var created = await client.PostAsJsonAsync("/api/admin/terminals", new { name, categories = Health }, Ct);
        created.EnsureSuccessStatusCode();
        await using var db = api.NewContext();
        var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "terminal.create").ToListAsync(Ct);
        return entries.OrderBy(e => e.Sequence).Last().Terminal!;
    }

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Permit.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The source tree is not above the test's folder.");
    }

    // <script> without src, other than a JSON data block (which never runs).
    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=\\s*\"", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("\\sstyle\\s*=\\s*\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    private sealed class RemoteAddress(string address) : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(following => context =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following(context);
            });
            next(app);
        };
    }

    private sealed class CollectingSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
