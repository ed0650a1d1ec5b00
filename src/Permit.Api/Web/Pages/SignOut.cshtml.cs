using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.WebSessions;

namespace Permit.Api.Web.Pages;

/// <summary>Ends the browser session and returns to the door the user came in by.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        var role = User.FindFirst(PermitClaims.Role)?.Value;
        await WebSession.SignOutAsync(HttpContext);
        return LocalRedirect(role switch
        {
            Roles.Verifier => "/counter/signin",
            Roles.Migrant => "/me/signin",
            _ => "/signin",
        });
    }
}
