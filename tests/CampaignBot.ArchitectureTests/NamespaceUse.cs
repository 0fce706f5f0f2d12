namespace CampaignBot.ArchitectureTests;

/// <summary>A namespace named in a source file, by a <c>using</c> directive or a qualified name, and the line it is on.</summary>
internal sealed record NamespaceUse(string Namespace, int Line, string File = "");
