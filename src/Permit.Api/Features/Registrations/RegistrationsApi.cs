using Permit.Api.Security.Authorization;
using Permit.Domain.Registrations;
using Permit.Domain.Common;
using Permit.Api.Infrastructure.Http;
using Permit.Api.Features.Communities;

namespace Permit.Api.Features.Registrations;

/// <summary>
/// Residence registrations: declared at the desk, changes of address or workplace (late ones accepted and flagged),
/// moving out. Registrars and above; every change is audited with the change itself.
/// </summary>
public static class RegistrationsApi
{
    public static RouteGroupBuilder MapRegistrations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/registrations").WithTags("Registrations").RequireAuthorization(Policies.Registrar);
        group.MapPost("/", Declare).WithBodyLimit(RequestLimits.Json)
            .WithName("DeclareRegistration").WithSummary("Records a migrant's residence registration, dated today.");
        group.MapGet("/{id:guid}", Read).WithName("GetRegistration").WithSummary("Reads a registration and its changes (audited).");
        group.MapPost("/{id:guid}/address-changes", ChangeAddress).WithBodyLimit(RequestLimits.Json)
            .WithName("ChangeRegistrationAddress")
            .WithSummary("Declares a new address; declared more than 10 days after the move it is accepted and flagged late.");
        group.MapPost("/{id:guid}/workplace-changes", ChangeWorkplace).WithBodyLimit(RequestLimits.Json)
            .WithName("ChangeRegistrationWorkplace")
            .WithSummary("Declares a new employer, school or landlord; late declarations are flagged.");
        group.MapPost("/{id:guid}/move-out", MoveOut).WithBodyLimit(RequestLimits.Json)
            .WithName("MoveOut").WithSummary("Ends the registration: the resident has left.");
        return group;
    }

    public static async Task<Results<Created<RegistrationResponse>, ValidationProblem, ProblemHttpResult>> Declare(
        DeclareRegistrationRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.ResidentId is null || request.ResidentId == Guid.Empty)
            errors.Add("residentId", DeskFields.Required, "residentId is required.");
        var community = errors.CommunityInJurisdiction("communityCode", request.CommunityCode, db);
        await errors.CheckOfferedAsync("communityCode", community, db, cancellationToken);
        var arrival = errors.Date("arrivalDate", request.ArrivalDate);
        var basis = errors.Basis("basis", request.Basis);
        if (errors.Any)
            return Problems.Invalid(errors);

        var residentId = request.ResidentId!.Value;
        if (!await db.Residents.AnyAsync(r => r.Id == residentId, cancellationToken))
            return Problems.NoSuch("resident");
        if (await db.ResidenceRegistrations.AnyAsync(g => g.ResidentId == residentId && g.Status == RegistrationStatus.Active, cancellationToken))
            return Problems.Problem("registration-already-active", "The resident already has an active registration; declare a change or move out first.");

        var registration = ResidenceRegistration.Declare(residentId, request.Address!, community!, arrival!.Value, ChinaDate.Today(time),
            basis!.Value, request.Evidence!, request.EmployerOrLandlord!);

        db.ResidenceRegistrations.Add(registration);
        http.Audit("registration.declare", residentId, "residence registration at the desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/registrations/{registration.Id}", RegistrationResponse.From(registration));
    }

    public static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> Read(
        Guid id, PermitDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var registration = await db.ResidenceRegistrations.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (registration is null)
            return Problems.NoSuch("registration");
        http.Audit("registration.read", registration.ResidentId, "read at the registration desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RegistrationResponse.From(registration));
    }

    public static async Task<Results<Ok<ChangeResponse>, ValidationProblem, ProblemHttpResult>> ChangeAddress(
        Guid id, AddressChangeRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var community = errors.CommunityInJurisdiction("communityCode", request.CommunityCode, db);
        await errors.CheckOfferedAsync("communityCode", community, db, cancellationToken);
        var changedOn = errors.Date("changedOn", request.ChangedOn);
        if (errors.Any)
            return Problems.Invalid(errors);
        return await Change(id, db, http, "registration.change-address",
            g => g.ChangeAddress(request.Address!, community!, changedOn!.Value, ChinaDate.Today(time)), cancellationToken);
    }

    public static async Task<Results<Ok<ChangeResponse>, ValidationProblem, ProblemHttpResult>> ChangeWorkplace(
        Guid id, WorkplaceChangeRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var changedOn = errors.Date("changedOn", request.ChangedOn);
        if (errors.Any)
            return Problems.Invalid(errors);
        return await Change(id, db, http, "registration.change-workplace",
            g => g.ChangeWorkplace(request.EmployerOrLandlord!, request.Evidence!, changedOn!.Value, ChinaDate.Today(time)), cancellationToken);
    }

    public static async Task<Results<Ok<RegistrationResponse>, ValidationProblem, ProblemHttpResult>> MoveOut(
        Guid id, MoveOutRequest request, PermitDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var movedOutOn = errors.Date("movedOutOn", request.MovedOutOn);
        if (errors.Any)
            return Problems.Invalid(errors);
        var registration = await db.ResidenceRegistrations.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (registration is null)
            return Problems.NoSuch("registration");
        registration.MoveOut(movedOutOn!.Value);
        http.Audit("registration.move-out", registration.ResidentId, "departure declared at the desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RegistrationResponse.From(registration));
    }

    private static async Task<Results<Ok<ChangeResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, PermitDbContext db, HttpContext http, string action,
        Func<ResidenceRegistration, RegistrationChange> declare, CancellationToken cancellationToken)
    {
        var registration = await db.ResidenceRegistrations.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (registration is null)
            return Problems.NoSuch("registration");
        var change = declare(registration);
        http.Audit(action, registration.ResidentId, change.IsLate ? "change declared late at the desk" : "change declared at the desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ChangeResponse.From(change));
    }
}
