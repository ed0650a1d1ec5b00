using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Permit.Api.Tests.Infrastructure;

/// <summary>The demo seed never runs in Production: <c>Seed:Demo=true</c> there is ignored (with a warning), nothing is made.</summary>
public sealed class DemoProductionTests
{
    [Fact]
    public async Task A_production_start_with_the_demo_seed_switched_on_makes_no_demo_account_resident_or_accounts_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var demoDirectory = Directory.CreateTempSubdirectory("permit-demo-production-");
        using var keys = await ProductionKeys.CreateAsync();
        await using var application = new PermitTestHost(new TestHostOptions { Clock = null });
        await using var production = application.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            keys.Apply(builder);
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Demo:Directory", demoDirectory.FullName);
        });
        using var client = production.CreateClient();

        using var health = await client.GetAsync("/health", ct);
        await using var db = application.NewContext(production.Services);

        Assert.Empty(await db.Set<OfficerAccount>().Where(o => o.UserName.StartsWith("demo.")).ToListAsync(ct));
        Assert.Empty(await db.Set<VerifierTerminal>().ToListAsync(ct));
        Assert.Empty(await db.Set<MigrantAccount>().ToListAsync(ct));
        Assert.Equal(0, await db.Residents.CountAsync(ct));
        Assert.Empty(demoDirectory.EnumerateFileSystemInfos());
        Assert.DoesNotContain(production.Services.GetServices<IHostedService>(), s => s.GetType().Name == "SimulatedAgentLauncher");
        demoDirectory.Delete(recursive: true);
    }
}
