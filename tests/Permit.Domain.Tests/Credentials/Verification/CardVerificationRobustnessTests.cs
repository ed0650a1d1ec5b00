using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Tests.Credentials.Verification;

public class CardVerificationRobustnessTests
{
    private static readonly string[] SecurityRefusals = ["malformed", "bad-signature", "unknown-key", "clone-suspected"];

    [Fact]
    public void Random_damage_to_any_card_file_is_refused_and_never_throws()
    {
        var card = Examples.Card();
        var aa = card.Authenticate();
        var random = new Random(4711);
        for (var i = 0; i < 400; i++)
        {
            var files = new[] { card.Files.Permit, card.Files.Photo!, card.Files.ChipKey, card.Files.Signature };
            var which = i % 4;
            var damaged = (byte[])files[which].Clone();
            if (i % 3 == 0)
            {
                damaged = damaged[..random.Next(damaged.Length)];
            }
            else
            {
                damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
            }

            files[which] = damaged;
            var verdict = CredentialVerifier.VerifyCard(
                new CardReadout(files[0], files[1], files[2], files[3]), aa, TestKeys.TrustsIssuer(),
                new RevocationKnowledge(new RevocationList(1, Examples.Now.AddDays(-1), Examples.Now.AddDays(6), [])), Examples.Now);

            Assert.False(verdict.Accepted, $"damage {i} to file {which} went unnoticed");
            Assert.Contains(verdict.ReasonCode, SecurityRefusals);
        }
    }
}
