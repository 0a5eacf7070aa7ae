using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crawler.Pipeline.Notification;

/// <summary>The one JSON shape of alerts: camelCase, kebab-case event names, Chinese left unescaped.</summary>
public static class AlertJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Bodies go out as application/json, never into HTML, so readable Chinese is safe and easier to audit.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static AlertEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize<AlertEvent>(payload, Options)
        ?? throw new JsonException("alert payload is the JSON literal null");

    public static string EventName(AlertEventKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
