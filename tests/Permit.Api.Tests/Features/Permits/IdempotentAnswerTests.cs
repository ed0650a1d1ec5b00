using System.Text;
using Microsoft.Data.Sqlite;
using Permit.Api.Features.Jobs;
using Permit.Api.Features.Permits.Idempotency;
using Permit.Api.Tests.Features.Personalization;

namespace Permit.Api.Tests.Features.Permits;

/// <summary>
/// A personalization answer is a whole card file (ID number, hukou and residence address). Kept for an
/// <c>Idempotency-Key</c> retry, it must not become a copy of that personal data in clear, nor an answer for anyone
/// who guesses the key, nor a record kept for ever.
/// </summary>
public sealed class IdempotentAnswerTests
{
    private const string Serial = "A1B2C3D4E5F60718";
    private const string HukouAddress = "北京市东城区东华门街道1号";
    private const string ResidenceAddress = "浙江省宁波市镇海区骆驼街道中街1号";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_personalized_holders_id_number_and_addresses_are_nowhere_in_clear_in_the_database_file()
    {
        string[] files;
        await using (var host = new PermitTestHost())
        {
            using var officer = host.Officer();
            var number = await IssueAsync(host, officer);
            using var chip = new CardHandshake(Serial);
            var (status, first) = await PersonalizeAsync(officer, number, chip, "card-1-attempt");
            Assert.Equal(HttpStatusCode.OK, status);
            // The retry still gets the same answer: it is kept, only never in clear.
            Assert.Equal((HttpStatusCode.OK, first), await PersonalizeAsync(officer, number, chip, "card-1-attempt"));
            Assert.Contains(Base64Forms(Encoding.ASCII.GetBytes(PermitArrange.IdNumber(0))), form => first.Contains(form, StringComparison.Ordinal));

            var database = new SqliteConnectionStringBuilder(host.ConnectionString).DataSource;
            files = [database, database + "-wal", database + "-journal"];
            var found = Occurrences(files);
            Assert.Empty(found);
        }
    }

    [Fact]
    public async Task Another_caller_using_the_same_idempotency_key_gets_a_409_and_not_the_card_files()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        using var otherOfficer = host.Officer(OfficerRole.Supervisor);
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);
        Assert.Equal(HttpStatusCode.OK, (await PersonalizeAsync(officer, number, chip, "shared-key")).Status);

        var (status, body) = await PersonalizeAsync(otherOfficer, number, chip, "shared-key");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("idempotency-key-other-caller", body, StringComparison.Ordinal);
        Assert.DoesNotContain(PermitArrange.IdNumber(0), body, StringComparison.Ordinal);
        Assert.DoesNotContain("permitFile", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_older_than_a_day_is_deleted_by_the_expiry_job_and_never_replayed()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);
        Assert.Equal(HttpStatusCode.OK, (await PersonalizeAsync(officer, number, chip, "day-old")).Status);

        await using (var db = host.NewContext())
        {
            Assert.Equal(0, await ExpiredIdempotentAnswersJob.DeleteExpiredAsync(db, host.Time.GetUtcNow().AddHours(23), Ct));
            Assert.Equal(2, await ExpiredIdempotentAnswersJob.DeleteExpiredAsync(db, host.Time.GetUtcNow().AddHours(24), Ct));
            Assert.Equal(0, await db.Set<IdempotentRequest>().CountAsync(Ct));
        }
    }

    [Fact]
    public async Task An_expired_answer_the_job_has_not_swept_yet_is_not_replayed()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var number = await IssueAsync(host, officer);
        using var chip = new CardHandshake(Serial);
        var (_, first) = await PersonalizeAsync(officer, number, chip, "stale");

        // A day and an hour later (moved in the data: the officer's token would not live that long).
        await using (var db = host.NewContext())
        {
            var dayBefore = host.Time.GetUtcNow().AddHours(-25);
            await db.Set<IdempotentRequest>().ExecuteUpdateAsync(r => r.SetProperty(x => x.CreatedAt, dayBefore), Ct);
        }

        var (status, second) = await PersonalizeAsync(officer, number, chip, "stale");

        // Prepared afresh (a new signature over new files), not the day-old answer.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first, second);
    }

    private static async Task<string> IssueAsync(PermitTestHost host, HttpClient officer)
    {
        var (_, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/permits") { Content = JsonContent.Create(new { applicationId }) };
        request.Headers.Add(IdempotencyKey.HeaderName, "issue-1");
        using var response = await officer.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedView>(Ct))!.Permit.PermitNumber;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PersonalizeAsync(HttpClient officer, string number, CardHandshake chip, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CardHandshake.Route(number, 1, "personalization"))
        {
            Content = JsonContent.Create(chip.PersonalizationRequest),
        };
        request.Headers.Add(IdempotencyKey.HeaderName, key);
        using var response = await officer.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    // Which personal values appear in which file, in UTF-8 or inside base64 / base64url text at any alignment.
    private static List<string> Occurrences(string[] files)
    {
        var needles = new Dictionary<string, byte[]>
        {
            ["ID number"] = Encoding.ASCII.GetBytes(PermitArrange.IdNumber(0)),
            ["hukou address"] = Encoding.UTF8.GetBytes(HukouAddress),
            ["residence address"] = Encoding.UTF8.GetBytes(ResidenceAddress),
        };
        var found = new List<string>();
        foreach (var file in files.Where(File.Exists))
        {
            byte[] content;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                content = copy.ToArray();
            }

            foreach (var (what, bytes) in needles)
            {
                if (content.AsSpan().IndexOf(bytes) >= 0)
                    found.Add($"{what} in UTF-8 in {Path.GetFileName(file)}");
                foreach (var form in Base64Forms(bytes))
                {
                    if (content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(form)) >= 0)
                        found.Add($"{what} in base64 in {Path.GetFileName(file)}");
                }
            }
        }

        return found;
    }

    // The part of the base64 (and base64url) text of the value that is the same wherever it sits in a longer blob.
    private static List<string> Base64Forms(byte[] value)
    {
        var forms = new List<string>();
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + value.Length + 3];
            value.CopyTo(padded, offset);
            var text = Convert.ToBase64String(padded);
            var stable = text[(offset == 0 ? 0 : 4)..^8];
            forms.Add(stable);
            forms.Add(stable.Replace('+', '-').Replace('/', '_'));
        }

        return forms;
    }
}
