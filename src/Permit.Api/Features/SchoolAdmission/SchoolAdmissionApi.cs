using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.SchoolAdmission;

/// <summary>
/// <c>/api/school-admission</c>: 积分入学. A supervisor opens a round for a school zone and year and runs the
/// allocation; registrars enter applicants and read the results. One line in Program.cs: <c>app.MapSchoolAdmission();</c>.
/// </summary>
public static class SchoolAdmissionApi
{
    public static IEndpointRouteBuilder MapSchoolAdmission(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var rounds = app.MapGroup("/api/school-admission/rounds").RequireAuthorization(Policies.Registrar).WithTags("School admission");

        rounds.MapPost("/", AdmissionRounds.OpenAsync)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("OpenAdmissionRound")
            .WithSummary("Open a round for a school zone and year: places and conditions (residence, insurance, age window, points floor)");
        rounds.MapGet("/{id:guid}", AdmissionRounds.GetAsync)
            .WithName("GetAdmissionRound")
            .WithSummary("A round with its conditions, applicant count and runs");
        rounds.MapPost("/{id:guid}/applicants", AdmissionRounds.EnterApplicantAsync)
            .WithName("EnterAdmissionApplicant")
            .WithSummary("Enter a child: name, birth date, the parent's permit number and the verified months of residence and insurance");
        rounds.MapPost("/{id:guid}/runs", AllocationRuns.RunAsync)
            .RequireAuthorization(Policies.Supervisor)
            .WithName("RunAdmissionAllocation")
            .WithSummary("Rank the eligible by the parents' points (snapshotted with the run) and fill the places; ties broken as documented");
        rounds.MapGet("/{id:guid}/runs/{runId:guid}", AllocationRuns.GetAsync)
            .WithName("GetAdmissionAllocationRun")
            .WithSummary("A run's result per applicant (rank, points, tie-break, why), recomputed from its snapshot to show it is reproducible");
        return app;
    }
}
