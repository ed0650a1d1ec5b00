using System.Globalization;
using System.CommandLine;
using System.Security.Cryptography;
using Permit.Bench.CardRead;
using Permit.CardAgent;
using Permit.CardAgent.Cards;
using Permit.CardAgent.Configuration;
using Permit.CardAgent.Personalization;
using Permit.CardAgent.Terminals;
using Permit.CardAgent.Verification;
using Permit.CommandLine;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;
using Permit.Domain.Credentials.Verification;
using Permit.HardwareSim.PermitCards;
using Permit.HardwareSim.Transport;
using Permit.TestRig;

// Tap-to-verdict over the real pcscd and vpcd: a private rig, an emulated personalized card in the permit slot,
// and the agent's own read-permit use case, timed per read. It prints figures; it asserts nothing.
// Over vpcd each APDU costs about 50 ms of socket latency. The emulated card announces extended lengths, so the agent
// reads the 12 KB photo in two READ BINARYs (docs/permit-card.md, "Extended length"); reads with it are still fewer by
// default, as each moves 12 KB through the socket.
// Arguments (System.CommandLine, --help lists them): [reads without photo] [reads with photo].
var readsArgument = new Argument<int>("reads") { Description = "Verified reads without the photo.", DefaultValueFactory = _ => 200 };
var photoReadsArgument = new Argument<int>("photo-reads")
{
    Description = "Verified reads with the 12 KB photo (11 APDUs each with extended reads).",
    DefaultValueFactory = _ => 30,
};
var command = new RootCommand("Tap-to-verdict over the real pcscd and vpcd: prints figures, asserts nothing.") { readsArgument, photoReadsArgument };
command.SetAction((parsed, _) => Bench.RunAsync(parsed.GetValue(readsArgument), parsed.GetValue(photoReadsArgument)));
var parsed = ProgramCommandLine.Parse(command, args);
if (ProgramCommandLine.IsUsageError(parsed))
{
    foreach (var problem in ProgramCommandLine.Errors(parsed))
        Console.Error.WriteLine(problem);
    return 2;
}
return await ProgramCommandLine.InvokeAsync(parsed, Console.Out, Console.Error, CancellationToken.None);

namespace Permit.Bench.CardRead
{
    internal static class Bench
    {
        public static async Task<int> RunAsync(int reads, int photoReads)
        {
            const int WarmUp = 5;

            if (Requirements.PcscRigMissing() is { } missing)
            {
                Console.Error.WriteLine($"bench: cannot start the private pcscd rig: {missing}");
                return 1;
            }

            await using var rig = await PcscRig.StartAsync(2);
            using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256); // a throwaway TEST issuer key
            var card = PermitCard.CreateBlank(PermitCard.NewSerial(), PermitCard.DefaultTransportCode.Span);
            var photo = PhotoFile.Encode([0xFF, 0xD8, .. RandomNumberGenerator.GetBytes(12 * 1024), 0xFF, 0xD9]);
            Personalizer.Personalize(new PermitCardSession(new InProcessReader(card).Connect()),
                new PersonalizationInput(SampleData.Permit, photo, new EcdsaIssuerSigner(issuerKey), PersonalizationInput.DefaultTransportCode));

            using var stop = new CancellationTokenSource();
            var connector = new VpcdConnector(card, rig.VpcdPort(1));
            var connected = connector.RunAsync(stop.Token);
            using var terminals = new PcscTerminals();
            while (!terminals.ListReaders().Any(r => r.Name == rig.ReaderName(1) && r.CardPresent))
                await Task.Delay(50);

            var operations = new CardOperations(terminals, new AgentSettings { PermitReader = rig.ReaderName(1) }, TimeProvider.System);
            var setup = new VerifierSetup(new TrustList([TrustedIssuerKey.FromKey(issuerKey)]), RevocationKnowledge.None);

            Console.WriteLine($"permit card read over pcscd/vpcd ({rig.ReaderName(1)}): {reads} verified reads without the photo, {photoReads} with it, each after {WarmUp} warm-up reads");
            Console.WriteLine($"photo in EF.PHOTO: {photo.Length} bytes; agent time = total - time waiting on the card channel (CountingChannel.CardTime)");
            foreach (var withPhoto in new[] { false, true })
            {
                for (var i = 0; i < WarmUp; i++)
                    operations.ReadPermitCard(null, setup, withPhoto);

                var count = withPhoto ? photoReads : reads;
                var samples = new List<Sample>(count);
                for (var i = 0; i < count; i++)
                {
                    var started = TimeProvider.System.GetTimestamp();
                    var result = operations.ReadPermitCard(null, setup, withPhoto);
                    var tap = TimeProvider.System.GetElapsedTime(started);
                    // Genuine is what is timed (both signatures, the hashes): the bench has no status list, so "valid today"
                    // would only say revocation-data-stale.
                    if (result.Check.Verdict.Card is null)
                        throw new InvalidOperationException($"read {i} was not genuine: {result.Check.Verdict.ReasonCode}");
                    samples.Add(new Sample(result.Figures, tap));
                }

                Report.Print(withPhoto ? "with photo (--with-photo)" : "without photo", samples);
            }

            await stop.CancelAsync();
            await connected;
            return 0;
        }
    }

    internal sealed record Sample(OperationFigures Figures, TimeSpan Tap);

    internal static class SampleData
    {
        public static PermitCardData Permit { get; } = new(
            WithCheck("33021120260000001"), WithCheck("53010219900508011"), "李小龙", "1", "01", new DateOnly(1990, 5, 8),
            "云南省昆明市五华区护国路1号", "浙江省宁波市镇海区骆驼街道民和路88号", "330211", "宁波市公安局镇海分局",
            new DateOnly(2026, 3, 1), new DateOnly(2031, 2, 28), 1);

        private static string WithCheck(string digits) => digits + PermitFormats.Mod112CheckCharacter(digits);
    }

    internal static class Report
    {
        public static void Print(string title, List<Sample> samples)
        {
            static string Ms(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5),7:F2} ms   p95 {At(0.95),7:F2} ms");
            }

            var first = samples[0].Figures;
            Console.WriteLine();
            Console.WriteLine($"== {title}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  APDUs per read        {first.Apdus} (min {samples.Min(s => s.Figures.Apdus)}, max {samples.Max(s => s.Figures.Apdus)})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  bytes per read        {first.BytesSent} sent, {first.BytesReceived} received ({first.BytesSent + first.BytesReceived} total)"));
            Console.WriteLine($"  agent time            {Ms(samples.Select(s => s.Figures.AgentTime.TotalMilliseconds))}");
            Console.WriteLine($"  card channel time     {Ms(samples.Select(s => s.Figures.CardTime.TotalMilliseconds))}");
            Console.WriteLine($"  operation total       {Ms(samples.Select(s => s.Figures.TotalTime.TotalMilliseconds))}");
            Console.WriteLine($"  tap to verdict        {Ms(samples.Select(s => s.Tap.TotalMilliseconds))}  (incl. reader choice, SCardConnect, transaction)");
        }
    }
}
