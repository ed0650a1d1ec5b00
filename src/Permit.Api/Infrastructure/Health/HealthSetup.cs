namespace Permit.Api.Infrastructure.Health;

/// <summary>GET /health answers a plain <c>Healthy</c> when the database answers.</summary>
public static class HealthSetup
{
    public static IServiceCollection AddPermitHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<PermitDbContext>("database");
        return services;
    }

    public static WebApplication MapPermitHealthChecks(this WebApplication app)
    {
        // Load balancers and monitors ask without credentials; the answer is only Healthy or Unhealthy.
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
