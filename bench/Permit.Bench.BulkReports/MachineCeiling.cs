using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Permit.Bench.BulkReports;

/// <summary>
/// What one core of this machine gives right now, printed before and after the figures: the cores are shared, so a
/// slow round says more about the neighbours when the ceiling fell with it.
/// </summary>
internal static class MachineCeiling
{
    private const int Megabytes = 256;

    /// <summary>SHA-256 over 256 MiB in one thread, as MiB/s.</summary>
    public static string Measure()
    {
        var block = new byte[1024 * 1024];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Megabytes; i++)
            sha.AppendData(block);
        sha.GetHashAndReset(hash);
        clock.Stop();
        return string.Create(CultureInfo.InvariantCulture, $"one core hashes SHA-256 at {Megabytes / clock.Elapsed.TotalSeconds:N0} MiB/s");
    }
}
