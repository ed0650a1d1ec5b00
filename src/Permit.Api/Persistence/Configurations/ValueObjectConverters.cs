using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Persistence.Configurations;

// Each value type is stored as its canonical text; reading it back re-validates, so a corrupted row fails loudly.

public sealed class PermitNumberConverter() : ValueConverter<PermitNumber, string>(
    number => number.Value, stored => PermitNumber.Parse(stored));

public sealed class CommunityCodeConverter() : ValueConverter<CommunityCode, string>(
    code => code.Value, stored => CommunityCode.Parse(stored));

public sealed class EthnicGroupConverter() : ValueConverter<EthnicGroup, string>(
    group => group.Code, stored => EthnicGroup.Parse(stored));

public sealed class CardSerialNumberConverter() : ValueConverter<CardSerialNumber, string>(
    serial => serial.Value, stored => CardSerialNumber.Parse(stored));
