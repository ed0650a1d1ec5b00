using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.SignIn;
using Permit.Api.Security.Tokens;
using Permit.Api.Security.WebSessions;

namespace Permit.Api.Web.Pages;

/// <summary>An officer signs in with the same check (lock-out included) as <c>POST /api/auth/token</c>.</summary>
public sealed class SignInModel(
    PermitDbContext db, PasswordHasher hasher, TokenIssuer tokens, IOptions<PasswordOptions> options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await SignInApi.SignInOfficer(new TokenRequest(UserName, Password), db, hasher, tokens, options, time, HttpContext, HttpContext.RequestServices.GetRequiredService<Permit.Api.Security.RateLimits.SignInThrottle>(), cancellationToken);
        if (result.Result is not Ok<IssuedToken> { Value: { } token })
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await WebSession.SignInWithTokenAsync(HttpContext, token, tokens);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/desk");
    }
}
