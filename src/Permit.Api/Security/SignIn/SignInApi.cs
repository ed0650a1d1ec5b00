using Microsoft.Extensions.Options;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.RateLimits;
using Permit.Api.Security.Tokens;

namespace Permit.Api.Security.SignIn;

/// <summary>
/// <c>POST /api/auth/token</c> (officers), <c>POST /api/self-service/activate</c> and <c>POST /api/self-service/token</c>
/// (migrants). A wrong user name, a wrong password and a locked account all answer the same 401.
/// </summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", SignInOfficer).AllowAnonymous().WithName("SignInOfficer");
        app.MapGet("/api/officers/me", (HttpContext http) => TypedResults.Ok(Me(http)))
            .RequireAuthorization(Policies.Registrar).WithName("GetSignedInOfficer");

        app.MapGet("/api/terminals/me", (HttpContext http) => TypedResults.Ok(Me(http)))
            .RequireAuthorization(Policies.Verifier).WithName("GetAuthenticatedTerminal");

        var selfService = app.MapGroup("/api/self-service");
        selfService.MapPost("/activate", Activate).AllowAnonymous().WithName("ActivateMigrantAccount");
        selfService.MapPost("/token", SignInMigrant).AllowAnonymous().WithName("SignInMigrant");
        selfService.MapGet("/me", (HttpContext http) => TypedResults.Ok(Me(http)))
            .RequireAuthorization(Policies.Migrant).WithName("GetSignedInMigrant");
        return app;
    }

    internal static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> SignInOfficer(
        TokenRequest request, PermitDbContext db, PasswordHasher hasher, TokenIssuer tokens,
        IOptions<PasswordOptions> options, TimeProvider time, HttpContext http, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var userName = OfficerAccount.NormalizeUserName(request.UserName ?? string.Empty);
        if (throttle.Refusal(http, "officer:" + userName) is { } tooMany)
            return tooMany;
        var officer = await db.Set<OfficerAccount>().SingleOrDefaultAsync(o => o.UserName == userName, cancellationToken);
        // A disabled officer gets the same answer as an unknown one.
        if (officer is null || !officer.IsActive)
        {
            hasher.VerifyDecoy(request.Password ?? string.Empty);
            return Problems.InvalidCredentials();
        }

        var ok = await CheckPasswordAsync(officer, officer.PasswordHash, request.Password, db, options.Value, time, cancellationToken);
        return ok ? TypedResults.Ok(tokens.ForOfficer(officer)) : Problems.InvalidCredentials();
    }

    internal static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> SignInMigrant(
        TokenRequest request, PermitDbContext db, PasswordHasher hasher, TokenIssuer tokens,
        IOptions<PasswordOptions> options, TimeProvider time, HttpContext http, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var userName = OfficerAccount.NormalizeUserName(request.UserName ?? string.Empty);
        if (throttle.Refusal(http, "migrant:" + userName) is { } tooMany)
            return tooMany;
        var migrant = await db.Set<MigrantAccount>().SingleOrDefaultAsync(m => m.UserName == userName, cancellationToken);
        if (migrant?.PasswordHash is not { } hash)
        {
            hasher.VerifyDecoy(request.Password ?? string.Empty);
            return Problems.InvalidCredentials();
        }

        var ok = await CheckPasswordAsync(migrant, hash, request.Password, db, options.Value, time, cancellationToken);
        return ok ? TypedResults.Ok(tokens.ForMigrant(migrant)) : Problems.InvalidCredentials();
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Activate(
        ActivationRequest request, PermitDbContext db, PasswordHasher hasher, IOptions<PasswordOptions> options,
        TimeProvider time, HttpContext http, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        if (throttle.Refusal(http, "activation:" + OfficerAccount.NormalizeUserName(request.UserName ?? string.Empty)) is { } tooMany)
            return tooMany;
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Trim().Length > OfficerAccount.UserNameMaxLength)
            return Problems.Invalid("userName", $"A user name is 1 to {OfficerAccount.UserNameMaxLength} characters.");
        if (request.Password is null || request.Password.Length < options.Value.MinimumLength)
            return Problems.Invalid("password", $"A password is at least {options.Value.MinimumLength} characters.");

        var now = time.GetUtcNow();
        var codeHash = MigrantAccount.HashCode(request.ActivationCode ?? string.Empty);
        var migrant = await db.Set<MigrantAccount>().SingleOrDefaultAsync(m => m.ActivationCodeHash == codeHash, cancellationToken);
        if (migrant is null || !migrant.CanActivate(now))
        {
            return Problems.Problem("invalid-activation-code",
                "The activation code is unknown, already used or expired.");
        }

        var userName = OfficerAccount.NormalizeUserName(request.UserName);
        if (await db.Set<MigrantAccount>().AnyAsync(m => m.UserName == userName, cancellationToken))
            return Problems.Problem("user-name-taken", "The user name is taken.");

        migrant.Activate(userName, hasher.Hash(request.Password), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<bool> CheckPasswordAsync(
        ILockableAccount account, string hash, string? password, PermitDbContext db, PasswordOptions options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Checked even when locked, so a locked account answers no faster than an open one.
        var matches = PasswordHasher.Verify(password ?? string.Empty, hash);
        if (SignInAttempts.IsLocked(account, now))
            return false;

        // Counted in the database, not read-modify-written: parallel wrong guesses are each counted.
        if (matches)
            await SignInAttemptsInDatabase.RecordSuccessAsync(db, account, cancellationToken);
        else
            await SignInAttemptsInDatabase.RecordFailureAsync(db, account, now, options, cancellationToken);
        return matches;
    }

    private static SignedInUser Me(HttpContext http) => new(
        http.User.FindFirst(PermitClaims.Subject)?.Value,
        http.User.FindFirst(PermitClaims.Name)?.Value,
        [.. http.User.FindAll(PermitClaims.Role).Select(c => c.Value)],
        http.User.FindFirst(PermitClaims.ResidentId)?.Value,
        [.. http.User.FindAll(PermitClaims.ServiceCategory).Select(c => c.Value)]);
}

/// <summary>Who the caller is, as the API sees it.</summary>
public sealed record SignedInUser(
    string? Id, string? Name, IReadOnlyList<string> Roles, string? ResidentId, IReadOnlyList<string> ServiceCategories);
