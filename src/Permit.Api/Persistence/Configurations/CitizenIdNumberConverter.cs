using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Permit.Domain.Identity;

namespace Permit.Api.Persistence.Configurations;

/// <summary>
/// The one place a citizen ID number meets the database. Today it stores the 18 characters; when numbers are stored
/// encrypted with a blind index for lookups and the unique rule, only this mapping (and the column) changes.
/// </summary>
public sealed class CitizenIdNumberConverter() : ValueConverter<CitizenIdNumber, string>(
    number => number.Value,
    stored => CitizenIdNumber.Parse(stored))
{
    public const int StoredLength = 18;
}
