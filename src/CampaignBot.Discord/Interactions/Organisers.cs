namespace CampaignBot.Discord.Interactions;

/// <summary>Who counts as an organiser on Discord: ADMINISTRATOR, MANAGE_EVENTS, or a configured organiser role.</summary>
internal static class Organisers
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageEvents = 1UL << 33;

    public static bool Is(Interaction interaction, IReadOnlyList<string> organiserRoles) =>
        interaction.GuildId is not null
        && ((interaction.Permissions & (Administrator | ManageEvents)) != 0 || interaction.Roles.Any(organiserRoles.Contains));
}
