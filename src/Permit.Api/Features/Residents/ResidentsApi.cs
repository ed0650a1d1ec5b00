using Permit.Api.Security.Authorization;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Residents;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Residents;

/// <summary>Residents: created from an ID card read (or typed in), read, and searched. Registrars and above.</summary>
public static class ResidentsApi
{
    public const string IdCardLongTerm = "长期";

    /// <summary>A decoded photo larger than this is refused (a reader delivers about 1 KB WLT or a few tens of KB JPEG).</summary>
    public const int MaxPhotoBytes = 96 * 1024;

    public static RouteGroupBuilder MapResidents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/residents").WithTags("Residents").RequireAuthorization(Policies.Registrar);

        group.MapPost("/from-id-card", FromIdCard).WithBodyLimit(RequestLimits.Json)
            .WithName("CreateResidentFromIdCard")
            .WithSummary("Records (or refreshes) a resident from the JSON `permit-agent read-id --json` prints.");
        group.MapPost("/", TypedIn).WithBodyLimit(RequestLimits.Json)
            .WithMetadata(new ProblemFieldNames(("address", "hukouAddress")))
            .WithName("CreateResident").WithSummary("Records a resident typed in from an ID card.");
        group.MapGet("/{id:guid}", Read).WithName("GetResident").WithSummary("Reads a resident's record (audited).");
        group.MapGet("/", ResidentSearch.Search).WithName("SearchResidents")
            .WithSummary("Finds residents by exact ID number, name prefix, permit number or community code (paged).");
        return group;
    }

    public static async Task<Results<Created<ResidentResponse>, Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> FromIdCard(
        IdCardResidentRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ChinaDate.Today(time);
        var errors = new FieldErrors();
        if (request.CardType is { } type && !string.Equals(type, "resident", StringComparison.Ordinal))
            return Problems.Invalid("cardType", "Only a resident ID card (cardType resident) registers a resident.", "id-card-not-resident");

        var citizenId = errors.CitizenId("idNumber", request.IdNumber, today);
        var name = errors.Text("name", request.Name);
        var sex = ParseSex(errors, request.Sex);
        var ethnic = ParseEthnicGroup(errors, request.EthnicGroup);
        var birth = errors.Date("birthDate", request.BirthDate);
        var address = errors.Text("address", request.Address);
        errors.Text("issuingAuthority", request.IssuingAuthority);
        errors.Date("validFrom", request.ValidFrom);
        var validTo = request.ValidTo?.Trim() == IdCardLongTerm ? null : errors.Date("validTo", request.ValidTo);
        if (validTo is { } expiry && expiry < today)
            errors.Add("validTo", "id-card-expired", "The ID card has expired; registration needs a valid ID.");
        var photo = DecodePhoto(errors, request.Photo);
        if (errors.Any)
            return Problems.Invalid(errors);

        // The photo reference is set below, once the photo is kept: it names the stored version, which needs the resident.
        var details = new IdentityDetails(citizenId!, name!, sex!.Value, ethnic!, birth!.Value, address!);
        // One resident per number, wherever they live: look past the jurisdiction, then decide what this desk may do.
        var existing = await db.ResidentsWithCitizenIdAnywhere(citizenId!).SingleOrDefaultAsync(cancellationToken);
        var takenOver = false;
        if (existing is not null && db.OfficerJurisdiction is { } desk && !desk.Contains(existing.AreaCode))
        {
            // The person stands at this desk with their card. Registered elsewhere, they move out there first; with no
            // active registration (moved out, or never registered) this desk takes them over and nothing else is shown.
            if (await db.ResidenceRegistrations.IgnoreQueryFilters()
                    .AnyAsync(g => g.ResidentId == existing.Id && g.Status == Domain.Registrations.RegistrationStatus.Active, cancellationToken))
            {
                return Problems.Problem("resident-registered-elsewhere",
                    "This person has an active residence registration in another jurisdiction: the move-out is declared there first.");
            }
            existing.PlaceIn(desk);
            takenOver = true;
        }
        Resident resident;
        if (existing is null)
        {
            resident = Resident.FromIdCard(details);
            db.Residents.Add(resident);
        }
        else
        {
            resident = existing;
            resident.UpdateFromIdCard(details);
        }
        if (request.Contact is not null)
            resident.ChangeContact(request.Contact);

        http.Audit(existing is null ? "resident.create" : "resident.update", resident.Id,
            takenOver ? "ID card read at the registration desk; taken over from another jurisdiction" : "ID card read at the registration desk");
        if (photo is not null && await KeepIdCardPhotoAsync(db, resident.Id, photo, http, time, cancellationToken) is { } kept)
            resident.ChangePhoto(Features.Photos.PhotoStore.ReferenceTo(kept));
        await db.SaveChangesAsync(cancellationToken);
        var response = ToResponse(resident);
        return existing is null ? TypedResults.Created($"/api/residents/{resident.Id}", response) : TypedResults.Ok(response);
    }

    public static async Task<Results<Created<ResidentResponse>, ValidationProblem, ProblemHttpResult>> TypedIn(
        TypedResidentRequest request, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var citizenId = errors.CitizenId("idNumber", request.IdNumber, ChinaDate.Today(time));
        var name = errors.Text("name", request.Name);
        var ethnic = ParseEthnicGroup(errors, request.EthnicGroup);
        var hukou = errors.Text("hukouAddress", request.HukouAddress);
        Sex? sex = request.Sex is null ? citizenId?.Sex : ParseSex(errors, request.Sex);
        var birth = request.BirthDate is null ? citizenId?.BirthDate : errors.Date("birthDate", request.BirthDate);
        if (errors.Any)
            return Problems.Invalid(errors);
        if (await db.ResidentsWithCitizenIdAnywhere(citizenId!).AnyAsync(cancellationToken))
            return Problems.Problem("duplicate-id-number", "A resident with this citizen ID number is already recorded.");

        Resident resident;
        resident = Resident.FromIdCard(new IdentityDetails(citizenId!, name!, sex!.Value, ethnic!, birth!.Value, hukou!));
        resident.ChangeContact(request.Contact);

        db.Residents.Add(resident);
        http.Audit("resident.create", resident.Id, "typed in at the registration desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/residents/{resident.Id}", ToResponse(resident));
    }

    public static async Task<Results<Ok<ResidentResponse>, ProblemHttpResult>> Read(
        Guid id, PermitDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident is null)
            return Problems.NoSuch("resident");
        http.Audit("resident.read", resident.Id, "read at the registration desk");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(resident));
    }

    public static ResidentResponse ToResponse(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return new(resident.Id, resident.CitizenId.Value, resident.Name, resident.Sex.ToCode(), resident.EthnicGroup.Code,
            resident.EthnicGroup.Name, resident.BirthDate, resident.HukouAddress, resident.Contact, resident.PhotoReference is not null);
    }

    private static Sex? ParseSex(FieldErrors errors, string? code)
    {
        if (SexCode.TryParse(code, out var sex))
            return sex;
        errors.Add("sex", "sex-code-invalid", "sex is 1 (male) or 2 (female).");
        return null;
    }

    private static EthnicGroup? ParseEthnicGroup(FieldErrors errors, string? code)
    {
        if (EthnicGroup.TryParse(code?.Trim(), out var group))
            return group;
        errors.Add("ethnicGroup", "ethnic-group-invalid", "ethnicGroup is a two-digit GB/T 3304 code.");
        return null;
    }

    private static byte[]? DecodePhoto(FieldErrors errors, string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            return null;
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length <= MaxPhotoBytes)
                return bytes;
            errors.Add("photo", "photo-too-large", $"photo is larger than {MaxPhotoBytes} bytes.");
        }
        catch (FormatException)
        {
            errors.Add("photo", "photo-invalid", "photo is not base64.");
        }
        return null;
    }

    /// <summary>
    /// The ID card's photo, kept sealed like the desk's (a new version only when it differs from the last one kept), so
    /// the officer can compare it with the camera's; the version now on file, for the resident's photo reference. A
    /// reader's photo that is not a JPEG, PNG or BMP (an undecoded WLT block) is neither kept nor referenced (null): no
    /// page could show it, and a reference to it would claim a photo the register cannot produce.
    /// </summary>
    private static async Task<Features.Photos.ResidentPhoto?> KeepIdCardPhotoAsync(PermitDbContext db, Guid residentId, byte[] photo,
        HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Features.Photos.PhotosApi.ContentTypeOf(photo) == "application/octet-stream")
            return null;
        var last = await Features.Photos.PhotoStore.LatestAsync(db, residentId, Features.Photos.PhotoSource.IdCard, cancellationToken);
        if (last is not null && last.Open(db.RequireCitizenIdProtector()).AsSpan().SequenceEqual(photo))
            return last;
        var kept = await Features.Photos.PhotoStore.AddAsync(db, residentId, Features.Photos.PhotoSource.IdCard, photo,
            Features.Photos.PhotosApi.TakenBy(http.User), time.GetUtcNow(), cancellationToken);
        http.Audit("resident.photo-taken", residentId, $"ID card photo version {kept.Version}");
        return kept;
    }
}
