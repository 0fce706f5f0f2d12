using System.Text.Json.Nodes;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot, pointed at the fake Discord through <c>Discord:ApiBaseUrl</c>: it registers its commands, answers
/// slash commands over the gateway, and posts a reminder to the subscribed channel once, with a nonce and no pings.
/// </summary>
public sealed class DiscordEndToEndTests : IAsyncDisposable
{
    private const string ChannelId = InteractionPayloads.ChannelId;
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    private readonly TempDatabase _database = new();
    private FakeDiscordServer? _discord;

    [Fact]
    public async Task Slash_commands_are_answered_and_the_reminder_reaches_the_subscribed_channel_once()
    {
        _discord = await FakeDiscordServer.StartAsync();
        await using var bot = DiscordBot.Start(_database.Path, _discord);

        await _discord.Requests.WaitAsync(r => r.Method == "PUT", TimeSpan.FromSeconds(30), "command registration");
        await _discord.WaitForOpAsync(2, timeout: TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        var subscribed = await InteractAsync("subscribe", []);
        Assert.Contains("now gets reminders", Text(subscribed), StringComparison.Ordinal);

        var created = await InteractAsync("event create", new()
        {
            ["kind"] = "march",
            ["title"] = "Save our NHS @everyone",
            ["when"] = "in 8s",
            ["reminders"] = "3s",
        });
        Assert.Contains("Save our NHS", Text(created), StringComparison.Ordinal);

        var reminder = await _discord.Messages.WaitAsync(m => m.ChannelId == ChannelId, TimeSpan.FromSeconds(20), "the reminder");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        bot.Interrupt();
        var run = await bot.WaitAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Single(_discord.Messages.Items, m => m.ChannelId == ChannelId);
        Assert.Contains("Save our NHS", Text(reminder.Body), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reminder.Body["nonce"]?.GetValue<string>()));
        Assert.True(reminder.Body["enforce_nonce"]?.GetValue<bool>());
        Assert.DoesNotContain("everyone", reminder.Body["allowed_mentions"]?["parse"]?.AsArray().Select(p => p!.GetValue<string>()) ?? []);
        _discord.AssertNoViolations();
    }

    private async Task<JsonNode?> InteractAsync(string path, Dictionary<string, string> options)
    {
        var interaction = InteractionPayloads.Command(path, options.ToDictionary(o => o.Key, o => (object)o.Value));
        var id = InteractionPayloads.Id(interaction);
        await _discord!.SendDispatchAsync("INTERACTION_CREATE", interaction);
        var callback = await _discord.Requests.WaitAsync(r => r.Route == Callback && r.Parameters["interaction_id"] == id, TimeSpan.FromSeconds(10), $"callback for {path}");
        var body = callback.Body?["data"];
        if (callback.Body?["type"]?.GetValue<int>() == 5)
        {
            var edit = await _discord.Requests.WaitAsync(r => r.Method == "PATCH" && r.Path.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(10), $"edit for {path}");
            body = edit.Body;
        }

        return body;
    }

    private static string Text(JsonNode? data) =>
        data?["content"]?.GetValue<string>()
        ?? string.Join('\n', (data?["embeds"]?.AsArray() ?? []).Select(e => $"{e?["title"]}\n{e?["description"]}"));

    public async ValueTask DisposeAsync()
    {
        if (_discord is not null)
        {
            await _discord.DisposeAsync();
        }

        _database.Dispose();
    }
}
