using Permit.Api.Infrastructure.Http;
using System.Security.Claims;
using Permit.Api.Features.Points;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Fields;
using Permit.Domain.Common;
using Permit.Domain.Families;
using Permit.Domain.Identity;
using Permit.Domain.Residents;

namespace Permit.Api.Features.Families;

/// <summary>
/// <c>/api/residents/{id}/family</c>: a resident's spouse, children and parents, each a resident of the register.
/// Registrars and above; every link and every read is audited for both people.
/// </summary>
public static class FamiliesApi
{
    public static IEndpointRouteBuilder MapFamilies(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var family = app.MapGroup("/api/residents/{id:guid}/family").RequireAuthorization(Policies.Registrar).WithTags("Families");
        family.MapGet("/", ListAsync).WithName("GetFamily").WithSummary("The resident's recorded spouse, children and parents (audited).");
        family.MapPost("/", LinkAsync).WithBodyLimit(RequestLimits.Json)
            .WithName("LinkFamilyMember").WithSummary("Links a resident as spouse, child or parent, with the evidence that proves it.");
        family.MapPost("/children", RegisterChildAsync).WithBodyLimit(RequestLimits.Json)
            .WithName("RegisterChildThroughGuardian")
            .WithSummary("The guardian registers a child under 16 (ID number from the hukou booklet, birth certificate number, consent) and links it.");
        return app;
    }

    public static async Task<Results<Ok<List<FamilyMemberResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, PermitDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (!await OfficerScope.Residents(db, user).AnyAsync(r => r.Id == id, ct))
            return Problems.NoSuch("resident");
        var members = await MembersOfAsync(db, user, id, ChinaDate.Today(time), ct);
        http.Audit("family.read", id, "family members at the registration desk");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(members);
    }

    public static async Task<Results<Created<FamilyMemberResponse>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid id, LinkFamilyMemberRequest request, PermitDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var relationship = ParseRelationship(errors, request.Relationship);
        var evidence = ParseEvidence(errors, request.EvidenceKind);
        var memberNumber = request.MemberId is null ? errors.CitizenId("memberIdNumber", request.MemberIdNumber, ChinaDate.Today(time)) : null;
        if (errors.Any)
            return Problems.Invalid(errors);
        var scope = OfficerScope.Residents(db, user);
        var resident = await scope.SingleOrDefaultAsync(r => r.Id == id, ct);
        var member = memberNumber is null
            ? await scope.SingleOrDefaultAsync(r => r.Id == request.MemberId, ct)
            : await scope.WhereCitizenIdIs(db.RequireCitizenIdProtector(), memberNumber).SingleOrDefaultAsync(ct);
        if (resident is null || member is null)
            return Problems.NoSuch("resident");
        if (await AlreadyLinkedAsync(db, id, member.Id, ct))
            return Problems.Problem("family-link-exists", "These two residents are already linked.");

        var today = ChinaDate.Today(time);
        var link = FamilyLink.Record(resident, member, relationship!.Value, evidence!.Value, request.EvidenceReference, today, PointsApi.OfficerName(user));
        db.Add(link);
        http.Audit("family.link", resident.Id, $"{link.Relationship} linked");
        http.Audit("family.link", member.Id, $"linked as {link.Relationship}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/residents/{id}/family", ToResponse(link, member, link.Relationship, today));
    }

    public static async Task<Results<Created<FamilyMemberResponse>, ValidationProblem, ProblemHttpResult>> RegisterChildAsync(
        Guid id, RegisterChildRequest request, PermitDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ChinaDate.Today(time);
        var errors = new FieldErrors();
        var citizenId = errors.CitizenId("idNumber", request.IdNumber, today);
        var name = errors.Text("name", request.Name);
        var hukou = errors.Text("hukouAddress", request.HukouAddress);
        var certificate = errors.Parse("birthCertificateNumber", () => BirthCertificateNumber.Parse(request.BirthCertificateNumber));
        EthnicGroup? ethnic = null;
        if (!EthnicGroup.TryParse(request.EthnicGroup?.Trim(), out ethnic))
            errors.Add("ethnicGroup", "ethnic-group-invalid", "ethnicGroup is a two-digit GB/T 3304 code.");
        if (!request.GuardianConsent)
            errors.Add("guardianConsent", "family-guardian-consent-required", $"A child under {FamilyLink.GuardianshipAge} is registered only with the guardian's consent.");
        var consentReference = errors.Text("consentReference", request.ConsentReference);
        if (citizenId is not null && !FamilyLink.IsUnderGuardianship(citizenId.BirthDate, today))
            errors.Add("idNumber", "family-child-not-minor", $"The ID number is of a person aged {FamilyLink.GuardianshipAge} or over: read their own ID card instead.");
        if (errors.Any)
            return Problems.Invalid(errors);

        var guardian = await OfficerScope.Residents(db, user).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (guardian is null)
            return Problems.NoSuch("resident");
        var child = await db.ResidentsWithCitizenId(citizenId!).SingleOrDefaultAsync(ct);
        var created = child is null;
        child ??= Resident.FromIdCard(new IdentityDetails(citizenId!, name!, citizenId!.Sex, ethnic!, citizenId.BirthDate, hukou!));
        if (!created && await AlreadyLinkedAsync(db, guardian.Id, child.Id, ct))
            return Problems.Problem("family-link-exists", "This child is already linked to the guardian.");
        var link = FamilyLink.Record(guardian, child, FamilyRelationship.Child, FamilyEvidenceKind.BirthCertificate, consentReference, today,
            PointsApi.OfficerName(user), new GuardianConsent(true, certificate!));
        if (created)
            db.Residents.Add(child);
        db.Add(link);
        if (created)
            http.Audit("resident.create", child.Id, "child under 16 registered by the guardian");
        http.Audit("family.link", guardian.Id, "child linked with guardian consent");
        http.Audit("family.link", child.Id, "linked as child with guardian consent");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/residents/{child.Id}", ToResponse(link, child, FamilyRelationship.Child, today));
    }

    /// <summary>The current family of <paramref name="residentId"/>, links in both directions, each named from that resident's side.</summary>
    public static async Task<List<FamilyMemberResponse>> MembersOfAsync(PermitDbContext db, ClaimsPrincipal user, Guid residentId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.Set<FamilyLink>().AsNoTracking()
            .Where(l => l.EndedOn == null && (l.ResidentId == residentId || l.MemberId == residentId))
            .ToListAsync(ct);
        var otherIds = links.Select(l => l.ResidentId == residentId ? l.MemberId : l.ResidentId).ToList();
        var others = await OfficerScope.Residents(db, user).AsNoTracking().Where(r => otherIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return [.. links
            .Where(l => others.ContainsKey(l.ResidentId == residentId ? l.MemberId : l.ResidentId))
            .Select(l => l.ResidentId == residentId
                ? ToResponse(l, others[l.MemberId], l.Relationship, today)
                : ToResponse(l, others[l.ResidentId], Inverse(l.Relationship), today))
            .OrderBy(m => m.Relationship, StringComparer.Ordinal).ThenBy(m => m.BirthDate)];
    }

    public static FamilyRelationship Inverse(FamilyRelationship relationship) => relationship switch
    {
        FamilyRelationship.Child => FamilyRelationship.Parent,
        FamilyRelationship.Parent => FamilyRelationship.Child,
        _ => relationship,
    };

    public static string Name(FamilyRelationship relationship) => relationship.ToString().ToLowerInvariant();

    private static FamilyMemberResponse ToResponse(FamilyLink link, Resident member, FamilyRelationship seenAs, DateOnly today) =>
        new(link.Id, member.Id, member.Name, member.BirthDate, FamilyLink.FullYears(member.BirthDate, today), Name(seenAs),
            link.EvidenceKind switch
            {
                FamilyEvidenceKind.MarriageCertificate => "marriage-certificate",
                FamilyEvidenceKind.BirthCertificate => "birth-certificate",
                _ => "hukou-booklet",
            },
            link.EvidenceReference, link.GuardianConsent, link.RecordedOn);

    private static Task<bool> AlreadyLinkedAsync(PermitDbContext db, Guid a, Guid b, CancellationToken ct) =>
        db.Set<FamilyLink>().AnyAsync(l => l.EndedOn == null && ((l.ResidentId == a && l.MemberId == b) || (l.ResidentId == b && l.MemberId == a)), ct);

    private static FamilyRelationship? ParseRelationship(FieldErrors errors, string? text)
    {
        if (Enum.TryParse<FamilyRelationship>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
            return value;
        errors.Add("relationship", "family-relationship-invalid", "relationship is spouse, child or parent.");
        return null;
    }

    private static FamilyEvidenceKind? ParseEvidence(FieldErrors errors, string? text)
    {
        var value = text?.Trim().ToLowerInvariant() switch
        {
            "marriage-certificate" => FamilyEvidenceKind.MarriageCertificate,
            "birth-certificate" => FamilyEvidenceKind.BirthCertificate,
            "hukou-booklet" => FamilyEvidenceKind.HukouBooklet,
            _ => (FamilyEvidenceKind?)null,
        };
        if (value is null)
            errors.Add("evidenceKind", "family-evidence-kind-invalid", "evidenceKind is marriage-certificate, birth-certificate or hukou-booklet.");
        return value;
    }
}
