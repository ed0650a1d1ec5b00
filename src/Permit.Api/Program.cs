using Permit.Api.Infrastructure.Bench;
using Permit.Api.Infrastructure.DemoData;
using Permit.Api.Features.Applications;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.Communities;
using Permit.Api.Features.Credentials;
using Permit.Api.Features.DataQuality;
using Permit.Api.Features.Duplicates;
using Permit.Api.Features.Statistics;
using Permit.Api.Features.Endorsements;
using Permit.Api.Features.Entitlements;
using Permit.Api.Features.Families;
using Permit.Api.Features.Jobs;
using Permit.Api.Features.LegacyImport;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Photos;
using Permit.Api.Features.Personalization;
using Permit.Api.Features.Points;
using Permit.Api.Features.Registrations;
using Permit.Api.Features.Residents;
using Permit.Api.Features.SchoolAdmission;
using Permit.Api.Features.SelfService;
using Permit.Api.Features.Settlement;
using Permit.Api.Infrastructure.Health;
using Permit.Api.Infrastructure.Logging;
using Permit.Api.Infrastructure.Tasks;
using Permit.Api.Keys;
using Permit.Api.Security;
using Permit.Api.Security.Transport;
using Permit.Api.Web;
using Scalar.AspNetCore;
using Serilog;

LoggingSetup.StartBootstrapLogger();
try
{
    // A task (keys init, audit verify, officers add, import legacy, …) runs in place of the web host.
    if (ApiCommandLine.IsTask(args))
    {
        return await ApiCommandLine.RunAsync(args, async migrate =>
        {
            var host = BuildApp(args);
            if (migrate)
                await host.MigratePermitDatabaseAsync();
            return host.Services;
        }, Console.In, Console.Out, Console.Error, CancellationToken.None);
    }

    var app = BuildApp(args);
    app.UsePermitTransport();
    app.UseSerilogRequestLogging();
    app.UsePermitProblemDetails();
    app.UsePermitWebAssets();
    app.UsePermitSecurity();
    if (app.Environment.IsDevelopment())
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
    }
    app.MapPermitHealthChecks();
    app.MapResidents();
    app.MapPhotos();
    app.MapRegistrations();
    app.MapCommunities();
    app.MapBulkReports();
    app.MapLegacyImport();
    app.MapApplications().MapAcceptanceReceipt();
    var permits = app.MapPermits();
    permits.MapPersonalization();
    permits.MapEndorsements();
    app.MapPermitSelfService();
    app.MapEntitlements();
    app.MapPoints();
    app.MapPointsSelfService();
    app.MapCredentials();
    app.MapJobs();
    app.MapBenchBaseline(app.Configuration);
    app.MapSchoolAdmission();
    app.MapFamilies();
    app.MapSettlement();
    app.MapDuplicates();
    app.MapStatistics();
    app.MapDataQuality();
    app.MapPermitSecurity();
    app.MapPermitWeb();

    await app.MigratePermitDatabaseAsync();
    await app.SeedDemoDataAsync();
    await app.RunAsync();
    return 0;
}
// HostAbortedException is how the EF tools and test factories stop the host after building it: not a crash.
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The Permit API stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

// The services every run needs, tasks included; endpoints and middleware are the web host's alone.
static WebApplication BuildApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPermitLogging();
    builder.Services.AddPermitProblemDetails();
    builder.AddPermitPersistence();
    builder.Services.AddPermitHealthChecks();
    builder.Services.AddOpenApi();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddPermitSecurity();
    builder.Services.AddEntitlements();
    builder.Services.AddPhotos();
    builder.Services.AddBulkReports(builder.Configuration);
    builder.Services.AddPermitWeb();
    builder.AddPermitJobs();
    builder.Services.AddDuplicates();
    builder.Services.AddStatistics();
    builder.AddPermitDemo();
    return builder.Build();
}

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
