namespace CampaignBot.Discord.Rest;

/// <summary>Discord's JSON error codes the bot reacts to.</summary>
internal static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownInteraction = 10062;
    public const int Unauthorized = 40001;
    public const int AlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int EmptyMessage = 50006;
    public const int CannotMessageUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
    public const int DailyCommandCreateLimit = 30034;
}
