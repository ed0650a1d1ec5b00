using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Status;
using Permit.Domain.Credentials.Trust;

namespace Permit.Bench.Status;

/// <summary>The issuer's side (build, sign, diff) and the verifier's (sync from scratch, apply a delta, check cards), timed.</summary>
internal static class StatusListBench
{
    private const int Checks = 1_000_000;
    private const int SyncRuns = 3;

    public static int Run(int cards, double dailyChange, bool randomDates)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256); // a throwaway TEST issuer key
        var signer = new EcdsaIssuerSigner(issuerKey);
        var trust = new TrustList([TrustedIssuerKey.FromKey(issuerKey)]);
        var thisUpdate = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
        Print($"status list v2: {cards:N0} issued cards in {SyntheticCity.Districts.Length * SyntheticCity.Years.Length} sections (10 districts × 2021–2026), daily change {dailyChange:P2}, extensions to {(randomDates ? "random dates over the coming year" : "each permit's anniversary")}");

        var clock = Stopwatch.StartNew();
        var today = SyntheticCity.Build(cards, randomDates).Build(100, thisUpdate, thisUpdate.AddHours(25));
        Print($"build from {cards:N0} rows: {clock.Elapsed.TotalSeconds:F2} s; {today.CardCount:N0} cards on the list");

        clock.Restart();
        var full = StatusListCodec.Sign(today, signer);
        var inflated = today.Sections.Sum(s => StatusSection.BlockSize(s.Length));
        Print($"full list: {full.Length:N0} bytes ({full.Length / 1048576.0:F2} MiB, {(double)full.Length / cards:F2} B/card; inflated {inflated:N0} bytes); compress + sign {clock.Elapsed.TotalSeconds:F2} s");

        var tomorrowBuilder = new StatusListBuilder(today);
        var changed = SyntheticCity.ApplyDay(today, tomorrowBuilder, (int)(cards * dailyChange));
        var tomorrow = tomorrowBuilder.Build(101, thisUpdate.AddDays(1), thisUpdate.AddDays(1).AddHours(25));
        clock.Restart();
        var delta = StatusDelta.Between(today, tomorrow);
        var signedDelta = StatusDeltaCodec.Sign(delta, signer);
        Print($"daily delta: {signedDelta.Length:N0} bytes ({signedDelta.Length / 1048576.0:F2} MiB) for {changed:N0} changed slots ({delta.Changes.Count:N0} on the wire); diff + sign {clock.Elapsed.TotalSeconds:F2} s");

        StatusList? held = null;
        for (var run = 1; run <= SyncRuns; run++)
        {
            held = null;
            GC.Collect();
            clock.Restart();
            var read = StatusListCodec.Read(full, trust);
            var seconds = clock.Elapsed.TotalSeconds;
            held = read.Value ?? throw new InvalidOperationException($"the list was refused: {read.Code} {read.Error}");
            Print($"verifier sync from scratch (verify + inflate + check + index), run {run}: {seconds:F2} s; the list's inflated blocks {held!.Sections.Sum(s => StatusSection.BlockSize(s.Length)) / 1048576.0:F1} MiB");
        }

        clock.Restart();
        var readDelta = StatusDeltaCodec.Read(signedDelta, trust).Value!;
        var moved = StatusListSequence.Advance(held!, held!.Number, readDelta);
        Print($"verifier applies the delta (verify + apply): {clock.Elapsed.TotalSeconds:F2} s; now list {moved.Value?.Number}");

        CheckCards(moved.Value!, cards);
        return 0;
    }

    // The verifier's status questions for random permit numbers (a tenth of them unknown serials), through the
    // methods the CredentialVerifier calls (ICardStatusData).
    private static void CheckCards(StatusList list, int cards)
    {
        var random = new Random(20);
        var perSection = SyntheticCity.SerialsPerSection(cards);
        var numbers = new string[4096];
        for (var i = 0; i < numbers.Length; i++)
        {
            var seventeen = string.Create(CultureInfo.InvariantCulture,
                $"{SyntheticCity.Districts[random.Next(SyntheticCity.Districts.Length)]}{SyntheticCity.Years[random.Next(SyntheticCity.Years.Length)]}{random.Next(1, perSection * 11 / 10):0000000}");
            numbers[i] = seventeen + PermitFormats.Mod112CheckCharacter(seventeen);
        }

        var refused = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Checks; i++)
        {
            var number = numbers[i & (numbers.Length - 1)];
            var sequence = 1 + (i & 1);
            if (list.IsRevoked(number, sequence) || list.IsSuspended(number, sequence))
                refused++;
            _ = list.ExtendedValidUntil(number, sequence);
        }

        var perCheck = clock.Elapsed.TotalNanoseconds / Checks;
        Print($"per-card check (revoked? suspended? extension?): {perCheck / 1000:F3} µs = {perCheck / 1_000_000:F6} ms over {Checks:N0} checks ({refused:N0} refused)");
    }

    private static void Print(string line) => Console.WriteLine($"{line}  {Load()}");

    private static string Load() =>
        File.Exists("/proc/loadavg") ? "(load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + ")" : "";
}
