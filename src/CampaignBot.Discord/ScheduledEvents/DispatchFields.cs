using System.Text.Json;

namespace CampaignBot.Discord.ScheduledEvents;

/// <summary>Reads string fields of scheduled-event dispatches; anything missing or of another type is null.</summary>
internal static class DispatchFields
{
    public static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
