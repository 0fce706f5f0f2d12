using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Storage.Tables;

// Enums are stored as the lowercase words users see, so the data reads well and survives reordering of members.
internal static class Words
{
    public static string Of(EventKind kind) => EventKinds.Name(kind);

    public static string Of(EventStatus status) => Lower(status);

    public static string Of(Platform platform) => Lower(platform);

    public static string Of(RsvpAnswer answer) => RsvpAnswers.Name(answer);

    public static string Of(ReminderState state) => Lower(state);

    public static ReminderState Reminder(string word) => Parse<ReminderState>(word, Of);

    public static EventKind Kind(string word) => Parse<EventKind>(word, Of);

    public static EventStatus Status(string word) => Parse<EventStatus>(word, Of);

    public static Platform Platform(string word) => Parse<Platform>(word, Of);

    public static RsvpAnswer Answer(string word) => Parse<RsvpAnswer>(word, Of);

    private static string Lower<T>(T value) where T : struct, Enum => LowerNames<T>.Of.TryGetValue(value, out var name) ? name : value.ToString().ToLowerInvariant();

    // Made once per enum: every row written names a status or a platform, and each ToString allocated two strings.
    private static class LowerNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().Distinct().ToDictionary(value => value, value => value.ToString().ToLowerInvariant());
    }

    private static T Parse<T>(string word, Func<T, string> name) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (name(value) == word)
            {
                return value;
            }
        }

        throw new InvalidDataException($"The database holds '{word}', which is not a {typeof(T).Name}.");
    }
}
