namespace Permit.Api.Infrastructure.Problems;

/// <summary>RFC 9457 problem details for every error response: exceptions, conflicts and bare status codes.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPermitProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<UnreadableBodyExceptionHandler>();
        services.AddExceptionHandler<DatabaseConflictExceptionHandler>();
        services.AddExceptionHandler<AuditBusyExceptionHandler>();
        // Outside Development a body that cannot be bound is answered with a bare 400 that names nothing; throwing
        // everywhere lets UnreadableBodyExceptionHandler answer the same named 400 in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Exception handler first (so it sees everything after it), then status code pages for empty error responses.</summary>
    public static WebApplication UsePermitProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
