using System.Text.Json;
using System.Text.Json.Serialization;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// Source-generated JSON for the lookup answers (the hot path of every counter): no reflection or runtime metadata
/// building per type, the same web defaults (camelCase) as the rest of the API. First in the resolver chain; every
/// other type falls through to the reflection resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EntitlementAnswer))]
[JsonSerializable(typeof(IReadOnlyList<TerminalService>))]
internal sealed partial class EntitlementJson : JsonSerializerContext;
