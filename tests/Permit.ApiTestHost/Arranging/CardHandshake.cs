using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;

namespace Permit.ApiTestHost;

/// <summary>Plays permit-agent's side of the handshake: a blank chip with its own P-256 key, and the files it reads back.</summary>
public sealed class CardHandshake : IDisposable
{
    private readonly ECDsa _chipKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public CardHandshake(string serial) => Serial = serial;

    public string Serial { get; }

    public byte[] ChipKeyFile => Domain.Credentials.Card.ChipKeyFile.Encode(_chipKey);

    public object PersonalizationRequest => new { serial = Serial, chipKey = Convert.ToBase64String(ChipKeyFile) };

    public static string Route(string permitNumber, int sequence, string step) => $"/api/permits/{permitNumber}/cards/{sequence}/{step}";

    /// <summary>
    /// The confirmation the agent sends after reading back exactly the files it was given: it fetches a server
    /// challenge and this chip answers it (<paramref name="serial"/>: another chip's serial, for attacks).
    /// </summary>
    public async Task<object> ConfirmationAsync(HttpClient officer, Files files, string? serial = null)
    {
        var challenge = await ChallengeAsync(officer);
        return ConfirmationFor(serial ?? Serial, files, challenge, Answer(challenge));
    }

    /// <summary>The confirmation with a given challenge and answer.</summary>
    public static object ConfirmationFor(string serial, Files files, byte[] challenge, byte[] response) => new
    {
        serial,
        permitFileSha256 = Hash(files.PermitFile),
        photoFileSha256 = Hash(files.PhotoFile),
        chipKeyFileSha256 = Hash(files.ChipKeyFile),
        signatureFileSha256 = Hash(files.SignatureFile),
        challenge = Convert.ToBase64String(challenge),
        response = Convert.ToBase64String(response),
    };

    /// <summary><c>POST /api/card-challenges</c> as the caller: a fresh server challenge.</summary>
    public static async Task<byte[]> ChallengeAsync(HttpClient caller)
    {
        using var response = await caller.PostAsJsonAsync("/api/card-challenges", new { }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedChallenge>(TestContext.Current.CancellationToken);
        return Convert.FromBase64String(issued!.Challenge);
    }

    public sealed record IssuedChallenge(string Challenge, DateTimeOffset ExpiresAt);

    public async Task<Files> RequestFilesAsync(HttpClient officer, string permitNumber, int sequence)
    {
        using var response = await officer.PostAsJsonAsync(Route(permitNumber, sequence, "personalization"), PersonalizationRequest, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Files>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>What the chip answers to INTERNAL AUTHENTICATE (active authentication) with its own private key.</summary>
    public byte[] Answer(byte[] challenge) => ActiveAuthentication.Sign(_chipKey, challenge);

    public void Dispose() => _chipKey.Dispose();

    public static string Hash(string base64) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(base64)));

    public sealed record Files(string PermitNumber, int CardSequence, string KeyId, string PermitFile, string PhotoFile, string ChipKeyFile, string SignatureFile)
    {
        /// <summary>EF.PERMIT decoded strictly, as a verifier would read it.</summary>
        public PermitCardData Permit => Domain.Credentials.Card.PermitFile.Decode(Convert.FromBase64String(PermitFile)).Value!;
    }
}
