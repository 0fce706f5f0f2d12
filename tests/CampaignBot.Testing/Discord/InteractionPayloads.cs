using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>INTERACTION_CREATE payloads shaped like Discord's (see the reference fixtures).</summary>
public static class InteractionPayloads
{
    public const string ChannelId = "1400000000000000001";
    public const string OrganiserId = "1500000000000000001";
    public const string SupporterId = "1500000000000000002";
    public const string AllPermissions = "2147483647";
    public const string ManageEvents = "8589934592";

    private static long _next = 1300000000000000000;

    /// <summary>A slash command: <paramref name="path"/> is "event create" or "status"; options by name.</summary>
    public static JsonObject Command(string path, IReadOnlyDictionary<string, object>? options = null, string permissions = AllPermissions, string userId = OrganiserId, string[]? roles = null, int type = 2, string? focused = null)
    {
        var words = path.Split(' ');
        var parameters = new JsonArray();
        foreach (var (name, value) in options ?? new Dictionary<string, object>())
        {
            var option = new JsonObject
            {
                ["name"] = name,
                ["type"] = value switch { int or long => 4, bool => 5, _ => 3 },
                ["value"] = JsonValue.Create(value),
            };
            if (name == focused)
            {
                option["focused"] = true;
            }

            parameters.Add(option);
        }

        var data = new JsonObject { ["id"] = "1700000000000000001", ["name"] = words[0], ["type"] = 1, ["guild_id"] = FakeDiscordServer.GuildId };
        data["options"] = words.Length == 1 ? parameters : new JsonArray(new JsonObject { ["name"] = words[1], ["type"] = 1, ["options"] = parameters });
        var id = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscordServer.ApplicationId,
            ["type"] = type,
            ["token"] = $"interaction-token-{id}",
            ["version"] = 1,
            ["guild_id"] = FakeDiscordServer.GuildId,
            ["channel_id"] = ChannelId,
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["type"] = 0, ["guild_id"] = FakeDiscordServer.GuildId, ["name"] = "actions" },
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId == OrganiserId ? "rosa" : "sam", ["discriminator"] = "0", ["global_name"] = userId == OrganiserId ? "Rosa" : "Sam" },
                ["roles"] = new JsonArray([.. (roles ?? []).Select(r => (JsonNode)r)]),
                ["permissions"] = permissions,
            },
            ["app_permissions"] = "442368",
            ["locale"] = "en-GB",
            ["entitlements"] = new JsonArray(),
            ["context"] = 0,
            ["data"] = data,
        };
    }

    /// <summary>A press of the button <paramref name="customId"/> on message <paramref name="messageId"/> (MESSAGE_COMPONENT).</summary>
    public static JsonObject Press(string customId, string messageId, string userId = SupporterId, string? userName = null)
    {
        var interaction = Command("rsvp", userId: userId, permissions: "0");
        interaction["type"] = 3;
        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        interaction["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = ChannelId, ["content"] = string.Empty };
        if (userName is not null)
        {
            interaction["member"]!["user"]!["global_name"] = userName;
        }

        return interaction;
    }

    public static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();
}
