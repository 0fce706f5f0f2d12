using System.Text.Json.Serialization;

namespace CampaignBot.Mastodon.Rest;

/// <summary>Source-generated JSON for what the bot sends (request bodies, streaming subscriptions).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusRequest))]
[JsonSerializable(typeof(Streaming.SubscribeMessage))]
[JsonSerializable(typeof(Mentions.PendingReply))]
internal sealed partial class RequestJsonContext : JsonSerializerContext;
