using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Permit.Api.Security;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.SignIn;

namespace Permit.Api.Web.Pages.Holder;

/// <summary>The holder opens the self-service account with the one-time code printed on the issuance receipt.</summary>
public sealed class ActivateModel(PermitDbContext db, PasswordHasher hasher, IOptions<PasswordOptions> options, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? ActivationCode { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The text key of what went wrong, in words the holder understands.</summary>
    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await SignInApi.Activate(new ActivationRequest(ActivationCode?.Trim(), UserName, Password), db, hasher, options, time, HttpContext, HttpContext.RequestServices.GetRequiredService<Permit.Api.Security.RateLimits.SignInThrottle>(), cancellationToken);
        switch (result.Result)
        {
            case NoContent:
                return LocalRedirect("/me/signin?activated=true");
            case ValidationProblem invalid:
                ErrorKey = invalid.ProblemDetails.Errors.ContainsKey("password") ? "Activate.PasswordTooShort" : "Activate.UserNameInvalid";
                break;
            case ProblemHttpResult problem:
                ErrorKey = problem.ProblemDetails.Type == ProblemCatalogue.TypeOf("user-name-taken") ? "Activate.UserNameTaken" : "Activate.CodeInvalid";
                break;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
