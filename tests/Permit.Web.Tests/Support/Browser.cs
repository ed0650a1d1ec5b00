namespace Permit.Web.Tests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's <c>/usr/bin/chromium</c> driven by Playwright (no browser
/// download). A machine without it skips the browser tests; in CI (<c>CI=true</c>) they fail.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    public static (int Width, int Height) Desktop { get; } = (1280, 800);

    public static (int Width, int Height) Phone { get; } = (390, 844);

    public IBrowser Chromium
    {
        get
        {
            Requirements.Require(_missing);
            return _browser ?? throw new InvalidOperationException("The browser did not start.");
        }
    }

    /// <summary>A fresh browser profile (own cookies) at <paramref name="size"/>, talking to <paramref name="baseUrl"/>.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, (int Width, int Height)? size = null)
    {
        var (width, height) = size ?? Desktop;
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        // A hang guard, not a speed test: the API suite runs beside these pages on two cores, and a navigation was seen
        // taking over 20 s there. A right page answers long before; a wrong one still fails, only later.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        return page;
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _missing = $"Chromium at {ChromiumPath} (apt-get install chromium)";
            return;
        }

        // Five seconds (Playwright's default) is too short on a loaded two-core CI machine: a page's navigation
        // was seen still finishing after it, and 15 s once failed a CI run. Waiting longer changes nothing when the page is right.
        Assertions.SetDefaultExpectTimeout(45_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The fake camera and an automatic "allow" let the desk take a photo with getUserMedia (a moving test pattern).
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
