namespace Permit.Domain.Tests.Common;

public sealed class OfficialTests
{
    [Fact]
    public void An_official_without_an_id_cannot_take_decisions() =>
        DomainAssert.Breaks("official-id-required", () => new Official(" ", OfficialRole.Supervisor));

    [Fact]
    public void Only_the_supervisor_role_is_a_supervisor()
    {
        Assert.True(new Official("zh-0042", OfficialRole.Supervisor).IsSupervisor);
        Assert.False(new Official("zh-0043", OfficialRole.Clerk).IsSupervisor);
    }
}
