using Microsoft.AspNetCore.Mvc;
using Permit.Documents.Photos;

namespace Permit.Api.Features.Photos;

/// <summary>The photo refusals (422), each with a stable code in the problem catalogue.</summary>
public static class PhotoProblems
{
    public static string Code(PhotoRefusal refusal) => refusal switch
    {
        PhotoRefusal.NotAnImage => "photo-not-an-image",
        PhotoRefusal.TooSmall => "photo-too-small",
        PhotoRefusal.TooDark => "photo-too-dark",
        _ => "photo-not-face-sized",
    };

    /// <summary>
    /// The refusal, worded by the problem catalogue: the title in English and, because an officer at the desk reads it
    /// as it comes, the detail in Chinese.
    /// </summary>
    public static ProblemHttpResult Refused(PhotoRefusal refusal)
    {
        var kind = ProblemCatalogue.Get(Code(refusal));
        var problem = Problems.Details(kind.Code, kind.English);
        problem.Detail = kind.Chinese;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult LinkRefused() =>
        Problems.Problem("photo-link-invalid", "This photo link is unknown, expired or was made for someone else.");
}
