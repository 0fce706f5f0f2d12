using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Time;
using CampaignBot.Seeding;
using Microsoft.Extensions.Options;

namespace CampaignBot.Options;

/// <summary>Checks the <c>Campaign</c> section; each failure names its key and says what would be valid.</summary>
internal sealed class CampaignOptionsValidator : IValidateOptions<CampaignOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignOptions options)
    {
        var failures = new List<string>();
        if (!Zones.TryResolve(options.TimeZone, out _))
        {
            failures.Add($"Campaign:TimeZone: unknown time zone \"{options.TimeZone}\"; use an IANA name such as Europe/London.");
        }

        for (var index = 0; index < options.Hashtags.Count; index++)
        {
            if (!Hashtags.TryNormalise(options.Hashtags[index], out _))
            {
                failures.Add($"Campaign:Hashtags:{index}: \"{options.Hashtags[index]}\" is not a hashtag (letters, digits and _ only).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.SeedFile))
        {
            if (!File.Exists(options.SeedFile))
            {
                failures.Add($"Campaign:SeedFile: \"{options.SeedFile}\" not found; run from the repository root, point it at a file, or set it empty for no seed.");
            }
            else if (!SeedFileReader.Read(options.SeedFile).TryGet(out _, out var error))
            {
                failures.Add($"Campaign:SeedFile: {error.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
