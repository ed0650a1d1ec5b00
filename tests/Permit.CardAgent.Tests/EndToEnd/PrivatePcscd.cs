namespace Permit.CardAgent.Tests.EndToEnd;

/// <summary>
/// Tests on the shared private pcscd run one after another: one restarts the daemon, and all of them use its two
/// vpcd slots (slot 0 = the ID card reader, slot 1 = the permit card reader).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PrivatePcscd
{
    public const string Name = "private pcscd";
}
