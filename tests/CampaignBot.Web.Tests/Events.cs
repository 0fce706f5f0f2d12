using CampaignBot.Core.Domain;

namespace CampaignBot.Web.Tests;

internal static class Events
{
    public static readonly Person Organiser = new(Platform.Shell, "organiser-7", "Olive Organiser");

    public static CampaignEvent Draft(string title, DateTimeOffset start, EventKind kind = EventKind.March, DateTimeOffset? end = null, string zone = "Europe/London") => new()
    {
        Kind = kind,
        Title = title,
        Start = start,
        End = end,
        TimeZoneId = zone,
        Location = "Parliament Square, London",
        Description = "Bring banners; wear scrubs, and tell a friend about it — everyone is welcome, whatever their job in the NHS is.",
        Hashtags = ["NotSafeNotFair"],
        CreatedBy = Organiser,
        CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
    };
}
