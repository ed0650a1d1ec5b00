using System.Security.Claims;
using Microsoft.Extensions.Options;
using Permit.Api.Features.Permits;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Admins see the jobs and their runs and run a job now, for the period due or a named one. A period already run
/// answers 409 <c>job-period-already-run</c> with that run: jobs never do a period twice, by hand either.
/// </summary>
public static class JobsApi
{
    public const string JobNotFound = "job-not-found";
    public const string PeriodInvalid = "job-period-invalid";
    public const string AlreadyRun = "job-period-already-run";
    private const int MaxRuns = 200;

    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/jobs").WithTags("Jobs").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListJobs).WithName("ListJobs")
            .WithSummary("The scheduled jobs: cadence, cron schedule (China time), the period due now and the last run.");
        group.MapGet("/runs", ListRuns).WithName("ListJobRuns")
            .WithSummary("Job runs, newest first; ?job= narrows to one job, ?take= (at most 200) limits the list.");
        group.MapPost("/{name}/runs", RunNow).WithName("RunJobNow")
            .WithSummary("Runs a job now for the period due (or the one given); 409 when that period was already run.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<JobResponse>>> ListJobs(
        JobRunner runner, PermitDbContext db, IOptions<JobsOptions> options, CancellationToken cancellationToken)
    {
        var last = await db.Set<JobRun>().AsNoTracking()
            .GroupBy(r => r.Job)
            .Select(g => g.OrderByDescending(r => r.StartedAt).First())
            .ToListAsync(cancellationToken);
        var schedules = options.Value.Schedules;
        IReadOnlyList<JobResponse> jobs = [.. runner.Jobs.Select(j => new JobResponse(
            j.Name, j.Cadence.ToString(), schedules.GetValueOrDefault(j.Name), runner.DuePeriod(j).Key,
            last.FirstOrDefault(r => r.Job == j.Name) is { } run ? JobRunResponse.From(run) : null))];
        return TypedResults.Ok(jobs);
    }

    public static async Task<Ok<IReadOnlyList<JobRunResponse>>> ListRuns(
        PermitDbContext db, string? job, int? take, CancellationToken cancellationToken)
    {
        var runs = db.Set<JobRun>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(job))
            runs = runs.Where(r => r.Job == job);
        var list = await runs.OrderByDescending(r => r.StartedAt).ThenBy(r => r.Job)
            .Take(Math.Clamp(take ?? 50, 1, MaxRuns))
            .ToListAsync(cancellationToken);
        IReadOnlyList<JobRunResponse> response = [.. list.Select(JobRunResponse.From)];
        return TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<JobRunResponse>, ValidationProblem, ProblemHttpResult>> RunNow(
        string name, RunJobRequest? request, JobRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var job = runner.Find(name);
        if (job is null)
            return Problems.Problem(JobNotFound, $"There is no job named {name}.");
        var period = runner.DuePeriod(job);
        if (request?.Period is { } text && !JobPeriod.TryParse(job.Cadence, text, out period))
        {
            var format = job.Cadence == JobCadence.Daily ? "yyyy-MM-dd" : "yyyy-MM";
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["period"] = [$"{job.Name} runs per {job.Cadence} period: {format}."] },
                type: Problems.TypeOf(PeriodInvalid), title: "The request is not valid.");
        }

        var trigger = $"admin:{http.User.FindFirstValue(PermitClaims.Subject) ?? "unknown"}";
        var result = await runner.RunAsync(job, period, trigger, cancellationToken);
        if (!result.Ran)
        {
            return Problems.Problem(AlreadyRun,
                $"{job.Name} was already run for {period.Key}.",
                new Dictionary<string, object?> { ["run"] = JobRunResponse.From(result.Run) });
        }

        return TypedResults.Ok(JobRunResponse.From(result.Run));
    }
}
