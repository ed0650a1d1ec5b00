namespace Permit.Api.Web.Texts;

/// <summary>
/// The pages' texts: <c>WebTexts.resx</c> is Chinese (the default), <c>WebTexts.en.resx</c> English. Keys are
/// <c>Area.Name</c>; the script's texts (agent failures, progress) are the keys under <c>Js.</c>, <c>Agent.</c> and
/// <c>Field.</c>, sent to the browser with each page. The problems' texts (<c>Problem.&lt;code&gt;</c>) are not kept
/// here: they come from the problem catalogue (<c>Infrastructure/Problems/ProblemCatalogue.cs</c>), which has both
/// languages for every code the API answers.
/// </summary>
public sealed class WebTexts
{
    public static readonly string[] ScriptPrefixes = ["Js.", "Agent.", "Field.", "Step.", "Verdict.", "Reason."];

    public static string ProblemKey(string code) => "Problem." + code;
}
