using System.Text.Json;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>Reads WebSocket frames and payloads; anything malformed comes back as a problem to log, never an exception.</summary>
internal static class StreamFrames
{
    /// <summary>An event, or null with <paramref name="problem"/> set (a server error frame also comes back as a problem).</summary>
    public static StreamEvent? Parse(ReadOnlySpan<byte> frame, out string? problem)
    {
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(frame);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the frame is not a JSON object";
                return null;
            }

            if (root.TryGetProperty("error", out var error))
            {
                problem = $"server error frame: {error}";
                return null;
            }

            if (!root.TryGetProperty("event", out var name) || name.ValueKind != JsonValueKind.String)
            {
                problem = "the frame has no event name";
                return null;
            }

            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                : [];
            var payload = root.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return new StreamEvent(name.GetString()!, stream, payload);
        }
        catch (JsonException exception)
        {
            problem = $"not JSON: {exception.Message}";
            return null;
        }
    }

    public static MastodonStatus? Status(string? payload, out string? problem) =>
        Decode(payload, MastodonJsonContext.Default.MastodonStatus, out problem);

    public static MastodonNotification? Notification(string? payload, out string? problem) =>
        Decode(payload, MastodonJsonContext.Default.MastodonNotification, out problem);

    private static T? Decode<T>(string? payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, out string? problem)
        where T : class
    {
        problem = null;
        if (string.IsNullOrEmpty(payload))
        {
            problem = "the event has no payload";
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(payload, type) ?? throw new JsonException("null payload");
        }
        catch (JsonException exception)
        {
            problem = $"payload is not a {typeof(T).Name}: {exception.Message}";
            return null;
        }
    }
}
