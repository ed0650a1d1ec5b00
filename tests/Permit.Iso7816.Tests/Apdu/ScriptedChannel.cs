namespace Permit.Iso7816.Tests.Apdu;

/// <summary>A card channel that records every command and answers from a script, in order.</summary>
internal sealed class ScriptedChannel(params string[] answers) : ICardChannel
{
    private readonly Queue<byte[]> _answers = new(answers.Select(Convert.FromHexString));

    public List<string> Sent { get; } = [];

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        Sent.Add(Convert.ToHexString(command));
        return _answers.Dequeue();
    }
}
