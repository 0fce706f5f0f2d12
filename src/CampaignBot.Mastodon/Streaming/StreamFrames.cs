using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// Reads WebSocket frames and payloads; anything malformed comes back as a problem to log, never an exception.
/// A frame is read in one pass of a <see cref="Utf8JsonReader"/> (no document is built), and its payload — a JSON
/// string holding JSON — is unescaped once into UTF-8 bytes that the entity is then read from, never turned into a
/// .NET string: on a busy hashtag this is the bot's hottest path.
/// </summary>
internal static class StreamFrames
{
    /// <summary>An event, or null with <paramref name="problem"/> set (a server error frame also comes back as a problem).</summary>
    public static StreamEvent? Parse(ReadOnlySpan<byte> frame, out string? problem)
    {
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "the frame is not a JSON object";
                return null;
            }

            string? name = null;
            string[] stream = [];
            ReadOnlyMemory<byte>? payload = null;
            string? error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("event"u8))
                {
                    reader.Read();
                    name = reader.TokenType == JsonTokenType.String ? EventName(ref reader) : null;
                }
                else if (reader.ValueTextEquals("stream"u8))
                {
                    reader.Read();
                    stream = reader.TokenType == JsonTokenType.StartArray ? StreamNames(ref reader) : [];
                }
                else if (reader.ValueTextEquals("payload"u8))
                {
                    reader.Read();
                    payload = reader.TokenType == JsonTokenType.String ? Unescaped(ref reader) : null;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = JsonElement.ParseValue(ref reader).ToString();
                }

                reader.Skip();
            }

            // Read to the end, so a frame cut short or followed by anything is malformed, as a whole-document parse would say.
            while (reader.Read())
            {
            }

            if (error is not null)
            {
                problem = $"server error frame: {error}";
                return null;
            }

            if (name is null)
            {
                problem = "the frame has no event name";
                return null;
            }

            return new StreamEvent(name, stream, payload);
        }
        catch (JsonException exception)
        {
            problem = $"not JSON: {exception.Message}";
            return null;
        }
    }

    public static MastodonStatus? Status(ReadOnlyMemory<byte>? payload, out string? problem) =>
        Decode(payload, MastodonJsonContext.Default.MastodonStatus, out problem);

    public static MastodonStatus? Status(string? payload, out string? problem) =>
        Status(Utf8(payload), out problem);

    public static MastodonNotification? Notification(ReadOnlyMemory<byte>? payload, out string? problem) =>
        Decode(payload, MastodonJsonContext.Default.MastodonNotification, out problem);

    public static MastodonNotification? Notification(string? payload, out string? problem) =>
        Notification(Utf8(payload), out problem);

    private static ReadOnlyMemory<byte>? Utf8(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    private static T? Decode<T>(ReadOnlyMemory<byte>? payload, JsonTypeInfo<T> type, out string? problem)
        where T : class
    {
        problem = null;
        if (payload is not { Length: > 0 } json)
        {
            problem = "the event has no payload";
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json.Span, type) ?? throw new JsonException("null payload");
        }
        catch (JsonException exception)
        {
            problem = $"payload is not a {typeof(T).Name}: {exception.Message}";
            return null;
        }
    }

    // The events the bot meets are named without allocating; anything else is read as it comes.
    private static string EventName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("update"u8) ? "update"
        : reader.ValueTextEquals("notification"u8) ? "notification"
        : reader.ValueTextEquals("delete"u8) ? "delete"
        : reader.GetString()!;

    // Non-string entries are ignored; the reader is left on the array's end.
    private static string[] StreamNames(ref Utf8JsonReader reader)
    {
        var names = new List<string>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                names.Add(reader.ValueTextEquals("hashtag"u8) ? "hashtag" : reader.ValueTextEquals("user"u8) ? "user" : reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return [.. names];
    }

    // The string's content with its escapes undone, as UTF-8 (never longer than the escaped form).
    private static ReadOnlyMemory<byte> Unescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        var buffer = new byte[reader.ValueSpan.Length];
        return buffer.AsMemory(0, reader.CopyString(buffer));
    }
}
