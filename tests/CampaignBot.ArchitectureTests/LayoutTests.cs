namespace CampaignBot.ArchitectureTests;

public sealed class LayoutTests
{
    [Fact]
    public void Every_source_project_follows_the_layout_of_DESIGN_md()
    {
        var violations = LayoutChecker.Violations(RepositoryRoot.Path, Layout.Rules);

        Assert.True(violations.Count == 0, "Layout rules broken:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_check_reads_the_real_projects_and_their_code()
    {
        var discord = ProjectFacts.Read(Path.Combine(RepositoryRoot.Path, "src", "CampaignBot.Discord", "CampaignBot.Discord.csproj"));

        Assert.Contains("CampaignBot.Core", discord.ProjectReferences);
        Assert.Contains(discord.NamespaceUses, use => use.Namespace.StartsWith("CampaignBot.Core", StringComparison.Ordinal));
    }

    [Fact]
    public void An_adapter_referencing_storage_is_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Core");
        tree.Project("CampaignBot.Storage", references: ["CampaignBot.Core"]);
        tree.Project("CampaignBot.Discord", references: ["CampaignBot.Core", "CampaignBot.Storage"]);

        var violations = LayoutChecker.Violations(tree.Root, Layout.Rules);

        Assert.Equal(["CampaignBot.Discord references project CampaignBot.Storage; it may reference only CampaignBot.Adapters, CampaignBot.Core"], violations);
    }

    [Fact]
    public void An_adapter_naming_another_adapter_in_code_is_reported_with_its_line()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Mastodon", references: ["CampaignBot.Core"], source: """
            using CampaignBot.Core.Domain;
            namespace CampaignBot.Mastodon.Delivery;
            // CampaignBot.Discord in a comment is prose, not a dependency.
            internal sealed class Sender(CampaignBot.Discord.Rest.DiscordRestClient discord);
            """);

        var violations = LayoutChecker.Violations(tree.Root, Layout.Rules);

        Assert.Equal(["CampaignBot.Mastodon/Code.cs:4 uses CampaignBot.Discord.Rest.DiscordRestClient, which CampaignBot.Mastodon must not know"], violations);
    }

    [Fact]
    public void Core_taking_a_database_package_or_a_command_namespace_is_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Core", packages: ["Npgsql"], source: """
            global using static CampaignBot.Commands.Routing.Router;
            namespace CampaignBot.Core;
            """);

        var violations = LayoutChecker.Violations(tree.Root, Layout.Rules);

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, violation => violation.Contains("package Npgsql", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.Contains("Code.cs:1 uses CampaignBot.Commands.Routing.Router", StringComparison.Ordinal));
    }

    [Fact]
    public void Commands_naming_a_platform_in_a_string_is_not_a_dependency()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Commands", references: ["CampaignBot.Core"], source: """
            namespace CampaignBot.Commands;
            internal static class Names { public const string Mastodon = "CampaignBot.Mastodon"; }
            """);

        Assert.Empty(LayoutChecker.Violations(tree.Root, Layout.Rules));
    }

    public static TheoryData<string, string> ForbiddenReferences()
    {
        var data = new TheoryData<string, string>();
        var ours = Layout.Rules.Select(rule => rule.Project).ToList();
        foreach (var rule in Layout.Rules)
        {
            foreach (var other in ours.Where(other => other != rule.Project && !rule.AllowedProjects.Contains(other)))
            {
                data.Add(rule.Project, other);
            }
        }

        return data;
    }

    // Every rule of the table, each way it can break: a project reference the rule does not allow is reported.
    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void Each_reference_the_layout_forbids_is_reported(string project, string forbidden)
    {
        using var tree = new ScratchTree();
        foreach (var name in Layout.Rules.Select(rule => rule.Project).Where(name => name != project))
        {
            tree.Project(name, references: [.. Layout.Rules.Single(rule => rule.Project == name).AllowedProjects]);
        }

        var allowed = Layout.Rules.Single(rule => rule.Project == project).AllowedProjects;
        tree.Project(project, references: [.. allowed, forbidden]);

        var violations = LayoutChecker.Violations(tree.Root, Layout.Rules);

        var violation = Assert.Single(violations);
        Assert.StartsWith($"{project} references project {forbidden};", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_naming_a_platform_namespace_in_code_is_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Commands", references: ["CampaignBot.Core"], source: """
            using CampaignBot.Discord.Rendering;
            namespace CampaignBot.Commands.Modules;
            """);

        Assert.Equal(["CampaignBot.Commands/Code.cs:1 uses CampaignBot.Discord.Rendering, which CampaignBot.Commands must not know"], LayoutChecker.Violations(tree.Root, Layout.Rules));
    }

    [Fact]
    public void A_new_project_without_a_rule_is_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Charts");

        Assert.Equal(["CampaignBot.Charts: no layout rule; add it to DESIGN.md's table and to Layout.Rules"], LayoutChecker.Violations(tree.Root, Layout.Rules));
    }
}
