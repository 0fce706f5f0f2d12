using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignBot.Storage.Tables;

// Lists handed to SQLite as one JSON parameter (read back with json_each): one bind however long the list, where a
// named parameter per item binds in quadratic time.
internal static class SqliteJson
{
    // Text goes in as UTF-8, not as \u escapes; JSON's own escaping still applies.
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>["a", "b", …]</summary>
    public static string Strings(IEnumerable<string> values) => Write(writer =>
    {
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
    });

    /// <summary>[[number, "text"], …]</summary>
    public static string Pairs(IEnumerable<(long Number, string Text)> pairs) => Write(writer =>
    {
        foreach (var (number, text) in pairs)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(number);
            writer.WriteStringValue(text);
            writer.WriteEndArray();
        }
    });

    private static string Write(Action<Utf8JsonWriter> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
