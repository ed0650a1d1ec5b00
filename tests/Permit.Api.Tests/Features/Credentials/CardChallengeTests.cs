using System.Security.Cryptography;
using Permit.Api.Features.Entitlements;
using Permit.Api.Tests.Features.Personalization;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Entitlements;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>
/// Server challenges for card lookups: the chip must answer a nonce this API issued to this terminal, once, within two
/// minutes; and the chip must be the one confirmed for the card, whatever its files say.
/// </summary>
public sealed class CardChallengeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Read(Holder holder, byte[] challenge, byte[] response, CardHandshake.Files? files = null)
    {
        var f = files ?? holder.Files;
        return new
        {
            service = "compulsory-education",
            files = new { permit = f.PermitFile, photo = f.PhotoFile, chipKey = f.ChipKeyFile, signature = f.SignatureFile },
            chip = new { challenge = Convert.ToBase64String(challenge), response = Convert.ToBase64String(response) },
        };
    }

    private static async Task<(HttpStatusCode Status, string Body)> LookUpAsync(HttpClient terminal, object read)
    {
        using var response = await terminal.PostAsJsonAsync("/api/entitlements/lookups/card", read, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_challenge_is_fresh_16_bytes_each_time()
    {
        await using var host = new PermitTestHost();
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);

        var first = await CardHandshake.ChallengeAsync(school);
        var second = await CardHandshake.ChallengeAsync(school);

        Assert.Equal(16, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_replayed_challenge_is_refused_the_second_time()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var challenge = await CardHandshake.ChallengeAsync(school);
        var read = Read(holder, challenge, holder.Chip.Answer(challenge));

        var (first, _) = await LookUpAsync(school, read);
        var (replayed, body) = await LookUpAsync(school, read);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Conflict, replayed);
        Assert.Contains("card-challenge-unknown", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_made_challenge_is_refused_although_the_chip_answered_it()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var own = ActiveAuthentication.NewChallenge();

        var (status, body) = await LookUpAsync(school, Read(holder, own, holder.Chip.Answer(own)));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("card-challenge-unknown", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_challenge_issued_to_another_terminal_is_refused()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        using var otherSchool = await TerminalAsync(host, "other school", ServiceCategory.Education);
        var foreign = await CardHandshake.ChallengeAsync(otherSchool);

        var (status, _) = await LookUpAsync(school, Read(holder, foreign, holder.Chip.Answer(foreign)));

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task An_expired_challenge_is_refused()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var challenge = await CardHandshake.ChallengeAsync(school);
        host.Time.Advance(TimeSpan.FromMinutes(3));

        var (status, _) = await LookUpAsync(school, Read(holder, challenge, holder.Chip.Answer(challenge)));

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task A_lookup_without_the_chips_answer_to_a_server_challenge_is_a_validation_problem()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);

        using var response = await school.PostAsJsonAsync("/api/entitlements/lookups/card", new
        {
            service = "compulsory-education",
            files = new { permit = holder.Files.PermitFile, chipKey = holder.Files.ChipKeyFile, signature = holder.Files.SignatureFile },
            verdict = new { genuine = true, checks = new[] { new { check = "chip-signature", outcome = "passed" } } },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_clone_with_the_genuine_files_of_an_unconfirmed_chip_is_clone_suspected_online()
    {
        // A registrar had files signed for chip A, wrote them to an emulator, abandoned A and issued the card on chip B.
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await PendingHolderAsync(host, officer, 0);
        (await officer.PostAsJsonAsync(CardHandshake.Route(holder.Number, 1, "personalization/abandon"), new { reason = "pulled" }, Ct)).Dispose();
        using var genuine = new CardHandshake("0102030405060708");
        var files = await genuine.RequestFilesAsync(officer, holder.Number, 1);
        (await officer.PostAsJsonAsync(CardHandshake.Route(holder.Number, 1, "confirmation"), await genuine.ConfirmationAsync(officer, files), Ct)).Dispose();
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var challenge = await CardHandshake.ChallengeAsync(school);

        var (status, body) = await LookUpAsync(school, Read(holder, challenge, holder.Chip.Answer(challenge)));
        var answer = System.Text.Json.JsonSerializer.Deserialize<EntitlementAnswer>(body, System.Text.Json.JsonSerializerOptions.Web)!;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((false, LookupReasons.CredentialNotGenuine, "clone-suspected"), (answer.Eligible, answer.ReasonCode, answer.Credential.RefusalReason));
        Assert.Contains(answer.Credential.Checks, c => c is { Check: "chip-key-binding", Outcome: "failed" });
        Assert.Null(answer.Holder);
    }

    [Fact]
    public async Task The_answer_of_another_chip_to_a_fresh_challenge_is_clone_suspected()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        using var copyist = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var challenge = await CardHandshake.ChallengeAsync(school);

        var (_, body) = await LookUpAsync(school, Read(holder, challenge, ActiveAuthentication.Sign(copyist, challenge)));

        Assert.Contains("clone-suspected", body, StringComparison.Ordinal);
    }
}
