namespace CampaignBot.Commands.Parsing;

/// <summary>
/// One word of a command line. <see cref="Name"/> is set for <c>name:value</c> words; whether that name is
/// really an option is decided later, against the command's spec.
/// </summary>
internal sealed record Token(string Raw, string? Name, string Value, bool Quoted);
