using System.Security.Claims;
using Permit.Api.Security.Authorization;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Registrations;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Applications;

/// <summary>
/// Permit applications: submitted with documents, missing documents named all at once (一次性告知), accepted (due in 15
/// days), approved by a supervisor or rejected with a reason; the overdue list shows what the 15 days have passed on.
/// </summary>
public static class ApplicationsApi
{
    /// <summary>Problem type of an acceptance refused for missing documents; extension <c>missingDocuments</c> lists them all.</summary>
    public const string DocumentsMissing = "application-documents-missing";

    public static RouteGroupBuilder MapApplications(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.Registrar);
        group.MapPost("/", Submit).WithBodyLimit(RequestLimits.Json).WithName("SubmitApplication")
            .WithSummary("Submits a permit application on the resident's active registration; lists every missing document at once.");
        group.MapGet("/overdue", Overdue).WithName("ListOverdueApplications")
            .WithSummary("Accepted applications still undecided after their due date, most overdue first.");
        group.MapGet("/{id:guid}", Read).WithName("GetApplication").WithSummary("Reads an application (audited).");
        group.MapPost("/{id:guid}/documents", AddDocuments).WithBodyLimit(RequestLimits.Json).WithName("AddApplicationDocuments")
            .WithSummary("Hands in further documents; the answer lists whatever is still missing.");
        group.MapPost("/{id:guid}/accept", Accept).WithName("AcceptApplication")
            .WithSummary("Accepts a complete application of an eligible applicant: the permit is due in 15 days.");
        group.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.Supervisor).WithName("ApproveApplication")
            .WithSummary("A supervisor approves an accepted application.");
        group.MapPost("/{id:guid}/due-date-extension", ExtendDueDate).RequireAuthorization(Policies.Supervisor)
            .WithBodyLimit(RequestLimits.Json).WithName("ExtendApplicationDueDate")
            .WithSummary("A supervisor extends an accepted application's due date once, to 30 days after acceptance, with a reason (audited).");
        group.MapPost("/{id:guid}/reject", Reject).WithBodyLimit(RequestLimits.Json).WithName("RejectApplication")
            .WithSummary("Rejects an undecided application with the reason the applicant will read.");
        return group;
    }

    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Submit(
        SubmitApplicationRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.ResidentId is null || request.ResidentId == Guid.Empty)
            errors.Add("residentId", DeskFields.Required, "residentId is required.");
        var exemption = DistrictExemption.None;
        if (request.Exemption is not null && !TryParseName(request.Exemption, out exemption))
            errors.Add("exemption", "application-exemption-invalid", "exemption is none, talent, investor or entrepreneur.");
        var documents = ParseDocuments(errors, request.Documents);
        if (errors.Any)
            return Problems.Invalid(errors);

        var residentId = request.ResidentId!.Value;
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, cancellationToken))
            return Problems.NoSuch("resident");
        var registration = await db.ResidenceRegistrations
            .SingleOrDefaultAsync(g => g.ResidentId == residentId && g.Status == RegistrationStatus.Active, cancellationToken);
        if (registration is null)
        {
            return Problems.Problem("application-registration-required",
                "The resident has no active residence registration: register first.");
        }
        if (await db.PermitApplications.AnyAsync(a => a.ResidentId == residentId
                && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Accepted), cancellationToken))
        {
            return Problems.Problem("application-already-open", "The resident already has an undecided application.");
        }

        var today = ChinaDate.Today(time);
        var application = PermitApplication.Submit(residentId, registration, exemption, today);
        foreach (var (kind, reference) in documents)
            application.AddDocument(kind, reference, today);

        db.PermitApplications.Add(application);
        http.Audit("application.submit", residentId, "permit application at the desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/applications/{application.Id}", ApplicationResponse.From(application, today));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Read(
        Guid id, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var application = await db.PermitApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
            return Problems.NoSuch("application");
        http.Audit("application.read", application.ResidentId, "read at the registration desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApplicationResponse.From(application, ChinaDate.Today(time)));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> AddDocuments(
        Guid id, AddDocumentsRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var documents = ParseDocuments(errors, request.Documents);
        if (documents.Count == 0 && !errors.Any)
            errors.Add("documents", DeskFields.Required, "documents lists at least one document.");
        if (errors.Any)
            return Problems.Invalid(errors);
        var today = ChinaDate.Today(time);
        return await Change(id, db, http, "application.add-documents", "documents handed in", today, a =>
        {
            foreach (var (kind, reference) in documents)
                a.AddDocument(kind, reference, today);
            return null;
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        return await Change(id, db, http, "application.accept", "application accepted", today, a =>
        {
            // 一次性告知 needs the application to name every missing document: an answer, not a thrown rule.
            if (a.Status == ApplicationStatus.Submitted && a.MissingDocuments.Count > 0)
                return MissingDocumentsProblem(a);
            a.Accept(today);
            return null;
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var official = OfficialOf(http.User);
        return await Change(id, db, http, "application.approve", "application approved", today,
            a => Done(() => a.Approve(official, today)), cancellationToken);
    }

    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, RejectApplicationRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
            return Problems.Invalid("reason", "reason is required: the applicant reads it.", "application-rejection-reason-required");
        var today = ChinaDate.Today(time);
        var official = OfficialOf(http.User);
        return await Change(id, db, http, "application.reject", "application rejected", today,
            a => Done(() => a.Reject(request.Reason, official, today)), cancellationToken);
    }

    /// <summary>The reason goes into the audit line, so the trail says who postponed whose permit and why.</summary>
    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> ExtendDueDate(
        Guid id, ExtendDueDateRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ChinaDate.Today(time);
        var official = OfficialOf(http.User);
        var application = await db.PermitApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
            return Problems.NoSuch("application");
        var reason = application.ExtendDueDate(official, request.Reason);
        http.Audit("application.extend-due-date", application.ResidentId, $"due date extended to {application.DueDate:yyyy-MM-dd}: {reason}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApplicationResponse.From(application, today));
    }

    public static async Task<Ok<IReadOnlyList<OverdueApplicationResponse>>> Overdue(
        PermitDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var rows = await db.PermitApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Accepted && a.DueDate < today)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.ResidentId, a.AcceptedOn, a.DueDate })
            .ToListAsync(cancellationToken);
        IReadOnlyList<OverdueApplicationResponse> overdue = [.. rows.Select(r => new OverdueApplicationResponse(
            r.Id, r.ResidentId, r.AcceptedOn!.Value, r.DueDate!.Value, today.DayNumber - r.DueDate.Value.DayNumber))];
        return TypedResults.Ok(overdue);
    }

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, PermitDbContext db, HttpContext http, string action, string purpose, DateOnly today,
        Func<PermitApplication, ProblemHttpResult?> change, CancellationToken cancellationToken)
    {
        var application = await db.PermitApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
            return Problems.NoSuch("application");
        if (change(application) is { } refused)
            return refused;
        http.Audit(action, application.ResidentId, purpose);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApplicationResponse.From(application, today));
    }

    /// <summary>一次性告知: every missing document in one answer, as codes and as names the applicant reads.</summary>
    private static ProblemHttpResult MissingDocumentsProblem(PermitApplication application)
    {
        var problem = Problems.Details(DocumentsMissing, "Documents are missing; all of them are listed.",
            new Dictionary<string, object?> { ["missingDocuments"] = application.MissingDocuments.Select(RequiredDocumentResponse.From).ToList() });
        problem.Detail = "Missing documents: " + string.Join("; ", application.MissingDocuments.Select(m => m.Name)) + ".";
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult? Done(Action change)
    {
        change();
        return null;
    }

    private static List<(DocumentKind Kind, string Reference)> ParseDocuments(FieldErrors errors, IReadOnlyList<DocumentRequest>? documents)
    {
        var parsed = new List<(DocumentKind, string)>();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var document = documents![i];
            if (!TryParseName(document?.Kind, out DocumentKind kind))
                errors.Add($"documents[{i}].kind", "application-document-kind-invalid", $"documents[{i}].kind is not a known document kind.");
            if (string.IsNullOrWhiteSpace(document?.Reference))
                errors.Add($"documents[{i}].reference", "application-document-reference-required", $"documents[{i}].reference is required.");
            else if (document.Reference.Trim().Length > 200)
                errors.Add($"documents[{i}].reference", "application-document-reference-required", $"documents[{i}].reference is longer than 200 characters.");
            else
                parsed.Add((kind, document.Reference));
        }
        return parsed;
    }

    /// <summary>An enum by its name only (numbers would let undefined values through).</summary>
    private static bool TryParseName<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value)
        && !text!.Trim().All(char.IsAsciiDigit);

    /// <summary>The deciding official from the caller's token: supervisors and admins decide as supervisors.</summary>
    private static Official OfficialOf(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(PermitClaims.Role);
        var id = user.FindFirstValue(PermitClaims.Subject) ?? user.FindFirstValue(PermitClaims.Name) ?? "unknown";
        return new Official(id, role is Roles.Supervisor or Roles.Admin ? OfficialRole.Supervisor : OfficialRole.Clerk);
    }
}
