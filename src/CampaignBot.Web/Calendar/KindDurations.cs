using CampaignBot.Core.Domain;

namespace CampaignBot.Web.Calendar;

/// <summary>How long an action without an end lasts in a calendar: a strike is a day, a meeting an hour.</summary>
internal static class KindDurations
{
    public static TimeSpan Of(EventKind kind) => kind switch
    {
        EventKind.March => TimeSpan.FromHours(3),
        EventKind.Strike => TimeSpan.FromHours(24),
        EventKind.Rally => TimeSpan.FromHours(2),
        EventKind.Picket => TimeSpan.FromHours(4),
        _ => TimeSpan.FromHours(1),
    };

    public static DateTimeOffset EndOf(CampaignEvent e) => e.End ?? e.Start + Of(e.Kind);
}
