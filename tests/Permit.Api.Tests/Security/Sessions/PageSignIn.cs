using System.Text.RegularExpressions;

namespace Permit.Api.Tests.Security.Sessions;

/// <summary>Signs a test client in through the officers' sign-in page, as a browser does (antiforgery token included).</summary>
public static partial class PageSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/signin", UriKind.Relative), form, cancellationToken);
    }

    public static async Task SignInAsync(HttpClient client, string userName, string password, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(client, userName, password, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The sign-in page answered {(int)response.StatusCode}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
