using Permit.Api.Security.Fields;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Persistence.Configurations;

/// <summary>Provider-neutral storage of the domain's value types and enums, wherever they appear.</summary>
public static class ModelConventions
{
    public static void Apply(ModelConfigurationBuilder conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        // Encrypted (AES-GCM, see CitizenIdProtector): the keyed converter is set by PermitDbContext, which has the keys.
        conventions.Properties<CitizenIdNumber>().HaveConversion<UnkeyedCitizenIdNumberConverter>()
            .HaveMaxLength(CitizenIdProtector.StoredMaxLength).AreUnicode(false);
        conventions.Properties<PermitNumber>().HaveConversion<PermitNumberConverter>().HaveMaxLength(18).AreUnicode(false);
        conventions.Properties<CommunityCode>().HaveConversion<CommunityCodeConverter>().HaveMaxLength(12).AreUnicode(false);
        conventions.Properties<EthnicGroup>().HaveConversion<EthnicGroupConverter>().HaveMaxLength(2).AreUnicode(false);
        conventions.Properties<CardSerialNumber>().HaveConversion<CardSerialNumberConverter>().HaveMaxLength(16).AreUnicode(false);
        // Enums by name: readable in every database and safe against renumbering.
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32).AreUnicode(false);
    }
}
