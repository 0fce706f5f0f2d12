namespace CampaignBot.Core.Ports;

/// <summary>One autocomplete suggestion: what the user sees, and the value sent back when they pick it.</summary>
public sealed record Completion(string Name, string Value);
