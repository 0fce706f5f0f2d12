using System.Text.Json;

namespace CampaignBot.Discord.Interactions;

/// <summary>Reads an INTERACTION_CREATE payload. Malformed input yields null and a reason, never an exception.</summary>
internal static class InteractionParser
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;

    public static Interaction? Parse(JsonElement d, out string? problem)
    {
        problem = null;
        try
        {
            return Read(d, out problem);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException or JsonException)
        {
            problem = exception.Message;
            return null;
        }
    }

    private static Interaction? Read(JsonElement d, out string? problem)
    {
        problem = null;
        if (d.ValueKind != JsonValueKind.Object)
        {
            problem = "payload is not an object";
            return null;
        }

        var id = String(d, "id");
        var token = String(d, "token");
        var applicationId = String(d, "application_id");
        if (id is null || token is null || applicationId is null || !d.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
        {
            problem = "missing id, token, application_id or type";
            return null;
        }

        var member = d.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var user = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var mu) ? mu : d.TryGetProperty("user", out var du) ? du : default;
        var userId = user.ValueKind == JsonValueKind.Object ? String(user, "id") : null;
        if (userId is null && type != InteractionType.Ping)
        {
            problem = "no member.user or user";
            return null;
        }

        var permissions = member.ValueKind == JsonValueKind.Object && ulong.TryParse(String(member, "permissions"), out var p) ? p : 0;
        var roles = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(role => role.GetString()).OfType<string>().ToArray()
            : [];

        var path = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? focused = null;
        string? customId = null;
        if (d.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            customId = String(data, "custom_id");
            if (String(data, "name") is { } name)
            {
                path.Add(name);
                focused = ReadOptions(data, path, options);
            }
        }

        var channel = d.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new Interaction(
            id,
            applicationId,
            token,
            type,
            String(d, "guild_id"),
            String(d, "channel_id") ?? (channel.ValueKind == JsonValueKind.Object ? String(channel, "id") : null),
            channel.ValueKind == JsonValueKind.Object ? String(channel, "name") : null,
            userId ?? string.Empty,
            user.ValueKind == JsonValueKind.Object ? String(user, "global_name") ?? String(user, "username") ?? userId ?? "?" : "?",
            permissions,
            roles,
            path,
            options,
            focused,
            customId);
    }

    // Walks subcommand groups and subcommands down to the parameters; returns the focused option's name.
    private static string? ReadOptions(JsonElement container, List<string> path, Dictionary<string, string> options)
    {
        if (!container.TryGetProperty("options", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? focused = null;
        foreach (var option in list.EnumerateArray())
        {
            var name = String(option, "name") ?? throw new FormatException("option without a name");
            var type = option.TryGetProperty("type", out var t) && t.TryGetInt32(out var parsed) ? parsed : 0;
            if (type is SubCommand or SubCommandGroup)
            {
                path.Add(name);
                return ReadOptions(option, path, options);
            }

            if (option.TryGetProperty("value", out var value))
            {
                options[name] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.GetRawText(),
                };
            }

            if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
            {
                focused = name;
            }
        }

        return focused;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
