using System.Globalization;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tables;

// Short lists live in one text column, comma-separated; none of their items can contain a comma.
internal static class Lists
{
    private const char Separator = ',';

    public static string Hashtags(IEnumerable<string> tags) => Join(tags.Select(tag =>
        tag.Length > 0 && !tag.Contains(Separator, StringComparison.Ordinal)
            ? tag
            : throw new ArgumentException($"Hashtag '{tag}' cannot be stored: it is empty or has a comma.", nameof(tags))));

    public static IReadOnlyList<string> Hashtags(string text) => Split(text);

    public static string Kinds(IEnumerable<EventKind> kinds) => Join(kinds.Select(Words.Of));

    public static IReadOnlyList<EventKind> Kinds(string text) => Split(text).Select(Words.Kind).ToArray();

    public static string Offsets(ReminderPlan plan) => Join(plan.Offsets.Select(offset => Seconds(offset).ToString(CultureInfo.InvariantCulture)));

    public static ReminderPlan Offsets(string text) =>
        new(Split(text).Select(seconds => TimeSpan.FromSeconds(long.Parse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))));

    // Offsets are typed as whole seconds (see Durations); anything finer would be silently lost.
    public static long Seconds(TimeSpan offset) => offset.Ticks % TimeSpan.TicksPerSecond == 0
        ? offset.Ticks / TimeSpan.TicksPerSecond
        : throw new ArgumentException($"Offset {offset} cannot be stored: offsets are whole seconds.", nameof(offset));

    private static string Join(IEnumerable<string> items) => string.Join(Separator, items);

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split(Separator);
}
