using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Permit.Domain.Common;

/// <summary>
/// The one JSON dialect of the documents the district publishes (points rule sets, service catalogues):
/// camelCase, strict on reading (unknown or missing members are errors), indented and readable on writing.
/// </summary>
public static class PublishedJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        IndentSize = 2,
        // Chinese names stay readable in the file instead of becoming \u escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
