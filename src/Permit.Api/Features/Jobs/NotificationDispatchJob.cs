using Permit.Api.Features.Notifications;
using Quartz;

namespace Permit.Api.Features.Jobs;

/// <summary>Drains the notification outbox every <see cref="JobsOptions.DispatchInterval"/> (not per period: it leases rows).</summary>
[DisallowConcurrentExecution]
public sealed class NotificationDispatchJob(IServiceScopeFactory scopes) : IJob
{
    public const string JobName = "notification-dispatch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchAsync(cancellationToken);
    }
}
