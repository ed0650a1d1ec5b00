using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Permit.Domain.Identity;

namespace Permit.Api.Security.Fields;

/// <summary>
/// Stores a <see cref="CitizenIdNumber"/> encrypted (<see cref="CitizenIdProtector"/>). The ciphertext is random, so the
/// column can neither be searched nor carry a unique index: those go on the blind-index column
/// (<see cref="CitizenIdBlindIndex"/>). Column: <see cref="CitizenIdProtector.StoredMaxLength"/> ASCII characters.
/// </summary>
public sealed class EncryptedCitizenIdNumberConverter(CitizenIdProtector protector) : ValueConverter<CitizenIdNumber, string>(
    number => protector.Protect(number),
    stored => protector.Unprotect(stored));
