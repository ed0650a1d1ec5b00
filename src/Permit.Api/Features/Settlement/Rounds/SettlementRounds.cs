using System.Security.Claims;
using Permit.Api.Features.Families;
using Permit.Api.Features.Points;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement.Rounds;

/// <summary>
/// 积分落户 rounds for officers: a supervisor opens a round, registrars enter applicants inside the window (a snapshot of
/// the register), a supervisor publishes the ranking (公示), objections are filed and decided during publicity (an
/// upheld one re-runs the ranking and shows what changed), and the supervisor makes the list final (the settled
/// applicants' permits end). Every ranking is recomputed from the stored inputs when read.
/// </summary>
public static class SettlementRounds
{
    public const string MemberIsApplicantCode = "settlement-round-member-is-applicant";

    public const string MemberNamedTwiceCode = "settlement-round-member-named-twice";

    public static async Task<Results<Created<RoundResponse>, ProblemHttpResult>> OpenAsync(
        OpenRoundRequest request, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        SettlementRound round;
        round = SettlementRound.Open(request.Year, request.Quota, SettlementIndexes.Zhenhai2026,
            request.ApplicationOpens ?? ChinaDate.Today(time), request.ApplicationCloses ?? DateOnly.MinValue, request.PublicityDays,
            new RoundFloors(request.PermitMonths, request.InsuranceMonths, request.NoFreeze), PointsApi.OfficerName(user));
        if (await db.Set<SettlementRound>().AnyAsync(r => r.Year == round.Year, ct))
            return Problems.Problem("settlement-round-exists", $"A settlement round for {round.Year} already exists.");
        db.Add(round);
        audit.Record("settlement.round.open", null, $"round {round.Year}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/settlement/rounds/{round.Id}", await ResponseAsync(db, user, round, ct));
    }

    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> GetAsync(Guid id, PermitDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await db.Set<SettlementRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return round is null ? Problems.NoSuch("settlement round") : TypedResults.Ok(await ResponseAsync(db, user, round, ct));
    }

    public static async Task<Results<Created<RoundApplicantResponse>, ValidationProblem, ProblemHttpResult>> EnterAsync(
        Guid id, EnterRoundRequest request, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var round = await db.Set<SettlementRound>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
            return Problems.NoSuch("settlement round");
        if (!await OfficerScope.Residents(db, user).AnyAsync(r => r.Id == request.ResidentId, ct))
            return Problems.NoSuch("resident");
        var today = ChinaDate.Today(time);
        round.EnsureTakingApplications(today);
        if (await db.Set<RoundApplicant>().AnyAsync(a => a.RoundId == id && a.ResidentId == request.ResidentId, ct))
            return Problems.Problem("settlement-round-applicant-exists", "This resident has already applied in this round.");

        // The family members settling with the applicant: checked exactly as a category application checks them, under
        // the family rules of the condition set in force (looked up only when someone is named).
        IReadOnlyList<SettlingMember> members = [];
        if (request.Members is { Count: > 0 })
        {
            var register = await RegisterFacts.OfAsync(db, request.ResidentId, today, ct);
            var (named, refusal) = await SettlingMembers.FactsAsync(db, user, request.ResidentId, register.Address, request.Members, today, ct);
            if (refusal is not null)
                return refusal;
            var set = await ConditionSetCatalogue.InForceAsync(db, today, ct);
            members = SettlingMember.CheckAll(request.ResidentId, set, named);
        }

        // In one round a person settles once: as an applicant, or with one applicant. Checked both ways.
        var memberIds = members.Select(m => m.MemberId).ToList();
        var inRound = db.Set<RoundApplicant>().Where(a => a.RoundId == id);
        if (await inRound.AnyAsync(a => memberIds.Contains(a.ResidentId) || a.Members.Any(m => m.MemberId == request.ResidentId), ct))
            return Problems.Problem(MemberIsApplicantCode, "In a round a person is either an applicant or a family member settling with one, not both.");
        if (memberIds.Count > 0 && await inRound.AnyAsync(a => a.Members.Any(m => memberIds.Contains(m.MemberId)), ct))
            return Problems.Problem(MemberNamedTwiceCode, "A family member named here already settles with another applicant of this round.");

        var standing = await IndexStanding.OfAsync(db, request.ResidentId, today, ct);
        var applicant = new RoundApplicant(id, request.ResidentId, time.GetUtcNow(), standing.Facts, standing.PermitMonths, standing.Frozen, PointsApi.OfficerName(user), members);
        db.Add(applicant);
        audit.Record("settlement.round.apply", request.ResidentId, $"round {round.Year}");
        foreach (var m in members)
            audit.Record("settlement.member", m.MemberId, $"named to settle with round {round.Year} applicant {applicant.Id}");
        await db.SaveChangesAsync(ct);
        var index = SettlementIndexes.Zhenhai2026;
        var view = await SettlingMembers.ViewAsync(db, user, applicant.Members, ct);
        return TypedResults.Created($"/api/settlement/rounds/{id}",
            new RoundApplicantResponse(applicant.Id, id, applicant.ResidentId, index.TotalHundredths(applicant.Facts) / 100m, applicant.PermitMonths, applicant.Frozen,
                [.. applicant.Members.Select(view)]));
    }

    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> CloseApplicationsAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var round = await db.Set<SettlementRound>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
            return Problems.NoSuch("settlement round");
        round.CloseApplications(ChinaDate.Today(time));
        audit.Record("settlement.round.close", null, $"round {round.Year}: applications closed");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(db, user, round, ct));
    }

    public static async Task<Results<Ok<RoundResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var round = await db.Set<SettlementRound>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
            return Problems.NoSuch("settlement round");
        round.Publish(ChinaDate.Today(time));
        var lines = await RankAsync(db, round, ct);
        db.Add(new RoundRun(round.Id, 1, "publication", time.GetUtcNow(), PointsApi.OfficerName(user), lines));
        audit.Record("settlement.round.publish", null, $"round {round.Year}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(db, user, round, ct));
    }

    public static async Task<Results<Created<ObjectionResponse>, ProblemHttpResult>> FileObjectionAsync(
        Guid id, ObjectionRequest request, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var round = await db.Set<SettlementRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var applicant = await InScope(db, user).SingleOrDefaultAsync(a => a.Id == request.ApplicantId && a.RoundId == id, ct);
        if (round is null || applicant is null)
            return Problems.NoSuch("settlement round applicant");
        var objection = RoundObjection.File(round, applicant.Id, request.Source, request.ClaimedValue, request.Claim, ChinaDate.Today(time), time.GetUtcNow(), PointsApi.OfficerName(user));
        db.Add(objection);
        audit.Record("settlement.objection.file", applicant.ResidentId, $"round {round.Year}, {objection.Source}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/settlement/rounds/{id}/objections/{objection.Id}", ToResponse(objection, []));
    }

    public static async Task<Results<Ok<ObjectionResponse>, ValidationProblem, ProblemHttpResult>> DecideObjectionAsync(
        Guid id, Guid objectionId, ObjectionDecisionRequest request, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = request.Decision?.Trim().ToLowerInvariant();
        if (decision is not ("uphold" or "dismiss"))
            return Problems.Invalid("decision", "decision is uphold or dismiss.", "settlement-decision-invalid");
        var round = await db.Set<SettlementRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var objection = await db.Set<RoundObjection>().SingleOrDefaultAsync(o => o.Id == objectionId && o.RoundId == id, ct);
        if (round is null || objection is null)
            return Problems.NoSuch("objection");
        objection.Decide(round, OfficialOf(user), decision == "uphold", request.Reasons, ChinaDate.Today(time), time.GetUtcNow());

        var residentId = await db.Set<RoundApplicant>().Where(a => a.Id == objection.ApplicantId).Select(a => a.ResidentId).SingleAsync(ct);
        audit.Record($"settlement.objection.{decision}", residentId, $"round {round.Year}, {objection.Source}");
        IReadOnlyList<RankChange> changes = [];
        if (objection.Status == ObjectionStatus.Upheld)
        {
            // The re-run sees this decision before it is saved; the decision and the run are saved together.
            var last = await LatestRunAsync(db, id, ct);
            var lines = await RankAsync(db, round, ct, objection);
            db.Add(new RoundRun(id, (last?.Sequence ?? 0) + 1, $"objection:{objection.Id}", time.GetUtcNow(), PointsApi.OfficerName(user), lines));
            changes = await ChangesAsync(db, user, last?.Result() ?? [], lines, ct);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(objection, changes));
    }

    public static async Task<Results<Ok<FinalListResponse>, ProblemHttpResult>> FinalizeAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var round = await db.Set<SettlementRound>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
            return Problems.NoSuch("settlement round");
        var today = ChinaDate.Today(time);
        var pending = await db.Set<RoundObjection>().CountAsync(o => o.RoundId == id && o.Status == ObjectionStatus.Pending, ct);
        round.Finalize(today, pending);
        var final = (await LatestRunAsync(db, id, ct))!.Result();
        var settled = final.Where(l => l.Outcome == SettlementRanking.Outcomes.Settled).Select(l => l.ApplicantId).ToList();
        // The settled applicants and the members settling with them, and no one else: a not-settled applicant's members keep their permits.
        var households = await db.Set<RoundApplicant>().AsNoTracking().Where(a => settled.Contains(a.Id)).ToListAsync(ct);
        List<Guid> residents = [.. households.Select(a => a.ResidentId), .. households.SelectMany(a => a.Members.Select(m => m.MemberId))];
        var ended = await SettlementOutcome.EndPermitsAsync(db, audit, residents, today, $"points round {round.Year}", ct);
        audit.Record("settlement.round.final", null, $"round {round.Year}: {households.Count} settled, {residents.Count - households.Count} family members with them");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new FinalListResponse(await ResponseAsync(db, user, round, ct), ended));
    }

    /// <summary>Round applicants whose resident the officer may see (the one place the jurisdiction filter reaches them).</summary>
    public static IQueryable<RoundApplicant> InScope(PermitDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var residents = OfficerScope.Residents(db, user);
        return db.Set<RoundApplicant>().Where(a => residents.Any(r => r.Id == a.ResidentId));
    }

    /// <summary>Ranks the round from its stored inputs: the applicants' snapshots with the upheld objections applied.</summary>
    public static async Task<IReadOnlyList<RoundLine>> RankAsync(PermitDbContext db, SettlementRound round, CancellationToken ct, RoundObjection? deciding = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(round);
        var applicants = await db.Set<RoundApplicant>().AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(ct);
        var objections = await db.Set<RoundObjection>().AsNoTracking().Where(o => o.RoundId == round.Id && o.Status == ObjectionStatus.Upheld).ToListAsync(ct);
        if (deciding is not null && objections.All(o => o.Id != deciding.Id))
            objections.Add(deciding);
        return SettlementRanking.Rank(round.Id, round.Quota, round.Floors, SettlementIndexes.Zhenhai2026, applicants.Select(a => a.Candidate(objections)));
    }

    public static Task<RoundRun?> LatestRunAsync(PermitDbContext db, Guid roundId, CancellationToken ct) =>
        db.Set<RoundRun>().AsNoTracking().Where(r => r.RoundId == roundId).OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(ct);

    /// <summary>The round as officers see it: its latest stored ranking (names within the officer's jurisdiction) and whether it is reproducible.</summary>
    public static async Task<RoundResponse> ResponseAsync(PermitDbContext db, ClaimsPrincipal user, SettlementRound round, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(round);
        var applicants = await db.Set<RoundApplicant>().CountAsync(a => a.RoundId == round.Id, ct);
        var runs = await db.Set<RoundRun>().CountAsync(r => r.RoundId == round.Id, ct);
        var last = await LatestRunAsync(db, round.Id, ct);
        var stored = last?.Result() ?? [];
        var reproducible = last is not null && (await RankAsync(db, round, ct)).SequenceEqual(stored);
        var names = await NamesAsync(db, user, stored.Select(l => l.ApplicantId), ct);
        var households = await db.Set<RoundApplicant>().AsNoTracking().Where(a => a.RoundId == round.Id).ToDictionaryAsync(a => a.Id, a => a.Members, ct);
        var view = await SettlingMembers.ViewAsync(db, user, households.Values.SelectMany(m => m), ct);
        IReadOnlyList<SettlingMemberResponse> MembersOf(Guid applicant) =>
            [.. households.GetValueOrDefault(applicant, []).Select(view).Where(m => m.Name.Length > 0)];
        return new RoundResponse(round.Id, round.Year, round.Quota, round.IndexVersion, round.ApplicationOpens, round.ApplicationCloses, round.PublicityDays,
            round.FloorPermitMonths, round.FloorInsuranceMonths, round.FloorNoFreeze, round.Status.ToString().ToLowerInvariant(),
            round.PublicityOpens, round.PublicityCloses, round.FinalizedOn, applicants, runs, reproducible,
            [.. stored.Where(l => names.ContainsKey(l.ApplicantId)).Select(l => new RoundLineResponse(l.ApplicantId, names[l.ApplicantId].ResidentId,
                names[l.ApplicantId].Name, l.ScoreHundredths / 100m, l.Rank, l.Outcome, l.Reason, l.TieBreak, MembersOf(l.ApplicantId)))]);
    }

    private static async Task<Dictionary<Guid, (Guid ResidentId, string Name)>> NamesAsync(PermitDbContext db, ClaimsPrincipal user, IEnumerable<Guid> applicantIds, CancellationToken ct)
    {
        var ids = applicantIds.ToList();
        var rows = await InScope(db, user).Where(a => ids.Contains(a.Id))
            .Join(db.Residents, a => a.ResidentId, r => r.Id, (a, r) => new { a.Id, a.ResidentId, r.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.ResidentId, r.Name));
    }

    /// <summary>What moved between two rankings (rank, outcome or score), with the names the officer may see.</summary>
    public static async Task<IReadOnlyList<RankChange>> ChangesAsync(PermitDbContext db, ClaimsPrincipal user, IReadOnlyList<RoundLine> before, IReadOnlyList<RoundLine> after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changes = SettlementRanking.Changes(before, after);
        var names = await NamesAsync(db, user, changes.Select(c => c.ApplicantId), ct);
        return [.. changes.Select(c => new RankChange(c.ApplicantId, names.TryGetValue(c.ApplicantId, out var n) ? n.Name : "",
            c.Before?.Rank, c.After.Rank, c.Before?.Outcome, c.After.Outcome, c.Before?.ScoreHundredths / 100m, c.After.ScoreHundredths / 100m))];
    }

    private static ObjectionResponse ToResponse(RoundObjection o, IReadOnlyList<RankChange> changes) =>
        new(o.Id, o.ApplicantId, o.Source, o.ClaimedValue, o.Status.ToString().ToLowerInvariant(), o.FiledOn, o.DecisionReasons, changes);

    private static Official OfficialOf(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(PermitClaims.Role);
        var id = user.FindFirstValue(PermitClaims.Name) ?? user.FindFirstValue(PermitClaims.Subject) ?? "unknown";
        return new Official(id, role is Roles.Supervisor or Roles.Admin ? OfficialRole.Supervisor : OfficialRole.Clerk);
    }
}
