namespace CampaignBot.ArchitectureTests;

/// <summary>The rules of DESIGN.md's layout table, one per source project.</summary>
internal static class Layout
{
    private const string Core = "CampaignBot.Core";
    private const string Adapters = "CampaignBot.Adapters";

    // Namespaces of our own projects that a layer must not see, besides those it may not reference at all.
    private static readonly string[] Platforms = ["CampaignBot.Discord", "CampaignBot.Mastodon", "CampaignBot.Shell"];
    private static readonly string[] Inner = ["CampaignBot.Commands", "CampaignBot.Storage", "CampaignBot.Scheduling", "CampaignBot.Web"];

    // Core holds domain, specs and ports: nothing that ties it to a database, a scheduler, a web server or a platform.
    private static readonly string[] InfrastructurePackages =
        ["Quartz", "Npgsql", "Microsoft.Data.Sqlite", "dbup", "Microsoft.AspNetCore", "OpenTelemetry", "YamlDotNet", "NSec", "Ical.Net"];

    public static IReadOnlyList<LayerRule> Rules { get; } =
    [
        LayerRule.For(Core, [], [.. Platforms, .. Inner, "Microsoft.AspNetCore", "Quartz", "Npgsql", "Microsoft.Data.Sqlite"], InfrastructurePackages),
        LayerRule.For("CampaignBot.Commands", [Core], [.. Platforms, "CampaignBot.Storage", "CampaignBot.Scheduling", "CampaignBot.Web"]),
        LayerRule.For("CampaignBot.Storage", [Core], [.. Platforms, "CampaignBot.Commands", "CampaignBot.Scheduling", "CampaignBot.Web"]),
        LayerRule.For("CampaignBot.Scheduling", [Core], [.. Platforms, "CampaignBot.Commands", "CampaignBot.Storage", "CampaignBot.Web"]),
        LayerRule.For(Adapters, [Core], [.. Platforms, .. Inner]),
        LayerRule.For("CampaignBot.Discord", [Core, Adapters], ["CampaignBot.Mastodon", "CampaignBot.Shell", .. Inner]),
        LayerRule.For("CampaignBot.Mastodon", [Core, Adapters], ["CampaignBot.Discord", "CampaignBot.Shell", .. Inner]),
        LayerRule.For("CampaignBot.Web", [Core], [.. Platforms, "CampaignBot.Commands", "CampaignBot.Storage", "CampaignBot.Scheduling"]),
        // The worker is the composition root: it wires everything.
        LayerRule.For("CampaignBot", [Core, Adapters, "CampaignBot.Commands", "CampaignBot.Storage", "CampaignBot.Scheduling",
            "CampaignBot.Discord", "CampaignBot.Mastodon", "CampaignBot.Web"]),
    ];
}
