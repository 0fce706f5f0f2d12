using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Seeding;

/// <summary>
/// Maps a seed file's YAML nodes onto <see cref="SeedFile"/>; keys are camelCase and an unknown key or a wrong shape
/// is a <see cref="YamlException"/> naming its place, as YamlDotNet's deserializer reported them.
/// </summary>
internal static class SeedFileNodes
{
    public static SeedFile File(YamlNode root)
    {
        var file = new SeedFile();
        foreach (var (key, value) in Mapping(root, "the seed file"))
        {
            switch (key)
            {
                case "campaign":
                    file.Campaign = Campaign(value);
                    break;
                case "hashtags":
                    file.Hashtags = Strings(value, key);
                    break;
                case "events":
                    file.Events = [.. Sequence(value, key).Select(Event)];
                    break;
                default:
                    throw Unknown(value, key, "the seed file");
            }
        }

        return file;
    }

    private static SeedCampaign? Campaign(YamlNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        var campaign = new SeedCampaign();
        foreach (var (key, value) in Mapping(node, "campaign"))
        {
            switch (key)
            {
                case "name":
                    campaign.Name = Text(value, key);
                    break;
                case "description":
                    campaign.Description = Text(value, key);
                    break;
                default:
                    throw Unknown(value, key, "campaign");
            }
        }

        return campaign;
    }

    private static SeedEvent Event(YamlNode node)
    {
        var item = new SeedEvent();
        foreach (var (key, value) in Mapping(node, "an event"))
        {
            switch (key)
            {
                case "kind": item.Kind = Text(value, key) ?? string.Empty; break;
                case "title": item.Title = Text(value, key) ?? string.Empty; break;
                case "when": item.When = Text(value, key) ?? string.Empty; break;
                case "duration": item.Duration = Text(value, key); break;
                case "timezone": item.Timezone = Text(value, key); break;
                case "location": item.Location = Text(value, key); break;
                case "description": item.Description = Text(value, key); break;
                case "hashtags": item.Hashtags = Strings(value, key); break;
                case "link": item.Link = Text(value, key); break;
                case "reminders": item.Reminders = Text(value, key); break;
                default: throw Unknown(value, key, "an event");
            }
        }

        return item;
    }

    private static IEnumerable<(string Key, YamlNode Value)> Mapping(YamlNode node, string what)
    {
        if (IsNull(node))
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Shape(node, $"{what} must be a mapping of keys to values");
        }

        foreach (var (key, value) in mapping.Children)
        {
            yield return (key is YamlScalarNode { Value: { } name } ? name : throw Shape(key, "a key must be a plain word"), value);
        }
    }

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string key) =>
        IsNull(node) ? [] : node as YamlSequenceNode ?? throw Shape(node, $"{key} must be a list");

    private static List<string> Strings(YamlNode node, string key) =>
        [.. Sequence(node, key).Select(item => Text(item, key) ?? string.Empty)];

    private static string? Text(YamlNode node, string key) =>
        IsNull(node) ? null : node is YamlScalarNode scalar ? scalar.Value : throw Shape(node, $"{key} must be a single value");

    // A key with nothing after it (`name:`), or `~`/`null` unquoted, is YAML's null: the field keeps its default.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static YamlException Unknown(YamlNode node, string key, string where) =>
        Shape(node, $"unknown key \"{key}\" in {where}");

    private static YamlException Shape(YamlNode node, string message) => new(node.Start, node.End, message);
}
