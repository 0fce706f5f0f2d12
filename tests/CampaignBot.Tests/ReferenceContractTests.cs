using CampaignBot.Testing.Contracts;

namespace CampaignBot.Tests;

/// <summary>The spec validator the platform fakes rely on accepts valid bodies and names what is wrong in bad ones.</summary>
public sealed class ReferenceContractTests
{
    [Fact]
    public async Task Discord_message_bodies_are_checked_against_the_official_spec()
    {
        var spec = await OpenApiContract.LoadAsync("discord/openapi.json");
        const string Operation = "POST /channels/{channel_id}/messages";

        Assert.Empty(spec.Validate(Operation, """{"content":"Strike starts in 2 hours","nonce":"r-12-34","enforce_nonce":true,"allowed_mentions":{"parse":[]}}"""));
        Assert.NotEmpty(spec.Validate(Operation, """{"content":"x","allowed_mentions":{"parse":["nobody"]}}"""));
        Assert.NotEmpty(spec.Validate(Operation, """{"content":"x","enforce_nonce":"yes"}"""));
    }

    [Fact]
    public async Task Mastodon_status_bodies_are_checked_against_the_spec()
    {
        var spec = await OpenApiContract.LoadAsync("mastodon/mastodon-openapi.json");
        const string Operation = "POST /api/v1/statuses";

        Assert.Empty(spec.Validate(Operation, """{"status":"March on Saturday #NotSafeNotFair","visibility":"public"}"""));
        Assert.NotEmpty(spec.Validate(Operation, """{"status":"x","visibility":"everyone"}"""));
    }
}
