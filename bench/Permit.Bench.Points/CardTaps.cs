using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Permit.Api.Features.Credentials;
using Permit.Api.Features.Permits;
using Permit.Api.Keys;
using Permit.Api.Security.Authorization;
using Permit.Domain.Credentials.Card;

namespace Permit.Bench.Points;

/// <summary>
/// The lookup by card with a chip answer, as a counter makes it: the agent reads the four card files, the page fetches
/// a server challenge (<c>POST /api/card-challenges</c>), the chip signs it (INTERNAL AUTHENTICATE) and the page posts
/// files and answer to <c>POST /api/entitlements/lookups/card</c>. A chip's answer cannot be computed inside wrk, so the
/// bench plays the cards: it binds a test chip to each of <see cref="Cards"/> active permits of the run's copy (files
/// signed by the run's issuer key, the binding confirmed as the desk's handshake confirms it), and before each load it
/// issues the challenges the load will redeem (rows of the API's own challenge table, for the bench's terminal, two
/// minutes to live) and signs them, one tap a line. The load (<c>wrk/card-taps.lua</c>) then makes every tap two
/// requests: a fresh challenge from the API (its cost is measured, its nonce unused) and the lookup with the next
/// prepared tap, so each tap costs the API one challenge written and one redeemed, as a real tap does.
/// </summary>
public sealed class CardTaps : IDisposable
{
    private const int Cards = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<(string BodyStart, ECDsa Chip)> _cards;
    private readonly string _caller;
    private readonly string _service;

    private CardTaps(List<(string BodyStart, ECDsa Chip)> cards, string caller, string service)
    {
        _cards = cards;
        _caller = caller;
        _service = service;
    }

    public int Count => _cards.Count;

    /// <summary>
    /// Binds a test chip to up to <see cref="Cards"/> active permits drawn at random from <paramref name="numbers"/>,
    /// for the terminal <paramref name="terminalId"/> that will tap them.
    /// </summary>
    public static async Task<CardTaps> PrepareAsync(
        PermitDbContext db, List<string> numbers, IssuerKeyRing ring, Guid terminalId, string service, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(ring);
        var random = new Random(1818);
        var cards = new List<(string, ECDsa)>(Cards);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var tries = 0; cards.Count < Cards && tries < Cards * 10; tries++)
        {
            var text = numbers[random.Next(numbers.Count)];
            if (!taken.Add(text))
                continue;
            var number = PermitNumber.Parse(text);
            var permit = await db.ResidencePermits.FirstOrDefaultAsync(p => p.Number == number && p.Status == PermitStatus.Active);
            if (permit is null || permit.CurrentCard is not { Status: CardStatus.Issued, Serial: { } serial } card)
                continue;
            var chip = TestChipKey(text, card.Sequence);
            var data = await PermitCardDataSource.ForAsync(db, permit, card.Sequence, CancellationToken.None);
            var files = CardFileSet.Build(data, [], ChipKeyFile.Encode(chip), ring.ActiveSigner);
            var binding = new CardPersonalization(permit.Id, card.Sequence, attempt: 1, serial, files, now);
            binding.MarkConfirmed(now);
            db.Add(binding);
            var fileJson = JsonSerializer.Serialize(new
            {
                permit = Convert.ToBase64String(files.PermitFile),
                photo = Convert.ToBase64String(files.PhotoFile),
                chipKey = Convert.ToBase64String(files.ChipKeyFile),
                signature = Convert.ToBase64String(files.SignatureFile),
            }, Json);
            cards.Add(($$"""{"service":"{{service}}","files":{{fileJson}},"chip":""", chip));
        }

        await db.SaveChangesAsync();
        if (cards.Count == 0)
            throw new InvalidOperationException("The seed has no active permit with an issued card to tap.");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PermitClaims.Subject, terminalId.ToString()), new Claim(PermitClaims.Role, Roles.Verifier)], "bench"));
        return new CardTaps(cards, CardChallenge.Caller(principal)!, service);
    }

    /// <summary>
    /// TEST KEY, bench only: the chip key of a card the bench binds, derived from its permit number and sequence so a
    /// rerun binds the same chips. No real chip's key is ever known outside the chip.
    /// </summary>
    private static ECDsa TestChipKey(string number, int sequence)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Permit.Bench.Points TEST chip key {number}/{sequence}")));
        // Any 32 bytes below the P-256 order make a private key; a hash is below it but for odds of about 2^-32.
        return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = seed });
    }

    /// <summary>
    /// <paramref name="count"/> taps for one load, one JSON body a line: for each, a challenge issued to the bench's
    /// terminal now (written to the API's challenge table, as <c>POST /api/card-challenges</c> writes it) and a random
    /// card's chip answer to it. Each line can be redeemed once, within the challenge's two minutes.
    /// </summary>
    public async Task<string> WriteAsync(PermitDbContext db, string file, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var lines = new List<string>(count);
        var challenges = new List<CardChallenge>(count);
        for (var i = 0; i < count; i++)
        {
            var (bodyStart, chip) = _cards[random.Next(_cards.Count)];
            var challenge = CardChallenge.Issue(_caller, now);
            var nonce = Convert.FromHexString(challenge.Nonce);
            var answer = ActiveAuthentication.Sign(chip, nonce);
            challenges.Add(challenge);
            lines.Add(Tap(bodyStart, nonce, answer));
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in challenges.Chunk(5000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    /// <summary>One tap outside the load, through the real flow (a challenge the API issues now, answered by the chip):
    /// the answer the bench prints before the load, so a load of refusals cannot pass for a measurement.</summary>
    public async Task<(int Status, string Answer)> TapOnceAsync(HttpClient api)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var issued = await api.PostAsync(new Uri("/api/card-challenges", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        if (!issued.IsSuccessStatusCode)
            return ((int)issued.StatusCode, await issued.Content.ReadAsStringAsync());
        using var challenge = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var nonce = Convert.FromBase64String(challenge.RootElement.GetProperty("challenge").GetString()!);
        var (bodyStart, chip) = _cards[0];
        var body = Tap(bodyStart, nonce, ActiveAuthentication.Sign(chip, nonce));
        using var answered = await api.PostAsync(new Uri("/api/entitlements/lookups/card", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        return ((int)answered.StatusCode, await answered.Content.ReadAsStringAsync());
    }

    public string Service => _service;

    /// <summary>A card lookup's body: the card's files and the chip's answer to <paramref name="nonce"/>.</summary>
    private static string Tap(string bodyStart, byte[] nonce, byte[] answer) =>
        bodyStart + "{\"challenge\":\"" + Convert.ToBase64String(nonce) + "\",\"response\":\"" + Convert.ToBase64String(answer) + "\"}}";

    public void Dispose()
    {
        foreach (var (_, chip) in _cards)
            chip.Dispose();
    }
}
