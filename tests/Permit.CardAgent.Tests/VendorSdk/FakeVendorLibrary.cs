using System.Diagnostics;
using Permit.CardAgent.IdCards.Vendor;
using Permit.Domain.IdCards;

namespace Permit.CardAgent.Tests.VendorSdk;

/// <summary>
/// A vendor reader library for one test: fake_sdt.c (and fake_wlt.c, the WLT decoder) built once per run with
/// <c>gcc -shared -fPIC</c>, then copied into the test's own folder, where the library answers from the fixture files
/// beside it (card.txt, card.wlt, fail; see fake_sdt.c). Tests change the files to put a card on, take it off or make a
/// function fail.
/// </summary>
internal sealed class FakeVendorLibrary : IDisposable
{
    private static readonly Lazy<(string Sdt, string Wlt)> Built = new(Build);

    public FakeVendorLibrary(string source, bool withDecoder = false)
    {
        Requirements.Require(Requirements.FindOnPath("gcc") is null ? "gcc (apt-get install gcc libc6-dev) to build the fake vendor library" : null);
        Source = source;
        Folder = Directory.CreateTempSubdirectory("permit-agent-vendor-").FullName;
        LibraryPath = Path.Combine(Folder, "libfakesdt.so");
        File.Copy(Built.Value.Sdt, LibraryPath);
        if (withDecoder)
        {
            DecoderPath = Path.Combine(Folder, "libfakewlt.so");
            File.Copy(Built.Value.Wlt, DecoderPath);
        }
    }

    /// <summary>The 1024 bytes a card's WLT photo block has; its first three bytes become the fake decoder's colour.</summary>
    public static readonly byte[] Wlt = [0x57, 0x4C, 0x66, .. Enumerable.Range(0, 1021).Select(i => (byte)i)];

    public string Source { get; }

    public string Folder { get; }

    public string LibraryPath { get; }

    public string? DecoderPath { get; }

    public AgentSettings Settings => new()
    {
        IdCardSource = Source,
        VendorLibrary = LibraryPath,
        WltDecoderLibrary = DecoderPath,
    };

    /// <summary>Puts a card on the reader: its text block and photo block.</summary>
    public void PutCard(IdCardText text, IdCardType type = IdCardType.Resident, byte[]? photo = null)
    {
        File.WriteAllBytes(Path.Combine(Folder, "card.txt"), IdCardTextBlock.Encode(text, type));
        File.WriteAllBytes(Path.Combine(Folder, "card.wlt"), photo ?? Wlt);
    }

    public void TakeCardOff() => File.Delete(Path.Combine(Folder, "card.txt"));

    /// <summary>Makes <paramref name="function"/> answer <paramref name="code"/> from now on.</summary>
    public void Fail(string function, int code) =>
        File.AppendAllText(Path.Combine(Folder, "fail"), $"{function} {code}\n");

    public static IdCardText Zhang => new("张三丰", "1", "01", new DateOnly(1920, 5, 8), "云南省昆明市五华区护国路1号", "53010219200508011X",
        "昆明市公安局五华分局", new DateOnly(2020, 5, 8), null);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static (string, string) Build()
    {
        var output = Directory.CreateTempSubdirectory("permit-agent-vendor-build-").FullName;
        var sources = Path.Combine(AppContext.BaseDirectory, "VendorSdk");
        return (Gcc(Path.Combine(sources, "fake_sdt.c"), Path.Combine(output, "libfakesdt.so")),
            Gcc(Path.Combine(sources, "fake_wlt.c"), Path.Combine(output, "libfakewlt.so")));
    }

    private static string Gcc(string source, string library)
    {
        using var gcc = Process.Start(new ProcessStartInfo("gcc", ["-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o", library, source])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, $"gcc could not build {source}:\n{errors}");
        return library;
    }
}
