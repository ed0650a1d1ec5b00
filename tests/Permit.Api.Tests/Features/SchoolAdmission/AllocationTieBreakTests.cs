using Permit.Api.Features.SchoolAdmission;
using Permit.Domain.SchoolAdmission;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.SchoolAdmission.AdmissionArrange;

namespace Permit.Api.Tests.Features.SchoolAdmission;

/// <summary>
/// Ties on points over HTTP, past the residence months (covered in <see cref="SchoolAdmissionTests"/>): the earlier
/// application, then the final key for entries made in the same instant; and a run replayed on the same inputs.
/// </summary>
public sealed class AllocationTieBreakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Equal_points_and_residence_go_to_the_earlier_application_then_to_the_final_key_and_each_explanation_names_the_rule(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var parents = new List<Holder>();
        var children = new List<Guid>();
        string[] names = ["小一", "小二", "小三", "小四"];
        for (var n = 0; n < 4; n++)
        {
            parents.Add(await ActiveHolderAsync(host, registrar, n));
            await PointsAsync(host, parents[n].ResidentId, 80m);
            children.Add(await ChildOfAsync(host, registrar, parents[n], names[n], n));
        }

        var round = await OpenRoundAsync(supervisor, places: 3);
        var first = await EnteredAsync(registrar, round.Id, children[0], parents[0].Number);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await EnteredAsync(registrar, round.Id, children[1], parents[1].Number);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        // A bulk entry: two children in the same instant tie on points, residence and application time.
        var third = await EnteredAsync(registrar, round.Id, children[2], parents[2].Number);
        var fourth = await EnteredAsync(registrar, round.Id, children[3], parents[3].Number);

        var run = await RunAsync(supervisor, round.Id);

        var (lastPlace, firstOut) = string.CompareOrdinal(
            AdmissionAllocation.FinalKey(round.Id, third.Id), AdmissionAllocation.FinalKey(round.Id, fourth.Id)) < 0
            ? (third, fourth) : (fourth, third);
        Assert.Equal([first.Id, second.Id, lastPlace.Id, firstOut.Id], run.Lines.Select(l => l.ApplicantId));
        Assert.Equal(
            [(1, "admitted", "application-time"), (2, "admitted", "application-time"), (3, "admitted", "final-key"), (4, "not-admitted", "final-key")],
            run.Lines.Select(l => (l.Rank!.Value, l.Outcome, l.TieBreak!)));
        Assert.All(run.Lines, l => Assert.Equal(80m, l.Points));
        Assert.Contains("the earlier application decided", run.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("the earlier application decided", run.Lines[1].Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Admitted: rank 3 with 80 points", run.Lines[2].Explanation, StringComparison.Ordinal);
        Assert.Contains("the fixed final key (SHA-256 of round and applicant) decided", run.Lines[2].Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Not admitted: rank 4 with 80 points; the 3 places went to higher ranks.", run.Lines[3].Explanation, StringComparison.Ordinal);
        Assert.Contains("final key", run.Lines[3].Explanation, StringComparison.Ordinal);
        Assert.True(run.Reproducible);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Running_a_round_again_on_the_same_inputs_gives_the_same_result_and_a_stored_result_that_no_longer_follows_is_flagged(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        decimal[] points = [90m, 75.5m, 75.5m, 75.5m, 60m, 60m];
        var round = await OpenRoundAsync(supervisor, places: 3);
        for (var n = 0; n < points.Length; n++)
        {
            var parent = await ActiveHolderAsync(host, registrar, n);
            await PointsAsync(host, parent.ResidentId, points[n]);
            var child = await ChildOfAsync(host, registrar, parent, $"孩子{n}", n);
            // All in one instant, so the final key orders every tie.
            (await EnterAsync(registrar, round.Id, child, parent.Number)).Dispose();
        }

        var once = await RunAsync(supervisor, round.Id);
        // Later the same day (officers sign in again: their tokens are short-lived).
        host.Time.Advance(TimeSpan.FromHours(2));
        using var later = host.Officer(OfficerRole.Supervisor);
        using var laterRegistrar = host.Officer();
        var again = await RunAsync(later, round.Id);

        Assert.Equal((1, 2), (once.Sequence, again.Sequence));
        Assert.Equal(once.Lines, again.Lines);
        Assert.Equal(3, again.Admitted);
        Assert.True(once.Reproducible && again.Reproducible);

        // Someone edits the stored outcome of rank 1 in the database: the result no longer follows from its snapshot.
        await using (var db = host.NewContext())
        {
            Assert.Equal(2, await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"AllocationLines\" SET \"Outcome\" = 'not-admitted', \"Reason\" = 'places-filled' WHERE \"Rank\" = 1", Ct));
        }

        var read = await laterRegistrar.GetFromJsonAsync<RunView>($"/api/school-admission/rounds/{round.Id}/runs/{once.Id}", Ct);
        Assert.False(read!.Reproducible);
        Assert.Equal("not-admitted", read.Lines[0].Outcome);
    }
}
