using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Permit.Api.Security.Fields;

/// <summary>
/// Stores an address (hukou address, residence address, a declared change) encrypted with the field key
/// (<see cref="CitizenIdProtector.ProtectText"/>), so the database file holds no address in clear. Addresses are shown,
/// never searched, so a random ciphertext costs nothing. A value written before encryption (plain text, which never
/// has the <c>v&lt;n&gt;:</c> form) still reads; <c>keys rotate-field-key</c> rewrites it encrypted.
/// </summary>
public sealed class EncryptedAddressConverter(CitizenIdProtector protector) : ValueConverter<string, string>(
    address => protector.ProtectText(address, Purpose),
    stored => CitizenIdProtector.LooksProtected(stored) ? protector.UnprotectText(stored, Purpose) : stored)
{
    public const string Purpose = "permit/address";

    /// <summary>Column width: a 210-byte address sealed and in base64url with its version prefix, with room to spare.</summary>
    public const int StoredMaxLength = 400;
}
