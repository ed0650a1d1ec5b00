using Permit.Api.Keys;
using Permit.Api.Security.Fields;
using Permit.Api.Tests.Keys;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// One citizen ID protector (TEST KEYS ONLY, in a temporary folder) for the persistence tests that run without a host.
/// One instance for the whole run, because EF caches one model per protector.
/// </summary>
public static class TestCitizenIdKeys
{
    private static readonly Lazy<CitizenIdProtector> Shared = new(Create);

    public static CitizenIdProtector Protector => Shared.Value;

    private static CitizenIdProtector Create()
    {
        var directory = new TestKeyDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        return new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(directory.Keys));
    }
}
