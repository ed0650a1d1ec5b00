namespace Permit.HardwareSim.Tests.Support;

/// <summary>A scratch directory for card files, removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("permit-sim-tests-").FullName;
    }

    public string Path { get; }

    public string CardFile => System.IO.Path.Combine(Path, "card.json");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch directory under /tmp is harmless.
        }
    }
}
