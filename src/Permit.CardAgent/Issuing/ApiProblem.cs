using System.Text.Json;

namespace Permit.CardAgent.Issuing;

/// <summary>
/// An RFC 9457 problem the permit API answered: its stable code (the <c>code</c> extension, else the last segment of
/// <c>type</c>), title, detail and field errors. Anything that is not a problem document reads as an empty one.
/// </summary>
internal sealed record ApiProblem(string? Code, string? Title, string? Detail, IReadOnlyList<string> FieldErrors)
{
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return new ApiProblem(null, null, null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new ApiProblem(null, null, null, []);
            var type = String(root, "type");
            var code = String(root, "code") ?? (type is null ? null : type[(type.LastIndexOfAny(['/', ':']) + 1)..]);
            var errors = new List<string>();
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    var messages = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString())
                        : [];
                    errors.Add($"{field.Name}: {string.Join(" ", messages)}");
                }
            }

            return new ApiProblem(string.IsNullOrEmpty(code) ? null : code, String(root, "title"), String(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(null, null, null, []);
        }
    }

    /// <summary>Title, detail and field errors in one line.</summary>
    public string Describe()
    {
        var parts = new[] { Title, Detail }.Where(p => !string.IsNullOrWhiteSpace(p)).Concat(FieldErrors).ToArray();
        return parts.Length == 0 ? "no reason given" : string.Join(" ", parts);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
