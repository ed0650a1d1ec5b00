using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Security.Terminals;
using Permit.Api.Security.WebSessions;

namespace Permit.Api.Web.Pages.Counter;

/// <summary>A school's or clinic's terminal signs in once with its API key; the browser then holds a session cookie.</summary>
public sealed class SignInModel(PermitDbContext db) : PageModel
{
    [BindProperty]
    public string? ApiKey { get; set; }

    public bool Failed { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var principal = await ApiKeyAuthenticationHandler.PrincipalForKeyAsync(db, ApiKey?.Trim() ?? "", WebSession.Scheme, cancellationToken);
        if (principal is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await WebSession.SignInAsync(HttpContext, principal.Claims);
        return LocalRedirect("/counter");
    }
}
