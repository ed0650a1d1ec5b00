using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Web;

/// <summary>
/// The server-rendered pages (Razor Pages under <c>Web/Pages</c>) for officers, counter terminals and permit holders,
/// in Chinese with English switchable (a cookie), their static script and style, and who may open which folder.
/// </summary>
public static class WebSetup
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Pages anyone may open: the start page, the three doors and the language switch.</summary>
    private static readonly string[] OpenPages = ["/Index", "/SignIn", "/SignOut", "/Denied", "/Language", "/Counter/SignIn", "/Holder/SignIn", "/Holder/Activate", "/Publicity/Settlement"];

    public static IServiceCollection AddPermitWeb(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        services.AddLocalization();
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AuthorizeFolder("/Desk", Policies.Registrar);
            options.Conventions.AuthorizePage("/Desk/Queue", Policies.Supervisor);
            options.Conventions.AuthorizePage("/Desk/Duplicates", Policies.Supervisor);
            options.Conventions.AuthorizePage("/Desk/DataQuality", Policies.Supervisor);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Supervisor);
            options.Conventions.AuthorizePage("/Admin/Users", Policies.Admin);
            options.Conventions.AuthorizePage("/Admin/LegacyImport", Policies.Admin);
            options.Conventions.AuthorizePage("/Admin/Communities", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Counter", Policies.Verifier);
            options.Conventions.AuthorizeFolder("/Holder", Policies.Migrant);
            foreach (var open in OpenPages)
                options.Conventions.AllowAnonymousToPage(open);
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = options.SupportedUICultures = [Chinese, English];
            // Only the visible switch (a cookie) changes the language: the desk is Chinese whatever the browser says.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UsePermitWebAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapPermitWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Settings of the pages (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Where the pages' script finds the local card agent (<c>permit-agent serve</c>) on the user's PC.</summary>
    public string AgentUrl { get; set; } = "http://127.0.0.1:5179";

    /// <summary>
    /// Where the counter page finds its agent, when the counter's PC is not a desk's (empty: <see cref="AgentUrl"/>). A counter
    /// agent is paired by its terminal and a desk agent by an officer, so on a PC that is both they are two agents.
    /// </summary>
    public string? CounterAgentUrl { get; set; }

    public string CounterAgent => string.IsNullOrWhiteSpace(CounterAgentUrl) ? AgentUrl : CounterAgentUrl;

    /// <summary>The agent the page of <paramref name="agent"/> (<c>counter</c> or anything else: the desk's) talks to.</summary>
    public string AgentUrlFor(string? agent) => agent == "counter" ? CounterAgent : AgentUrl;
}
