using System.Text.Json.Serialization;

namespace CampaignBot.Discord.Json;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(InteractionCallback))]
[JsonSerializable(typeof(AutocompleteCallback))]
[JsonSerializable(typeof(CreateDmBody))]
[JsonSerializable(typeof(IdOnly))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(ScheduledEventBody))]
[JsonSerializable(typeof(ScheduledEventInfo))]
[JsonSerializable(typeof(IReadOnlyList<ScheduledEventInfo>))]
[JsonSerializable(typeof(IReadOnlyList<ScheduledEventUser>))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
