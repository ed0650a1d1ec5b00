namespace Permit.Domain.Tests.Common;

internal static class DomainAssert
{
    /// <summary>Asserts that the action breaks the rule named <paramref name="code"/>, and returns the exception.</summary>
    public static DomainException Breaks(string code, Action action)
    {
        var ex = Assert.Throws<DomainException>(action);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    public static DomainException Breaks(string code, Func<object?> func) => Breaks(code, () => { _ = func(); });
}
