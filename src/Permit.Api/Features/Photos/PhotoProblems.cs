using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Permit.Api.Features.Residents;
using Permit.Documents.Photos;

namespace Permit.Api.Features.Photos;

/// <summary>The photo refusals (422), each with a stable type; the pages word them in zh-CN and en (<c>Problem.&lt;code&gt;</c>).</summary>
public static class PhotoProblems
{
    public static string Code(PhotoRefusal refusal) => refusal switch
    {
        PhotoRefusal.NotAnImage => "photo-not-an-image",
        PhotoRefusal.TooSmall => "photo-too-small",
        PhotoRefusal.TooDark => "photo-too-dark",
        _ => "photo-not-face-sized",
    };

    public static ProblemHttpResult Refused(PhotoRefusal refusal)
    {
        var (zh, en) = refusal switch
        {
            PhotoRefusal.NotAnImage => ("这不是照片：请用摄像头拍摄，或上传 JPEG / PNG 图片。",
                "This is not a picture: take one with the camera or upload a JPEG or PNG."),
            PhotoRefusal.TooSmall => ($"照片太小：人像裁剪后不足 {HolderPhoto.Width}×{HolderPhoto.Height} 像素，请靠近摄像头或上传更清晰的照片。",
                $"The picture is too small: the portrait crop would be under {HolderPhoto.Width}×{HolderPhoto.Height} pixels. Move closer or upload a sharper picture."),
            PhotoRefusal.TooDark => ("照片太暗，看不清面部：请打开灯光或调整位置后重拍。",
                "The picture is too dark to see the face: turn on the light or move, then take it again."),
            _ => ("照片不是头肩像：画面宽高相差超过一倍，请让本人正对摄像头、居中后重拍。",
                "This is not a head-and-shoulders picture: it is more than twice as wide as high (or high as wide). Centre the person facing the camera and take it again."),
        };
        var code = Code(refusal);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = DeskProblems.TypeOf(code),
            Title = en,
            Detail = zh,
            Extensions = { ["rule"] = code },
        });
    }

    public static ProblemHttpResult LinkRefused() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Type = DeskProblems.TypeOf("photo-link-invalid"),
        Title = "This photo link is unknown, expired or was made for someone else.",
        Detail = "照片链接无效、已过期或不属于您。",
        Extensions = { ["rule"] = "photo-link-invalid" },
    });
}
