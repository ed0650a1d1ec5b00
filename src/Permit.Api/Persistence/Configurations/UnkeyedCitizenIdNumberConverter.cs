using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Permit.Domain.Identity;

namespace Permit.Api.Persistence.Configurations;

/// <summary>
/// The mapping of a citizen ID number in a model built without keys (the design-time tools, which only need the column).
/// It refuses to store or read a number, so a context missing its <see cref="Security.Fields.CitizenIdProtector"/> can
/// never write one in plain text; <see cref="PermitDbContext"/> swaps in the encrypting converter whenever it has keys.
/// </summary>
public sealed class UnkeyedCitizenIdNumberConverter() : ValueConverter<CitizenIdNumber, string>(
    number => Refuse<string>(),
    stored => Refuse<CitizenIdNumber>())
{
    private static T Refuse<T>() =>
        throw new InvalidOperationException("Citizen ID numbers are stored encrypted: this context was built without keys.");
}
