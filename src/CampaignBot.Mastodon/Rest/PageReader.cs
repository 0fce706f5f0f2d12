using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// Reads a page (a JSON array) of statuses or notifications. One entry the bot can't read (an account without an id,
/// an id sent as a number, a date it can't parse) is skipped, not the page: otherwise it would be read again at every
/// poll and hold back every mention and tagged post after it for good.
/// </summary>
internal static class PageReader
{
    /// <summary>The readable entries and, per skipped entry, its id (else its place) and why; null when the body is not a JSON array at all.</summary>
    public static List<T>? Read<T>(byte[] body, JsonTypeInfo<List<T>> type, List<string> skipped)
    {
        try
        {
            // A null entry reads without an error, as null: the page is then read again entry by entry too.
            if (JsonSerializer.Deserialize(body, type) is { } page && !page.Exists(item => item is null))
            {
                return page;
            }
        }
        catch (JsonException)
        {
            // Read again entry by entry below; the common, well-formed page pays for one pass only.
        }

        var itemType = (JsonTypeInfo<T>)type.Options.GetTypeInfo(typeof(T));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<T>(document.RootElement.GetArrayLength());
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                try
                {
                    if (entry.Deserialize(itemType) is { } item)
                    {
                        items.Add(item);
                    }
                    else
                    {
                        skipped.Add($"entry {index} is null");
                    }
                }
                catch (JsonException exception)
                {
                    var id = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    skipped.Add(id is null ? $"entry {index}: {exception.Message}" : $"id {id}: {exception.Message}");
                }

                index++;
            }

            return items;
        }
    }
}
