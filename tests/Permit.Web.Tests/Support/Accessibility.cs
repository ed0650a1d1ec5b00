using Deque.AxeCore.Playwright;

namespace Permit.Web.Tests.Support;

/// <summary>
/// Deque's axe-core run on the page as it stands: a serious or critical violation fails the test, naming the rule and
/// the elements, so the page is fixed rather than the rule switched off. Minor and moderate findings are not judged here.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var blocking = await SeriousViolationsAsync(page);
        Assert.True(blocking.Count == 0, $"{page.Url} has accessibility violations:\n" + string.Join("\n", blocking));
    }

    /// <summary>One line per serious or critical violation: the page, the rule, and up to five offending elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        // A run that judged nothing (the engine not injected, an empty page) must not pass as "no violations".
        Assert.True(result.Passes.Length > 0, $"{page.Url}: axe-core checked nothing");
        return result.Violations
            .Where(v => Blocking.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .Select(v => $"{page.Url}: {v.Impact} {v.Id} ({v.Help}): " + string.Join("; ", v.Nodes.Take(5).Select(n => n.Html)))
            .ToList();
    }
}
