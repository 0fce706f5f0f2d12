using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    private const int ContentLimit = 2000;
    private const int EmbedTotalLimit = 6000;

    /// <summary>Checks a body against the spec and the rules the spec leaves out; records violations.</summary>
    private bool Validate(string key, string text, JsonNode? body)
    {
        var problems = new List<string>();
        if (_contract is not null)
        {
            problems.AddRange(_contract.Validate(key, text));
        }

        if (body is JsonObject message && key is "POST /channels/{channel_id}/messages" or "PATCH /channels/{channel_id}/messages/{message_id}" or "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original" or "POST /webhooks/{webhook_id}/{webhook_token}" or "POST /interactions/{interaction_id}/{interaction_token}/callback")
        {
            var data = key.StartsWith("POST /interactions/", StringComparison.Ordinal) ? message["data"] as JsonObject : message;
            if (data is not null)
            {
                problems.AddRange(MessageRules(key, data));
            }
        }

        foreach (var problem in problems)
        {
            Violation($"{key}: {problem} in {Clip(text)}");
        }

        return problems.Count == 0;
    }

    private static IEnumerable<string> MessageRules(string key, JsonObject data)
    {
        if (data["content"]?.GetValue<string>() is { Length: > ContentLimit } content)
        {
            yield return $"content is {content.Length} characters (Discord's limit is {ContentLimit})";
        }

        if (data["allowed_mentions"] is JsonObject mentions)
        {
            if (mentions["parse"] is JsonArray parse && parse.Any(p => p?.GetValue<string>() == "everyone"))
            {
                yield return "allowed_mentions parses everyone";
            }
        }
        else if (key == "POST /channels/{channel_id}/messages")
        {
            yield return "channel message without explicit allowed_mentions";
        }

        foreach (var problem in ComponentRules(data["components"]))
        {
            yield return problem;
        }

        var total = 0;
        foreach (var embed in data["embeds"]?.AsArray() ?? [])
        {
            total += Length(embed?["title"]) + Length(embed?["description"]) + Length(embed?["footer"]?["text"]) + Length(embed?["author"]?["name"]);
            total += (embed?["fields"]?.AsArray() ?? []).Sum(field => Length(field?["name"]) + Length(field?["value"]));
        }

        if (total > EmbedTotalLimit)
        {
            yield return $"embeds total {total} characters (Discord's limit is {EmbedTotalLimit})";
        }
    }

    private static int Length(JsonNode? node) => node?.GetValue<string>().Trim().Length ?? 0;

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
