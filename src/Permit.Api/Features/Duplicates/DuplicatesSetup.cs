using Permit.Api.Features.Jobs;

namespace Permit.Api.Features.Duplicates;

public static class DuplicatesSetup
{
    public static IServiceCollection AddDuplicates(this IServiceCollection services)
    {
        services.AddScoped<ResidentMerger>();
        services.AddSingleton<IPermitJob, DuplicateScanJob>();
        return services;
    }
}
