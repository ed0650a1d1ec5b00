using Permit.Api.Features.Credentials;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Verification;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// A card lookup's request made into verifier inputs: the four files decoded from base64 (each within its spec size),
/// and the chip's answer to a server challenge. The agent's own verdict is not taken: everything, the chip included, is
/// judged again here.
/// </summary>
public sealed record AgentCardRead(CardReadout? Files, ChipAnswer? Chip, Dictionary<string, string[]>? Errors)
{
    /// <summary>The chip answered a challenge this API issued (single use, unexpired), verified against the confirmed chip key.</summary>
    public const string ServerChallenge = "server-challenge";

    public static AgentCardRead From(CardLookupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var files = request.Files;
        if (files is null)
            errors["files"] = ["The card files the agent read are required."];
        var permit = Decode(files?.Permit, "files.permit", CardFiles.PermitMaxBytes, required: true, errors);
        var photo = Decode(files?.Photo, "files.photo", CardFiles.PhotoMaxBytes, required: false, errors);
        var chipKey = Decode(files?.ChipKey, "files.chipKey", CardFiles.ChipKeyMaxBytes, required: true, errors);
        var signature = Decode(files?.Signature, "files.signature", CardFiles.SignatureMaxBytes, required: true, errors);

        // Only the chip's answer to our own nonce proves it is in front of the terminal now; the agent's word does not.
        var chip = ChipAnswer.From(request.Chip?.Challenge, request.Chip?.Response);
        if (chip.Error is not null)
            errors["chip"] = ["The chip's answer to a server challenge is required: fetch one (POST /api/card-challenges), send it to the agent's /permit-card/read as \"challenge\", and forward its \"chip\"."];
        if (errors.Count > 0)
            return new AgentCardRead(null, null, errors);

        return new AgentCardRead(new CardReadout(permit!, photo, chipKey!, signature!), chip, null);
    }

    private static byte[]? Decode(string? base64, string field, int maxBytes, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(base64))
        {
            if (required)
                errors[field] = ["Required (base64)."];
            return null;
        }

        // Base64 of n bytes is 4·⌈n/3⌉ characters: anything longer is refused before it is decoded.
        if (base64.Length > ((maxBytes + 2) / 3 * 4) + 8)
        {
            errors[field] = [$"Longer than the {maxBytes} bytes the card spec allows."];
            return null;
        }

        var buffer = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            errors[field] = ["Not base64."];
            return null;
        }

        return buffer[..written];
    }
}
