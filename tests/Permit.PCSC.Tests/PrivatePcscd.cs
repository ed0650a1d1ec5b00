namespace Permit.PCSC.Tests;

/// <summary>
/// Tests that use the shared private pcscd run one after another: some restart it or fill its slots,
/// which would pull the ground from under a test running beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PrivatePcscd
{
    public const string Name = "private pcscd";
}
