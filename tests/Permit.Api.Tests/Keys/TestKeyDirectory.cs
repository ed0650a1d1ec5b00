using Permit.Api.Keys;

namespace Permit.Api.Tests.Keys;

/// <summary>A key directory under a fresh temporary folder (TEST KEYS ONLY), deleted on dispose.</summary>
public sealed class TestKeyDirectory : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("permit-keys-tests-");

    public TestKeyDirectory() => Keys = new KeyDirectory(Path.Combine(_root.FullName, "keys"));

    public KeyDirectory Keys { get; }

    public void Dispose() => _root.Delete(recursive: true);
}
