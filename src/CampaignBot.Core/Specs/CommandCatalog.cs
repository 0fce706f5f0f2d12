using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Specs;

/// <summary>The whole command tree of CampaignBot, declared once.</summary>
public static class CommandCatalog
{
    private static readonly string[] KindNames = [.. EventKinds.Names];

    private static OptionSpec EventRef(string description = "Event id or the start of its title") =>
        new("event", description, OptionType.Event, Required: true) { MaxLength = Limits.Title };

    private static IEnumerable<OptionSpec> EventDetails(bool creating) =>
    [
        new("duration", creating ? "How long, e.g. 3h or 2d (default: march 3h, strike 1d, rally 2h, picket 4h, others 1h)" : "New length, e.g. 3h (moving the start keeps the length)", OptionType.Duration) { MaxLength = 16 },
        new("location", "Where it happens", OptionType.Text) { MaxLength = Limits.Location },
        new("description", "What it is about", OptionType.Text) { MaxLength = Limits.Description, MultiLine = true },
        new("hashtags", "Hashtags to include, e.g. NotSafeNotFair,LoveYourNHS", OptionType.Hashtags) { MaxLength = 300 },
        new("link", "A link for details (https://…)", OptionType.Url) { MaxLength = Limits.Link },
        new("timezone", creating ? "IANA zone for 'when' (default: the campaign's)" : "IANA zone to show and read times in", OptionType.TimeZone) { MaxLength = 64 },
        new("reminders", "Offsets before the start, e.g. 7d,1d,2h,0 (0 = at the start; 'none' for no reminders)", OptionType.Offsets) { MaxLength = 100 },
        // Last, so positional values still reach location: `event create march Title saturday 12:00 3h "Parliament Square"`.
        new("ends", creating ? "End instead of a duration: 2026-12-05 15:00 or tomorrow 17:00" : "New end: 2026-12-05 15:00 or tomorrow 17:00", OptionType.When) { MaxLength = 64 },
    ];

    public static IReadOnlyList<CommandGroup> Groups { get; } =
    [
        new("event", "Create, list and manage campaign actions"),
        new("hashtag", "Track campaign hashtags and see their momentum"),
        new("boost", "Control auto-boosting of tagged Mastodon posts"),
        new("settings", "Campaign settings"),
    ];

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("help", "List commands, or explain one", [new("command", "A command, e.g. event create", OptionType.Text) { MaxLength = 40, Rest = true }])
        {
            Example = "help event create",
        },
        new("event create", "Create a march, strike, rally or other action",
        [
            new("kind", "What kind of action", OptionType.Choice, Required: true) { Choices = KindNames },
            new("title", "Short title", OptionType.Text, Required: true) { MinLength = 1, MaxLength = Limits.Title },
            new("when", "Start: 2026-12-05 12:00, in 2h, tomorrow 09:30 or saturday 12:00", OptionType.When, Required: true) { MaxLength = 64 },
            .. EventDetails(creating: true),
        ], OrganiserOnly: true)
        {
            Example = "event create kind:march title:\"Save our NHS\" when:\"2026-12-05 12:00\" duration:3h location:\"Parliament Square\"",
        },
        new("event list", "Upcoming actions",
        [
            new("kind", "Only this kind", OptionType.Choice) { Choices = KindNames },
            new("include-past", "Also show past and cancelled actions", OptionType.Boolean),
        ]),
        new("event info", "Everything about one action, with RSVP counts", [EventRef()]) { Example = "event info 3" },
        new("event edit", "Change an action (only the options you give)",
        [
            EventRef(),
            new("kind", "What kind of action", OptionType.Choice) { Choices = KindNames },
            new("title", "Short title", OptionType.Text) { MinLength = 1, MaxLength = Limits.Title },
            new("when", "New start time", OptionType.When) { MaxLength = 64 },
            .. EventDetails(creating: false),
        ], OrganiserOnly: true)
        {
            Example = "event edit 3 when:\"2026-12-05 13:00\"",
        },
        new("event cancel", "Cancel an action and tell subscribers",
        [
            EventRef(),
            new("reason", "Why, shown to subscribers", OptionType.Text) { MaxLength = Limits.Reason, Rest = true, MultiLine = true },
        ], OrganiserOnly: true)
        {
            Example = "event cancel 3 reason:\"Talks resumed\"",
        },
        new("rsvp", "Say whether you're coming",
        [
            EventRef(),
            new("answer", "Your answer", OptionType.Choice, Required: true) { Choices = [.. RsvpAnswers.Names] },
        ])
        {
            Example = "rsvp 3 going",
        },
        new("remind", "Get a personal reminder before an action",
        [
            EventRef(),
            new("before", "How long before the start (default 1h), e.g. 30m, 2h, 1d", OptionType.Duration) { MaxLength = 16 },
        ])
        {
            Example = "remind 3 before:2h",
        },
        new("hashtag track", "Start tracking a hashtag", [new("tag", "Hashtag, with or without #", OptionType.Hashtag, Required: true) { MaxLength = 101 }], OrganiserOnly: true),
        new("hashtag untrack", "Stop tracking a hashtag", [new("tag", "Hashtag, with or without #", OptionType.Hashtag, Required: true) { MaxLength = 101 }], OrganiserOnly: true),
        new("hashtag list", "Tracked hashtags", []),
        new("hashtag stats", "Mentions per hour and momentum of a hashtag",
        [
            new("tag", "Hashtag, with or without #", OptionType.Hashtag, Required: true) { MaxLength = 101 },
            new("days", "How many days back (default 7)", OptionType.Integer) { MinValue = 1, MaxValue = 90 },
        ]),
        new("subscribe", "Send reminders for these kinds of action to this channel",
        [
            new("kinds", "Kinds, e.g. march,strike (default: all)", OptionType.Kinds) { MaxLength = 100 },
        ], OrganiserOnly: true)
        {
            Example = "subscribe kinds:march,strike",
        },
        new("unsubscribe", "Stop reminders in this channel", [], OrganiserOnly: true),
        new("announce", "Post an announcement to every subscribed channel",
        [
            new("text", "What to announce", OptionType.Text, Required: true) { MinLength = 1, MaxLength = Limits.Announcement, Rest = true, MultiLine = true },
        ], OrganiserOnly: true),
        new("boost pause", "Pause auto-boosting", [], OrganiserOnly: true),
        new("boost resume", "Resume auto-boosting", [], OrganiserOnly: true),
        new("boost status", "Auto-boost state and counts", [], OrganiserOnly: true),
        new("settings timezone", "Set the campaign's time zone",
        [
            new("zone", "IANA zone, e.g. Europe/London", OptionType.TimeZone, Required: true) { MaxLength = 64 },
        ], OrganiserOnly: true),
        new("status", "How the bot is doing", []),
    ];

    public static CommandSpec? Find(string path) =>
        All.FirstOrDefault(spec => string.Equals(spec.Path, path, StringComparison.OrdinalIgnoreCase));

    public static CommandGroup? FindGroup(string name) =>
        Groups.FirstOrDefault(group => string.Equals(group.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<CommandSpec> InGroup(string name) =>
        All.Where(spec => spec.Words.Count > 1 && string.Equals(spec.Words[0], name, StringComparison.OrdinalIgnoreCase));
}
