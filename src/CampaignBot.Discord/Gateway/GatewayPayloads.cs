using System.Buffers;
using System.Text.Json;

namespace CampaignBot.Discord.Gateway;

/// <summary>The payloads the bot sends on the gateway.</summary>
internal static class GatewayPayloads
{
    /// <summary>
    /// GUILDS and GUILD_SCHEDULED_EVENTS (Interested counts as an RSVP): interactions need no intent, and no
    /// privileged intent is ever asked for.
    /// </summary>
    public const int Intents = (1 << 0) | (1 << 16);

    public static byte[] Heartbeat(long? sequence) => Write(writer =>
    {
        writer.WriteNumber("op", GatewayOpCode.Heartbeat);
        if (sequence is { } s)
        {
            writer.WriteNumber("d", s);
        }
        else
        {
            writer.WriteNull("d");
        }
    });

    public static byte[] Identify(string token, int shardId, int shardCount) => Write(writer =>
    {
        writer.WriteNumber("op", GatewayOpCode.Identify);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteNumber("intents", Intents);
        writer.WriteStartObject("properties");
        writer.WriteString("os", Environment.OSVersion.Platform.ToString().ToLowerInvariant());
        writer.WriteString("browser", "campaignbot");
        writer.WriteString("device", "campaignbot");
        writer.WriteEndObject();
        writer.WriteStartArray("shard");
        writer.WriteNumberValue(shardId);
        writer.WriteNumberValue(shardCount);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long sequence) => Write(writer =>
    {
        writer.WriteNumber("op", GatewayOpCode.Resume);
        writer.WriteStartObject("d");
        writer.WriteString("token", token);
        writer.WriteString("session_id", sessionId);
        writer.WriteNumber("seq", sequence);
        writer.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
