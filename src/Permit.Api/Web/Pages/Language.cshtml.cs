using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Permit.Api.Web.Pages;

/// <summary>The visible language switch (a link in every page's header): remembers zh-CN or en in the culture cookie for a year.</summary>
public sealed class LanguageModel : PageModel
{
    /// <summary>A link, not a form: choosing a language changes nothing but this preference cookie.</summary>
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        var chosen = culture == WebSetup.English.Name ? WebSetup.English : WebSetup.Chinese;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
