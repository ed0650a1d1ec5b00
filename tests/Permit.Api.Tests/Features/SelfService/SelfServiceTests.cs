using Permit.Api.Tests.Features.Endorsements;

namespace Permit.Api.Tests.Features.SelfService;

public sealed class SelfServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_holder_sees_their_own_permit_with_the_next_window_and_card_sequence()
    {
        await using var host = new PermitTestHost();
        var (number, arranged) = await EndorsementTests.ActivePermitAsync(host);
        using var migrant = host.Migrant(arranged.ResidentId);

        var view = await migrant.GetFromJsonAsync<OwnPermitView>("/api/self-service/permit", Ct);

        Assert.Equal(number, view!.PermitNumber);
        Assert.Equal("Active", view.Status);
        Assert.Equal(new WindowView(new DateOnly(2027, 2, 10), new DateOnly(2027, 3, 9)), view.NextEndorsementWindow);
        Assert.False(view.CanEndorseToday);
        Assert.Equal((1, "Issued"), (view.CardSequence, view.CardStatus));
    }

    [Fact]
    public async Task A_holder_requests_the_endorsement_inside_the_window()
    {
        await using var host = new PermitTestHost();
        var (_, arranged) = await EndorsementTests.ActivePermitAsync(host);
        host.Time.SetUtcNow(EndorsementTests.At(2027, 3, 1));
        using var migrant = host.Migrant(arranged.ResidentId);

        using var response = await migrant.PostAsync(new Uri("/api/self-service/permit/endorsements", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var endorsement = await response.Content.ReadFromJsonAsync<EndorsementView>(Ct);
        Assert.Equal(new DateOnly(2028, 3, 9), endorsement!.ValidUntil);
    }

    [Fact]
    public async Task A_migrant_without_a_permit_gets_404_and_cannot_use_officer_endpoints()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await EndorsementTests.ActivePermitAsync(host);
        using var stranger = host.Migrant(Guid.NewGuid());

        using var own = await stranger.GetAsync(new Uri("/api/self-service/permit", UriKind.Relative), Ct);
        using var someoneElses = await stranger.GetAsync(new Uri($"/api/permits/{number}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElses.StatusCode);
    }
}

public sealed record OwnPermitView(
    string PermitNumber, string Status, DateOnly ValidUntil, WindowView NextEndorsementWindow, bool CanEndorseToday,
    int CardSequence, string CardStatus, DateOnly ContinuousResidenceSince);
