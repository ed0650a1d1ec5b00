using System.Security.Cryptography;

namespace Permit.HardwareSim.PermitCards;

/// <summary>One method per row of docs/permit-card.md's command table, each after the generic checks in <see cref="Process"/>.</summary>
public sealed partial class PermitCard
{
    private const int ChipKeyObjectLength = 70;
    private const int SignatureLength = 64;

    private byte[] Select(CommandApdu apdu)
    {
        switch (apdu.P1)
        {
            case 0x04:
                if (!BinaryFileAccess.IsSupportedSelectP2(apdu.P2))
                {
                    return StatusWords.Respond(StatusWords.IncorrectP1P2);
                }

                if (!apdu.IsWellFormed || !apdu.HasData)
                {
                    return StatusWords.Respond(StatusWords.WrongLength);
                }

                // Another AID is not found, and (as ISO 7816-4 has it) leaves the current selection as it was.
                if (!apdu.Data.SequenceEqual(PermitFiles.Aid.Span))
                {
                    return StatusWords.Respond(StatusWords.FileNotFound);
                }

                _applicationSelected = true;
                _currentEf = null;
                return StatusWords.Respond(StatusWords.Ok);

            case 0x02:
                // The SELECT EF row's own answer for "no application selected".
                if (!_applicationSelected)
                {
                    return StatusWords.Respond(StatusWords.CommandNotAllowed);
                }

                if (!BinaryFileAccess.IsSupportedSelectP2(apdu.P2))
                {
                    return StatusWords.Respond(StatusWords.IncorrectP1P2);
                }

                if (BinaryFileAccess.SelectedFid(apdu) is not { } fid)
                {
                    return StatusWords.Respond(StatusWords.WrongLength);
                }

                if (!PermitFiles.MaxSizes.ContainsKey(fid))
                {
                    return StatusWords.Respond(StatusWords.FileNotFound);
                }

                _currentEf = fid;
                return StatusWords.Respond(StatusWords.Ok);

            default:
                return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }
    }

    private byte[] GetSerial(CommandApdu apdu)
    {
        if (apdu.P1P2 != 0x0101)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        return IsCase2(apdu, _state.Serial.Length)
            ? StatusWords.Respond(_state.Serial, StatusWords.Ok)
            : StatusWords.Respond(StatusWords.WrongLength);
    }

    private byte[] VerifyTransportCode(CommandApdu apdu)
    {
        if (_state.LifeCycle != CardLifeCycle.Blank)
        {
            return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
        }

        if (apdu.P1P2 != 0x0001)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (!apdu.IsWellFormed || apdu.Nc != 8 || apdu.Ne is not null)
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        if (_state.TransportTriesLeft == 0)
        {
            return StatusWords.Respond(StatusWords.AuthenticationBlocked);
        }

        if (CryptographicOperations.FixedTimeEquals(apdu.Data, _state.TransportCode))
        {
            _transportCodeVerified = true;
            // Decision: the right code restores the full try counter, as ISO 7816 PINs do.
            if (_state.TransportTriesLeft != PermitCardState.MaxTransportTries)
            {
                _state.TransportTriesLeft = PermitCardState.MaxTransportTries;
                Save();
            }

            return StatusWords.Respond(StatusWords.Ok);
        }

        // Decision: a wrong code also ends a verified session (back to BLANK), as a failed ISO VERIFY resets the
        // verification status; the third wrong try answers 63 C0, and only later tries 69 83.
        _transportCodeVerified = false;
        _state.TransportTriesLeft--;
        Save();
        return StatusWords.Respond(StatusWords.VerificationFailed(_state.TransportTriesLeft));
    }

    private byte[] ReadBinary(CommandApdu apdu)
    {
        if (EffectiveLifeCycle == CardLifeCycle.Blank)
        {
            return StatusWords.Respond(StatusWords.SecurityStatusNotSatisfied);
        }

        if (_currentEf is not { } fid)
        {
            return StatusWords.Respond(StatusWords.CommandNotAllowed);
        }

        return BinaryFileAccess.ReadBinary(apdu, _state.FileContent(fid), ExtendedLength);
    }

    private byte[] UpdateBinary(CommandApdu apdu)
    {
        switch (EffectiveLifeCycle)
        {
            case CardLifeCycle.Active:
                return StatusWords.Respond(StatusWords.CommandNotAllowed);
            case not CardLifeCycle.Personalizing:
                return StatusWords.Respond(StatusWords.SecurityStatusNotSatisfied);
        }

        if (_currentEf is not { } fid)
        {
            return StatusWords.Respond(StatusWords.CommandNotAllowed);
        }

        if ((apdu.P1 & 0x80) != 0)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (!apdu.IsWellFormed || !apdu.HasData || apdu.Ne is not null)
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        var offset = apdu.P1P2;
        var end = offset + apdu.Nc;
        if (end > PermitFiles.MaxSizes[fid])
        {
            return StatusWords.Respond(StatusWords.NotEnoughMemory);
        }

        // Decision ("EF bytes" after a partial write): an UPDATE at offset 0 begins the file anew, later offsets
        // overwrite or extend it, and a gap before the offset reads as 00 (BER padding). So a card re-personalized
        // after an aborted run holds exactly the new TLV object, and the issuer's hashes over "the object as stored" match.
        var old = offset == 0 ? [] : _state.FileContent(fid);
        var content = new byte[Math.Max(old.Length, end)];
        old.CopyTo(content);
        apdu.Data.CopyTo(content.AsSpan(offset));
        _state.Files[fid] = content;
        Save();
        return StatusWords.Respond(StatusWords.Ok);
    }

    private byte[] GenerateKeyPair(CommandApdu apdu)
    {
        if (EffectiveLifeCycle != CardLifeCycle.Personalizing)
        {
            return StatusWords.Respond(StatusWords.SecurityStatusNotSatisfied);
        }

        if (apdu.P1P2 != 0)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (!IsCase2(apdu, ChipKeyObjectLength))
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        var (privateKey, chipKeyObject) = ChipKey.Generate();
        _state.ChipPrivateKeyPkcs8 = privateKey;
        _state.Files[PermitFiles.ChipKey] = chipKeyObject;
        Save();
        return StatusWords.Respond(chipKeyObject, StatusWords.Ok);
    }

    private byte[] Activate(CommandApdu apdu)
    {
        if (EffectiveLifeCycle != CardLifeCycle.Personalizing)
        {
            return StatusWords.Respond(StatusWords.SecurityStatusNotSatisfied);
        }

        if (apdu.P1P2 != 0)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (!IsCase1(apdu))
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        if (PermitFiles.RequiredForActivation.Any(fid => _state.FileContent(fid).IsEmpty))
        {
            return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
        }

        _state.LifeCycle = CardLifeCycle.Active;
        _transportCodeVerified = false;
        Save();
        return StatusWords.Respond(StatusWords.Ok);
    }

    private byte[] InternalAuthenticate(CommandApdu apdu)
    {
        if (_state.LifeCycle != CardLifeCycle.Active)
        {
            return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
        }

        if (apdu.P1P2 != 0)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        // Lc 08..20; Le may be absent, 00, or anything that leaves room for the 64-byte signature.
        if (!apdu.IsWellFormed || apdu.Nc is < 0x08 or > 0x20 || apdu.Ne is < SignatureLength)
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        // Decision: an ACTIVE card whose EF.CHIPKEY was written by UPDATE BINARY rather than GENERATE KEY PAIR
        // holds no private key; it cannot prove anything, so the conditions of use are not satisfied.
        if (_state.ChipPrivateKeyPkcs8 is not { } privateKey)
        {
            return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
        }

        return StatusWords.Respond(ChipKey.SignChallenge(privateKey, apdu.Data), StatusWords.Ok);
    }

    private byte[] Terminate(CommandApdu apdu)
    {
        if (_state.LifeCycle != CardLifeCycle.Active)
        {
            return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
        }

        if (apdu.P1P2 != 0)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (!IsCase1(apdu))
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        _state.LifeCycle = CardLifeCycle.Terminated;
        Save();
        return StatusWords.Respond(StatusWords.Ok);
    }
}
