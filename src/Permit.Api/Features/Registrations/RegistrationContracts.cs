using Permit.Domain.Registrations;

namespace Permit.Api.Features.Registrations;

/// <summary>A residence registration (居住登记). Dates YYYYMMDD or YYYY-MM-DD; basis employment, residence or study.</summary>
public sealed record DeclareRegistrationRequest(
    Guid? ResidentId,
    string? Address,
    string? CommunityCode,
    string? ArrivalDate,
    string? Basis,
    string? Evidence,
    string? EmployerOrLandlord);

public sealed record AddressChangeRequest(string? Address, string? CommunityCode, string? ChangedOn);

public sealed record WorkplaceChangeRequest(string? EmployerOrLandlord, string? Evidence, string? ChangedOn);

public sealed record MoveOutRequest(string? MovedOutOn);

public sealed record RegistrationResponse(
    Guid Id,
    Guid ResidentId,
    string Address,
    string CommunityCode,
    string? CommunityName,
    DateOnly ArrivalDate,
    DateOnly RegistrationDate,
    string Basis,
    string Evidence,
    string EmployerOrLandlord,
    string Status,
    DateOnly? MovedOutOn,
    IReadOnlyList<ChangeResponse> Changes)
{
    public static RegistrationResponse From(ResidenceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new(registration.Id, registration.ResidentId, registration.Address, registration.CommunityCode.Value,
            registration.CommunityCode.KnownName ?? registration.CommunityCode.TownshipName, registration.ArrivalDate,
            registration.RegistrationDate, Name(registration.Basis), registration.Evidence, registration.EmployerOrLandlord,
            Name(registration.Status), registration.MovedOutOn,
            [.. registration.Changes.OrderBy(c => c.DeclaredOn).ThenBy(c => c.Id).Select(ChangeResponse.From)]);
    }

    internal static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>
/// One declared change. <paramref name="Late"/> is true when it was declared more than
/// <see cref="ResidenceRegistration.DeclarationDays"/> days after it happened: accepted, but the duty was missed.
/// </summary>
public sealed record ChangeResponse(
    Guid Id,
    string Kind,
    string NewValue,
    string? NewCommunityCode,
    DateOnly ChangedOn,
    DateOnly DeclaredOn,
    DateOnly DeclareBy,
    bool Late)
{
    public static ChangeResponse From(RegistrationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Id, RegistrationResponse.Name(change.Kind), change.NewValue, change.NewCommunityCode, change.ChangedOn,
            change.DeclaredOn, change.ChangedOn.AddDays(ResidenceRegistration.DeclarationDays), change.IsLate);
    }
}
