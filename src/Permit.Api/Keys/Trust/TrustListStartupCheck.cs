namespace Permit.Api.Keys.Trust;

/// <summary>Loads the trust list when the host starts: a Production API without a valid signed list stops with the reason.</summary>
public sealed class TrustListStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<TrustListSource>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
