namespace Permit.Api.Keys;

/// <summary>
/// Resolves the keys as the host starts, so a missing or unreadable key stops the API before it serves a request
/// (with <see cref="MissingKeyException"/> naming the file and <c>keys init</c>) rather than at the first card issued.
/// </summary>
internal sealed class KeysStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<DataProtectionKeys>();
        _ = services.GetRequiredService<IssuerKeyRing>();
        _ = services.GetRequiredService<Audit.AuditCheckpointKey>();
        _ = services.GetRequiredService<Security.Agents.AgentKeys>();
        _ = services.GetRequiredService<Security.Nodes.DataProtectionXmlKey>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
