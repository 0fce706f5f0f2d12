using CampaignBot.Core.Options;
using CampaignBot.Seeding;
using Microsoft.Extensions.Options;

namespace CampaignBot.Options;

/// <summary><c>Campaign:Hashtags</c> and <c>Campaign:Name</c> default to the seed file's when not configured.</summary>
internal sealed class SeedHashtagDefaults : IPostConfigureOptions<CampaignOptions>
{
    public void PostConfigure(string? name, CampaignOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SeedFile) || !File.Exists(options.SeedFile)
            || !SeedFileReader.Read(options.SeedFile).TryGet(out var seed, out _))
        {
            return;
        }

        if (options.Hashtags.Count == 0)
        {
            options.Hashtags = [.. seed.Hashtags];
        }

        options.Name ??= seed.Campaign?.Name;
    }
}
