using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Permit.Api.Features.Notifications;
using Quartz;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// The jobs, the notification outbox and the Quartz scheduler. On PostgreSQL and SQL Server Quartz keeps its triggers
/// in the database (<c>qrtz_*</c>, created by the migrations) with clustering, so API instances sharing a database fire
/// each trigger once; on SQLite (one instance by nature) it keeps them in memory. <c>Jobs:SchedulerEnabled=false</c>
/// leaves the scheduler out (tests, a quiet dev API); the admin endpoints still run jobs by hand.
/// </summary>
public static class JobsSetup
{
    public const string SchedulerName = "permit";
    public const string JobGroup = "permit";

    public static WebApplicationBuilder AddPermitJobs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddScoped<JobRunner>();
        services.AddScoped<NotificationDispatcher>();
        services.TryAddSingleton<INotificationSender, LoggingNotificationSender>();
        services.AddSingleton<IPermitJob, SuspendOverduePermitsJob>();
        services.AddSingleton<IPermitJob, EndorsementRemindersJob>();
        services.AddSingleton<IPermitJob, OverdueApplicationsReportJob>();
        services.AddSingleton<IPermitJob, MonthlyAccrualJob>();
        services.AddSingleton<IPermitJob, PublishRevocationListJob>();

        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (!jobs.SchedulerEnabled)
            return builder;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(PersistenceSetup.ConnectionStringName);
        var audit = builder.Configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        builder.AddQuartz(q =>
        {
            ConfigureScheduler(q, database.Provider, connectionString, jobs);
            q.ScheduleJob<AuditCheckpointJob>(
                trigger => trigger.WithIdentity(AuditCheckpointJob.JobName, JobGroup).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(audit.CheckpointInterval).RepeatForever()),
                job => job.WithIdentity(AuditCheckpointJob.JobName, JobGroup));
            Statistics.StatisticsSetup.Schedule(q,
                builder.Configuration.GetSection(Statistics.StatisticsOptions.Section).Get<Statistics.StatisticsOptions>() ?? new Statistics.StatisticsOptions(),
                TimeZoneInfo.FindSystemTimeZoneById(jobs.TimeZone));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>The store, the cron triggers of <see cref="JobsOptions.Schedules"/> and the outbox dispatcher's trigger.</summary>
    public static void ConfigureScheduler(IQuartzBuilder quartz, DatabaseProvider provider, string? connectionString, JobsOptions jobs)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(jobs);
        UseStore(quartz, provider, connectionString);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(jobs.TimeZone);
        foreach (var (name, cron) in jobs.Schedules)
        {
            if (string.IsNullOrWhiteSpace(cron))
                continue;
            quartz.ScheduleJob<ScheduledPermitJob>(
                trigger => trigger.WithIdentity(name, JobGroup).WithCronSchedule(cron, c => c.InTimeZone(zone)),
                job => job.WithIdentity(name, JobGroup).UsingJobData(ScheduledPermitJob.JobNameKey, name));
        }

        quartz.ScheduleJob<NotificationDispatchJob>(
            trigger => trigger.WithIdentity(NotificationDispatchJob.JobName, JobGroup).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(jobs.DispatchInterval).RepeatForever()),
            job => job.WithIdentity(NotificationDispatchJob.JobName, JobGroup));

        quartz.ScheduleJob<ExpiredIdempotentAnswersJob>(
            trigger => trigger.WithIdentity(ExpiredIdempotentAnswersJob.JobName, JobGroup).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(ExpiredIdempotentAnswersJob.Interval).RepeatForever()),
            job => job.WithIdentity(ExpiredIdempotentAnswersJob.JobName, JobGroup));
    }

    /// <summary>In memory on SQLite; on PostgreSQL and SQL Server the clustered ADO store on the API's own database.</summary>
    public static void UseStore(IQuartzBuilder quartz, DatabaseProvider provider, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ConfigureScheduler(s =>
        {
            s.InstanceName = SchedulerName;
            // Each instance of a cluster needs an id of its own, also two on one host.
            s.InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        });
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                quartz.UseInMemoryStore();
                break;
            case DatabaseProvider.Postgres:
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, Require(connectionString));
                    store.UseClustering();
                });
                break;
            case DatabaseProvider.SqlServer:
                quartz.UsePersistentStore(store =>
                {
                    store.UseSqlServer(SqlClientFactory.Instance, Require(connectionString));
                    store.UseClustering();
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider {provider}.");
        }
    }

    private static string Require(string? connectionString) => string.IsNullOrWhiteSpace(connectionString)
        ? throw new InvalidOperationException($"The Quartz job store needs ConnectionStrings:{PersistenceSetup.ConnectionStringName}.")
        : connectionString;
}
