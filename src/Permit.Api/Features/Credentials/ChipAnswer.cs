using Permit.Api.Features.Permits;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Verification;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// A server challenge (<see cref="CardChallenge"/>) and the chip's INTERNAL AUTHENTICATE answer as a request carries
/// them (base64), decoded and size-checked, or the validation problem saying what is wrong.
/// </summary>
public sealed record ChipAnswer(byte[]? Challenge, byte[]? Response, ValidationProblem? Error)
{
    /// <summary>An ES256 <c>r‖s</c> answer is 64 bytes.</summary>
    public const int ResponseLength = 64;

    public ChipChallengeResponse Exchange => new(Challenge!, Response!);

    public static ChipAnswer From(string? challenge, string? response)
    {
        var nonce = Decode(challenge, CardChallenge.Length);
        if (nonce is null)
        {
            return new(null, null, Problems.Invalid("challenge",
                $"A server challenge is required: the {CardChallenge.Length} bytes POST /api/card-challenges gave, base64."));
        }

        var answer = Decode(response, ResponseLength);
        return answer is null
            ? new(null, null, Problems.Invalid("response", $"The chip's answer to the challenge is required: {ResponseLength} bytes r‖s, base64."))
            : new(nonce, answer, null);
    }

    /// <summary>True when the chip whose EF.CHIPKEY is <paramref name="chipKeyFile"/> signed the challenge.</summary>
    public bool VerifiedBy(byte[]? chipKeyFile) =>
        chipKeyFile is not null && ChipKeyFile.Decode(chipKeyFile).Value is { } key && ActiveAuthentication.Verify(key, Challenge, Response);

    /// <summary>The challenge was never issued, was used, has expired, or was issued to another caller.</summary>
    public static ProblemHttpResult UnknownChallenge() => Problems.Problem("card-challenge-unknown",
        "The challenge was not issued to you by this API, was already used, or has expired: fetch a new one (POST /api/card-challenges) and let the chip answer it.");

    private static byte[]? Decode(string? base64, int length)
    {
        if (base64 is null || base64.Length > ((length + 2) / 3 * 4) + 4)
            return null;
        var buffer = new byte[length + 3];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written == length ? buffer[..written] : null;
    }
}
