namespace Permit.PCSC;

/// <summary>What <c>SCardStatus</c> reports about a connected card.</summary>
public sealed record CardStatus(string ReaderName, SCardCardState State, SCardProtocol Protocol, byte[] Atr);
