namespace Permit.Domain.Tests.Common;

public sealed class Mod11CheckTests
{
    [Theory]
    [InlineData("53010219200508011", 'X')]
    [InlineData("33021120260000001", '5')]
    [InlineData("33020419850615002", '2')]
    public void The_check_character_matches_the_GB_11643_table(string seventeen, char expected) =>
        Assert.Equal(expected, Mod11Check.Compute(seventeen));

    [Theory]
    [InlineData("5301021920050801")]
    [InlineData("5301021920050801A")]
    public void Anything_but_17_digits_is_refused(string input) =>
        Assert.Throws<ArgumentException>(() => Mod11Check.Compute(input));
}
