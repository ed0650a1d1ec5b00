using System.Net.Http.Json;
using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;

namespace Permit.Api.Tests.Features.Personalization;

/// <summary>Plays permit-agent's side of the handshake: a blank chip with its own P-256 key, and the files it reads back.</summary>
public sealed class CardHandshake : IDisposable
{
    private readonly ECDsa _chipKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public CardHandshake(string serial) => Serial = serial;

    public string Serial { get; }

    public byte[] ChipKeyFile => Domain.Credentials.Card.ChipKeyFile.Encode(_chipKey);

    public object PersonalizationRequest => new { serial = Serial, chipKey = Convert.ToBase64String(ChipKeyFile) };

    public static string Route(string permitNumber, int sequence, string step) => $"/api/permits/{permitNumber}/cards/{sequence}/{step}";

    /// <summary>The confirmation the agent sends after reading back exactly the files it was given.</summary>
    public static object ConfirmationFor(string serial, Files files) => new
    {
        serial,
        permitFileSha256 = Hash(files.PermitFile),
        photoFileSha256 = Hash(files.PhotoFile),
        chipKeyFileSha256 = Hash(files.ChipKeyFile),
        signatureFileSha256 = Hash(files.SignatureFile),
    };

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
