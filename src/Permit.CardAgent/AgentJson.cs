using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Permit.CardAgent;

/// <summary>The agent's JSON conventions: camelCase, Chinese text as is (not \u escapes), nulls left out.</summary>
public static class AgentJson
{
    public static JsonSerializerOptions Output { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>One event per line (<c>watch --json</c>, server-sent events).</summary>
    public static JsonSerializerOptions Line { get; } = new(Output) { WriteIndented = false };

    public static JsonSerializerOptions Input { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
