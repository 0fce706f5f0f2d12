using CampaignBot.Core.Text;

namespace CampaignBot.Core.Domain;

/// <summary>
/// A person on one platform. The pair (platform, id) is the identity; the display name is for humans, and is cleaned
/// of control, bidi and invisible characters as it comes in (<see cref="UserText.Name"/>), so a platform name can't
/// disguise itself in a reply, a list or the database.
/// </summary>
public sealed record Person(Platform Platform, string Id, string DisplayName)
{
    // Cleaned however it is set: by the constructor or by a `with` expression.
    public string DisplayName { get; init => field = UserText.Name(value); } = UserText.Name(DisplayName);
}
