namespace Permit.Api.Web.Texts;

/// <summary>
/// The pages' texts: <c>WebTexts.resx</c> is Chinese (the default), <c>WebTexts.en.resx</c> English. Keys are
/// <c>Area.Name</c>; the script's texts (problem types, agent failures, progress) are the keys under <c>Js.</c>,
/// <c>Problem.</c>, <c>Agent.</c> and <c>Field.</c>, sent to the browser with each page.
/// </summary>
public sealed class WebTexts
{
    public static readonly string[] ScriptPrefixes = ["Js.", "Problem.", "Agent.", "Field.", "Step.", "Verdict.", "Reason."];
}
