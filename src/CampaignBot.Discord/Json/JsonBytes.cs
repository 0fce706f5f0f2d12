using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignBot.Discord.Json;

internal static class JsonBytes
{
    /// <summary>A node as compact UTF-8 JSON, written as it stands (no serializer, so nothing resolved by reflection).</summary>
    public static byte[] Of(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
