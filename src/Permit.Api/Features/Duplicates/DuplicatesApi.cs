using System.Security.Claims;
using Permit.Api.Features.Points;
using Permit.Api.Infrastructure.Http;
using Permit.Api.Security.Authorization;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Duplicates;

/// <summary>
/// <c>/api/duplicates</c>: the suspected duplicates the daily scan found and the supervisor's decision on each (docs/duplicates.md).
/// Supervisors only (a registrar gets 403). A pair is shown and decided only when both residents lie in the supervisor's
/// jurisdiction: otherwise it answers 404, as for a pair that does not exist (docs/jurisdictions.md).
/// </summary>
public static class DuplicatesApi
{
    public static IEndpointRouteBuilder MapDuplicates(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/duplicates").RequireAuthorization(Policies.Supervisor).WithTags("Duplicates");
        group.MapGet("/", ListAsync).WithName("ListSuspectedDuplicates").WithSummary("Open suspected duplicates with their evidence.");
        group.MapPost("/{id:guid}/merge", MergeAsync).WithBodyLimit(RequestLimits.Json).WithName("MergeDuplicate")
            .WithSummary("Keeps one resident and moves every record of the other onto it (audited, idempotent, one transaction).");
        group.MapPost("/{id:guid}/not-same-person", NotSamePersonAsync).WithName("RejectDuplicate")
            .WithSummary("Records that the two are different people: the pair is not suggested again.");
        return app;
    }

    public static async Task<Ok<List<SuspicionResponse>>> ListAsync(PermitDbContext db, HttpContext http, CancellationToken ct)
    {
        // The joins go through the jurisdiction filter: a pair with a resident outside it is not listed.
        var rows = await (
                from s in db.Set<DuplicateSuspicion>().AsNoTracking()
                where s.Status == SuspicionStatus.Open
                join a in db.Residents on s.FirstResidentId equals a.Id
                join b in db.Residents on s.SecondResidentId equals b.Id
                orderby s.FoundAt, s.Id
                select new
                {
                    Suspicion = s,
                    First = new { a.Id, a.Name, a.CitizenId, a.BirthDate, a.AreaCode, Registrations = db.ResidenceRegistrations.Count(g => g.ResidentId == a.Id), Permits = db.ResidencePermits.Count(p => p.ResidentId == a.Id) },
                    Second = new { b.Id, b.Name, b.CitizenId, b.BirthDate, b.AreaCode, Registrations = db.ResidenceRegistrations.Count(g => g.ResidentId == b.Id), Permits = db.ResidencePermits.Count(p => p.ResidentId == b.Id) },
                })
            .Take(500)
            .ToListAsync(ct);
        var list = rows.Select(r => new SuspicionResponse(
            r.Suspicion.Id, r.Suspicion.Rule.ToString(), r.Suspicion.Position, r.Suspicion.Digits,
            SuspicionResponse.Variances(r.Suspicion.NameVariance), r.Suspicion.Evidence, r.Suspicion.FoundAt, r.Suspicion.Status.ToString(),
            new SuspectedResident(r.First.Id, r.First.Name, r.First.CitizenId.Masked, r.First.BirthDate, r.First.AreaCode, r.First.Registrations, r.First.Permits),
            new SuspectedResident(r.Second.Id, r.Second.Name, r.Second.CitizenId.Masked, r.Second.BirthDate, r.Second.AreaCode, r.Second.Registrations, r.Second.Permits)))
            .ToList();
        foreach (var id in list.SelectMany(s => new[] { s.First.Id, s.Second.Id }).Distinct())
            http.Audit("resident.read", id, "suspected duplicates list");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<MergeResponse>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        Guid id, MergeRequest request, PermitDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SurvivorId is not { } survivorId)
            return Problems.Invalid("survivorId", "Say which of the two residents is kept.", "duplicate-survivor-invalid");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var suspicion = await db.Set<DuplicateSuspicion>().SingleOrDefaultAsync(s => s.Id == id, ct);
        // Both residents are looked up through the jurisdiction filter: one outside it makes the pair "not found".
        var survivor = await db.Residents.SingleOrDefaultAsync(r => r.Id == survivorId, ct);
        if (suspicion is null || survivor is null || !suspicion.Involves(survivorId))
        {
            return suspicion is not null && survivor is not null
                ? Problems.Invalid("survivorId", "The surviving resident must be one of the suspected pair.", "duplicate-survivor-invalid")
                : Problems.NoSuch("suspected duplicate");
        }

        // Asked again (a retry, a double click): the merge that was made is the answer.
        if (suspicion.Status == SuspicionStatus.Merged && suspicion.SurvivorId == survivorId
            && await db.Set<ResidentMerge>().AsNoTracking().SingleOrDefaultAsync(m => m.SuspicionId == suspicion.Id, ct) is { } done)
            return TypedResults.Ok(MergeResponse.From(done));

        var merged = await db.Residents.SingleOrDefaultAsync(r => r.Id == suspicion.Other(survivorId), ct);
        if (merged is null && suspicion.Status == SuspicionStatus.Open)
            return Problems.NoSuch("suspected duplicate");
        if (merged is null)
            return Problems.Problem("duplicate-already-decided", "This suspected duplicate has already been decided.");

        var merge = await http.RequestServices.GetRequiredService<ResidentMerger>()
            .MergeAsync(suspicion, survivor, merged, PointsApi.OfficerName(user), time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(MergeResponse.From(merge));
    }

    public static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> NotSamePersonAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var suspicion = await db.Set<DuplicateSuspicion>().SingleOrDefaultAsync(s => s.Id == id, ct);
        var visible = suspicion is not null
            && await db.Residents.CountAsync(r => r.Id == suspicion.FirstResidentId || r.Id == suspicion.SecondResidentId, ct) == 2;
        if (suspicion is null || !visible)
            return Problems.NoSuch("suspected duplicate");
        if (suspicion.Status == SuspicionStatus.NotSamePerson)
            return TypedResults.Ok(new DecisionResponse(suspicion.Id, suspicion.Status.ToString(), suspicion.DecidedAt));

        suspicion.RejectAsDifferentPeople(PointsApi.OfficerName(user), time.GetUtcNow());
        http.Audit("duplicate.not-same-person", suspicion.FirstResidentId, $"not the same person as {suspicion.SecondResidentId}");
        http.Audit("duplicate.not-same-person", suspicion.SecondResidentId, $"not the same person as {suspicion.FirstResidentId}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DecisionResponse(suspicion.Id, suspicion.Status.ToString(), suspicion.DecidedAt));
    }
}
