using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>
/// Message components and what pressing them leads to: Discord's limits for button rows (which the spec leaves to
/// prose), edits of channel messages, and interaction callbacks checked against the interaction they answer.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private const int MaxRows = 5;
    private const int MaxButtonsPerRow = 5;
    private const int LabelLimit = 80;
    private const int CustomIdLimit = 100;
    private const int LinkStyle = 5;

    private readonly ConcurrentDictionary<string, int> _interactionTypes = new();
    private readonly ConcurrentDictionary<string, int> _callbacks = new();

    /// <summary>Edits accepted for channel messages (<c>PATCH /channels/{id}/messages/{id}</c>), in order; each holds the new body.</summary>
    public EventLog<PostedMessage> Edits { get; } = new();

    /// <summary>Interaction callbacks accepted: the interaction id and the callback type.</summary>
    public EventLog<(string InteractionId, int Type, JsonNode? Data)> Callbacks { get; } = new();

    /// <summary>A channel message as it reads now (after any edits), or null if the fake never saw it.</summary>
    public PostedMessage? Current(string messageId) => _latest.GetValueOrDefault(messageId);

    /// <summary>Sends an INTERACTION_CREATE and remembers its type, so that the callback can be checked against it.</summary>
    public Task SendInteractionAsync(JsonObject interaction)
    {
        _interactionTypes[interaction["id"]!.GetValue<string>()] = interaction["type"]!.GetValue<int>();
        return SendDispatchAsync("INTERACTION_CREATE", interaction);
    }

    private (int, string?, Dictionary<string, string>) EditMessage(string channelId, string messageId, JsonNode body, Dictionary<string, string> headers)
    {
        if (!_latest.TryGetValue(messageId, out var existing) || existing.ChannelId != channelId)
        {
            return (404, """{"code":10008,"message":"Unknown Message"}""", headers);
        }

        // PATCH replaces only the fields it sends.
        var merged = existing.Body.DeepClone().AsObject();
        foreach (var (name, value) in body.AsObject())
        {
            merged[name] = value?.DeepClone();
        }

        var edited = existing with { Body = merged };
        _latest[messageId] = edited;
        Edits.Add(edited);
        return (200, Message(edited), headers);
    }

    private (int, string?, Dictionary<string, string>) Callback(string interactionId, JsonNode? body, Dictionary<string, string> headers)
    {
        var type = body?["type"]?.GetValue<int>() ?? 0;
        if (!_callbacks.TryAdd(interactionId, type))
        {
            return (400, """{"code":40060,"message":"Interaction has already been acknowledged."}""", headers);
        }

        if (_interactionTypes.TryGetValue(interactionId, out var interactionType) && CallbackProblem(interactionType, type) is { } problem)
        {
            Violation($"callback type {type} for interaction {interactionId}: {problem}");
            return (400, """{"code":50035,"message":"Invalid Form Body"}""", headers);
        }

        Callbacks.Add((interactionId, type, body?["data"]?.DeepClone()));
        return (204, null, headers);
    }

    // Which callback types fit which interactions (NOTES.md §4.2): 6 and 7 only answer component presses (and forms
    // opened from one), 8 only autocomplete.
    private static string? CallbackProblem(int interactionType, int callbackType) => (interactionType, callbackType) switch
    {
        (2 or 3, 4 or 5) => null,
        (3, 6 or 7) => null,
        (4, 8) => null,
        (5, 4 or 5) => null,
        (3, _) => "a component press takes 4, 5, 6 or 7",
        (4, _) => "autocomplete takes only 8",
        _ => "a command takes 4 or 5 (6 and 7 update the message a component is on)",
    };

    private static IEnumerable<string> ComponentRules(JsonNode? components)
    {
        if (components is null)
        {
            yield break;
        }

        var rows = components.AsArray();
        if (rows.Count > MaxRows)
        {
            yield return $"{rows.Count} component rows (at most {MaxRows})";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row?["type"]?.GetValue<int>() != 1)
            {
                yield return "a top-level component that is not an action row (type 1)";
                continue;
            }

            var buttons = row["components"]?.AsArray() ?? [];
            if (buttons.Count is 0 or > MaxButtonsPerRow)
            {
                yield return $"an action row with {buttons.Count} buttons (1 to {MaxButtonsPerRow})";
            }

            foreach (var button in buttons)
            {
                foreach (var problem in ButtonRules(button, ids))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<string> ButtonRules(JsonNode? button, HashSet<string> ids)
    {
        if (button?["type"]?.GetValue<int>() != 2)
        {
            yield return "a row component that is not a button";
            yield break;
        }

        var style = button["style"]?.GetValue<int>() ?? 0;
        var label = button["label"]?.GetValue<string>();
        var customId = button["custom_id"]?.GetValue<string>();
        var url = button["url"]?.GetValue<string>();
        if (label is not { Length: > 0 and <= LabelLimit })
        {
            yield return $"a button label of {label?.Length ?? 0} characters (1 to {LabelLimit})";
        }

        if (style == LinkStyle)
        {
            if (url is null || customId is not null)
            {
                yield return "a link button needs a url and no custom_id";
            }
        }
        else if (customId is not { Length: > 0 and <= CustomIdLimit } || url is not null)
        {
            yield return $"a button needs a custom_id of 1 to {CustomIdLimit} characters and no url";
        }
        else if (!ids.Add(customId))
        {
            yield return $"custom_id {customId} appears twice in one message";
        }
    }
}
