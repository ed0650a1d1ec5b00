using System.Security.Cryptography;
using System.Text;
using Permit.Domain.Credentials.Signing;

namespace Permit.Domain.Credentials.Card;

/// <summary>
/// The chip signature (card spec v1, as ICAO 9303 AA): the card signs ASCII <c>PERMIT-AA1</c> ‖ challenge
/// with ECDSA-P256-SHA256 and answers <c>r‖s</c>. A copy of the files on another chip cannot answer.
/// </summary>
public static class ActiveAuthentication
{
    /// <summary>What a verifier sends: 16 fresh random bytes.</summary>
    public const int ChallengeLength = 16;

    /// <summary>The Lc range INTERNAL AUTHENTICATE accepts.</summary>
    public const int MinChallengeLength = 8;
    public const int MaxChallengeLength = 32;

    private static readonly byte[] Prefix = Encoding.ASCII.GetBytes("PERMIT-AA1");

    public static byte[] NewChallenge() => RandomNumberGenerator.GetBytes(ChallengeLength);

    /// <summary>The bytes the chip signs: <c>PERMIT-AA1</c> (10 bytes) ‖ challenge.</summary>
    public static byte[] Message(ReadOnlySpan<byte> challenge) => [.. Prefix, .. challenge];

    /// <summary>What the card (or its emulator) answers, from its private key.</summary>
    public static byte[] Sign(ECDsa chipPrivateKey, ReadOnlySpan<byte> challenge)
    {
        ArgumentNullException.ThrowIfNull(chipPrivateKey);
        return chipPrivateKey.SignData(Message(challenge), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>True when <paramref name="response"/> is the chip's signature over this challenge.</summary>
    public static bool Verify(ChipPublicKey chipKey, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> response)
    {
        ArgumentNullException.ThrowIfNull(chipKey);
        if (challenge.Length is < MinChallengeLength or > MaxChallengeLength)
        {
            return false;
        }

        using var key = chipKey.ToECDsa();
        return P256.Verify(key, Message(challenge), response);
    }
}
