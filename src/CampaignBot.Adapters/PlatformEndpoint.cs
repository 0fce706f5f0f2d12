using System.Net.Http.Headers;

namespace CampaignBot.Adapters;

/// <summary>Where a platform's API is and how the bot introduces itself to it.</summary>
public sealed record PlatformEndpoint(string BaseUrl, AuthenticationHeaderValue Authorization, string UserAgent);
