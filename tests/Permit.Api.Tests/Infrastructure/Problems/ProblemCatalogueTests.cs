using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Localization;
using Permit.Api.Infrastructure.Problems;

namespace Permit.Api.Tests.Infrastructure.Problems;

public sealed partial class ProblemCatalogueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_problem_code_in_the_catalogue_has_a_chinese_and_an_english_text()
    {
        var missing = ProblemCatalogue.All
            .Where(k => !HanCharacter().IsMatch(k.Chinese) || string.IsNullOrWhiteSpace(k.English))
            .Select(k => k.Code).ToList();

        Assert.Empty(missing);
    }

    /// <summary>Reads the sources: a rule thrown or a problem answered with a code the catalogue does not know would
    /// reach the page with no text (and, thrown, with a guessed status).</summary>
    [Fact]
    public void Every_code_the_domain_throws_or_the_api_answers_is_in_the_catalogue()
    {
        var root = RepositoryRoot();
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src/Permit.Domain", "src/Permit.Api" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains("Migrations", StringComparison.Ordinal) || file.EndsWith("ProblemCatalogue.cs", StringComparison.Ordinal))
                    continue;
                var text = File.ReadAllText(file);
                foreach (Match match in ThrownOrAnswered().Matches(text))
                    codes.Add(match.Groups["code"].Value);
            }
        }
        Assert.NotEmpty(codes);

        var unknown = codes.Where(c => !ProblemCatalogue.TryFind(c, out _)).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("zh-CN", "不在签注期内。")]
    [InlineData("en", "It is not endorsement time.")]
    public async Task A_page_carries_the_text_of_every_problem_code_in_its_language(string language, string endorsementWindow)
    {
        await using var app = new PermitTestHost(new TestHostOptions { Clock = null });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        // The language switch is a cookie (the desk is Chinese whatever the browser says).
        request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)))}");

        using var response = await client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = PageTexts().Match(html).Groups["json"].Value;
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        Assert.Equal(endorsementWindow, texts["Problem.endorsement-outside-window"]);
        Assert.All(ProblemCatalogue.All, k => Assert.True(texts.ContainsKey("Problem." + k.Code), k.Code));
    }

    /// <summary>Found from this source file's own path, so it holds wherever the build put its output (PERMIT_ARTIFACTS).</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Permit.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("The repository root (Permit.sln) is not above the test's folder.");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacter();

    // new DomainException("code", …), Problems.Problem("code", …), Problems.Invalid(field, message, "code"),
    // Guard.Text(value, "code", …) (a rule thrown for the caller), errors.Add(field, "code", …) (a field error the page
    // shows), and const string InvalidCode = "code" (a value type's rule, thrown by name).
    [GeneratedRegex(@"(?:DomainException\(\s*|Problems\.Problem\(\s*|Problems\.Invalid\([^;]*?,\s*|Guard\.\w+\([^;]*?,\s*|\w*[Ee]rrors\.Add\(\s*[^,;]+,\s*|const string \w*Code\s*=\s*)""(?<code>[a-z0-9]+(?:-[a-z0-9]+)+)""")]
    private static partial Regex ThrownOrAnswered();

    [GeneratedRegex(@"<script type=""application/json"" id=""permit-texts"">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex PageTexts();
}
