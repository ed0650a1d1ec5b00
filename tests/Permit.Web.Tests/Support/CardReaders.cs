namespace Permit.Web.Tests.Support;

/// <summary>Tests on the shared private pcscd run one after another: they all use its two vpcd slots.</summary>
[CollectionDefinition(Name)]
public sealed class CardReaders
{
    public const string Name = "card readers";
}
