namespace CampaignBot.Core.Specs;

/// <summary>What an option holds. Decides parsing, validation, help text and the Discord option type.</summary>
public enum OptionType
{
    Text,
    Integer,
    Boolean,
    Choice,
    Event,
    When,
    Duration,
    Offsets,
    TimeZone,
    Hashtag,
    Hashtags,
    Kinds,
    Url,
}
