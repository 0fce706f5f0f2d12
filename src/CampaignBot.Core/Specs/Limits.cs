namespace CampaignBot.Core.Specs;

/// <summary>Length limits shared by validation and platform definitions.</summary>
public static class Limits
{
    public const int Title = 100;
    public const int Location = 200;
    public const int Description = 1000;
    public const int Link = 400;
    public const int Reason = 300;
    public const int Announcement = 1500;

    /// <summary>Longest command line accepted from any platform; longer input is refused unread.</summary>
    public const int InputLine = 4000;
}
