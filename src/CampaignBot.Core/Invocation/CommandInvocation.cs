namespace CampaignBot.Core.Invocation;

/// <summary>
/// A platform-neutral command: its words (<c>["event", "create"]</c>) and raw option values by name.
/// Adapters build it (Discord from an interaction, the text parser from a line); the router validates it.
/// </summary>
public sealed record CommandInvocation(IReadOnlyList<string> Path, IReadOnlyDictionary<string, string> Options, CommandContext Context);
