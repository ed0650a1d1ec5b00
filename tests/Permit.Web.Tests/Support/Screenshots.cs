using System.Text.RegularExpressions;

namespace Permit.Web.Tests.Support;

/// <summary>
/// Where screenshots go: <c>PERMIT_SCREENSHOTS</c> when set (e.g. <c>out/screenshots</c> of a working copy), else a
/// <c>screenshots</c> folder in the test output. Never in the source tree by default.
/// </summary>
public static partial class Screenshots
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("PERMIT_SCREENSHOTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, Safe().Replace(name, "-") + ".png"), FullPage = true });
    }

    /// <summary>
    /// Fails when the page shows a text key instead of a text (a missing resource renders its key, e.g. <c>Desk.Title</c>)
    /// or anything that looks like a stack trace.
    /// </summary>
    public static async Task AssertReadableAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = await page.Locator("body").InnerTextAsync();
        var keys = RawKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"{page.Url} shows raw text keys: {string.Join(", ", keys)}");
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[^\w.-]")]
    private static partial Regex Safe();

    [GeneratedRegex(@"\b(App|Nav|Home|SignIn|Denied|Desk|Field|Sex|Resident|Registration|Basis|Application|ApplicationStatus|Exemption|Requirement|Document|Permit|PermitStatus|CardStatus|Queue|CounterSignIn|Counter|MeSignIn|Activate|Me|Js|Problem|Agent|Step|Verdict|Reason|Admin|Bulk|Stats|Audit|Category|Role|Users|Rules|Tier|Tasks|Reviews)\.[A-Za-z][\w-]*")]
    private static partial Regex RawKey();
}
