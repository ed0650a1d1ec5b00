using Permit.Domain.Common;

namespace Permit.Api.Tests.Features.Residents;

/// <summary>Test data: valid ID numbers and ID card JSON as <c>permit-agent read-id --json</c> prints it.</summary>
public static class DeskData
{
    /// <summary>The registration desk's day (the China date of <see cref="Morning"/>).</summary>
    public static readonly DateOnly Today = new(2026, 3, 2);

    /// <summary>Where the desk tests' clock starts: <see cref="Today"/>, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Morning = new(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>Row counts of the desk's tables, to show that refused input wrote nothing.</summary>
    public static async Task<(int Residents, int Registrations, int Applications)> CountsAsync(this PermitTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ct = TestContext.Current.CancellationToken;
        await using var db = host.NewContext();
        // Spelled out: System.Linq's own CountAsync would be ambiguous on an IQueryable.
        return (await EntityFrameworkQueryableExtensions.CountAsync(db.Residents, ct),
            await EntityFrameworkQueryableExtensions.CountAsync(db.ResidenceRegistrations, ct),
            await EntityFrameworkQueryableExtensions.CountAsync(db.PermitApplications, ct));
    }

    /// <summary>A valid ID number: the 17 digits given, then the MOD 11-2 check character.</summary>
    public static string IdNumber(string seventeen) => seventeen + Mod11Check.Compute(seventeen);

    /// <summary>The same number with another check character.</summary>
    public static string WrongCheck(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

    /// <summary>Born 1990-01-01, male (sequence 123).</summary>
    public static readonly string ZhangSan = IdNumber("33021119900101123");

    public static readonly string LiSi = IdNumber("41010219950612204");

    public static Dictionary<string, object?> IdCard(string idNumber, string name = "张三", string birthDate = "19900101", string sex = "1") => new()
    {
        ["name"] = name,
        ["sex"] = sex,
        ["ethnicGroup"] = "01",
        ["birthDate"] = birthDate,
        ["address"] = "浙江省宁波市镇海区骆驼街道中街1号",
        ["idNumber"] = idNumber,
        ["issuingAuthority"] = "宁波市公安局镇海分局",
        ["validFrom"] = "20200101",
        ["validTo"] = "20400101",
        ["cardType"] = "resident",
        ["photoFormat"] = "none",
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
