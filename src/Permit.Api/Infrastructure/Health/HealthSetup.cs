using Permit.Api.Persistence;

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
        app.MapHealthChecks("/health");
        return app;
    }
}
