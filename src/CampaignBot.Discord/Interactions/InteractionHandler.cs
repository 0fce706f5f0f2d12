using CampaignBot.Adapters;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rendering;
using CampaignBot.Discord.Rest;
using CampaignBot.Discord.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.Interactions;

/// <summary>
/// Answers interactions within Discord's 3 s, measured from receipt. A command that finishes inside
/// <c>Discord:DeferAfterMilliseconds</c> (validation errors always do) is answered directly (type 4; errors ephemeral);
/// a slower one is deferred (type 5) and finished with PATCH <c>@original</c>. If deferred work fails, or its reply is
/// private, the public placeholder is deleted and the answer goes out as an ephemeral follow-up.
/// </summary>
internal sealed class InteractionHandler(DiscordApi api, ICommandRouter router, InteractionTimings timings, IOptions<DiscordOptions> options, ILogger<InteractionHandler> logger, TimeProvider clock)
{
    private const int Ephemeral = 64;
    private const int MaxChoices = 25;
    private const int ChoiceLimit = 100;

    private readonly IReadOnlyList<string> _organiserRoles = options.Value.OrganiserRoles;
    private readonly TimeSpan _deferAfter = TimeSpan.FromMilliseconds(options.Value.DeferAfterMilliseconds);

    public Task HandleAsync(Interaction interaction, long receivedAt, CancellationToken cancellationToken) => interaction.Type switch
    {
        InteractionType.ApplicationCommand => CommandAsync(interaction, receivedAt, cancellationToken),
        InteractionType.Autocomplete => CompleteAsync(interaction, cancellationToken),
        InteractionType.MessageComponent => PressAsync(interaction, receivedAt, cancellationToken),
        InteractionType.ModalSubmit => UnsupportedAsync(interaction, receivedAt, cancellationToken),
        _ => Skip(interaction),
    };

    // The bot opens no forms, so a form's answer is not for it; the person still gets a reply saying so rather than
    // Discord's "This interaction failed".
    private async Task UnsupportedAsync(Interaction interaction, long receivedAt, CancellationToken cancellationToken)
    {
        var error = Error.BadInput("The bot doesn't take that kind of interaction.", "Type /help to see its commands.");
        var answered = await api.RespondAsync(interaction.Id, interaction.Token, new InteractionCallback(CallbackType.ChannelMessage, Render(error)), cancellationToken).ConfigureAwait(false);
        Report(interaction, answered, receivedAt, "reply");
    }

    private Task CommandAsync(Interaction interaction, long receivedAt, CancellationToken cancellationToken) =>
        AnswerAsync(interaction, new CommandInvocation(interaction.Path, interaction.Options, Context(interaction)), receivedAt, pressed: false, cancellationToken);

    // A card button runs the command it stands for, so a press follows exactly the rules (and the store) of /rsvp and /remind.
    private async Task PressAsync(Interaction interaction, long receivedAt, CancellationToken cancellationToken)
    {
        if (!CardButtonId.TryParse(interaction.CustomId, out var press))
        {
            var stale = Error.NotFound("That button belongs to a card this version of the bot no longer reads.", "Type /event list to find the action, then /rsvp or /remind.");
            var answered = await api.RespondAsync(interaction.Id, interaction.Token, new InteractionCallback(CallbackType.ChannelMessage, Render(stale)), cancellationToken).ConfigureAwait(false);
            Report(interaction, answered, receivedAt, "reply");
            return;
        }

        var eventRef = press.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var invocation = press.Verb == CardButtonId.Remind
            ? new CommandInvocation(["remind"], new Dictionary<string, string> { ["event"] = eventRef }, Context(interaction))
            : new CommandInvocation(["rsvp"], new Dictionary<string, string> { ["event"] = eventRef, ["answer"] = press.Verb }, Context(interaction));
        await AnswerAsync(interaction, invocation, receivedAt, pressed: true, cancellationToken).ConfigureAwait(false);
    }

    // PING is answered by the HTTP endpoint; a kind newer than this code has no reply we know to be valid.
    private Task Skip(Interaction interaction)
    {
        if (interaction.Type != InteractionType.Ping)
        {
            Log.MalformedInteraction(logger, $"interaction type {interaction.Type} is not one the bot answers");
        }

        return Task.CompletedTask;
    }

    private CommandContext Context(Interaction interaction)
    {
        var invoker = new Person(Platform.Discord, interaction.UserId, interaction.UserName);
        var channel = interaction.ChannelId is { } channelId
            ? new Destination(Platform.Discord, channelId, interaction.ChannelName is { Length: > 0 } name ? $"#{name}" : null)
            : null;
        return new CommandContext(invoker, channel, Organisers.Is(interaction, _organiserRoles), RequestId: interaction.Id);
    }

    private async Task AnswerAsync(Interaction interaction, CommandInvocation invocation, long receivedAt, bool pressed, CancellationToken cancellationToken)
    {
        var work = RunAsync(invocation, cancellationToken);

        var budget = _deferAfter - clock.GetElapsedTime(receivedAt);
        if (budget > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(budget, clock, cancellationToken)).ConfigureAwait(false);
        }

        if (work.IsCompleted)
        {
            var result = await work.ConfigureAwait(false);
            var answered = await api.RespondAsync(interaction.Id, interaction.Token, new InteractionCallback(CallbackType.ChannelMessage, Render(result)), cancellationToken).ConfigureAwait(false);
            Report(interaction, answered, receivedAt, "reply");
            return;
        }

        // A press is acknowledged without a placeholder (type 6): the message it came from is the card, which stays.
        var deferral = pressed ? CallbackType.DeferredUpdateMessage : CallbackType.DeferredChannelMessage;
        var deferred = await api.RespondAsync(interaction.Id, interaction.Token, new InteractionCallback(deferral), cancellationToken).ConfigureAwait(false);
        Report(interaction, deferred, receivedAt, "defer");
        if (!deferred.IsSuccess)
        {
            return;
        }

        var outcome = await work.ConfigureAwait(false);
        if (pressed)
        {
            var answered = await api.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, Render(outcome), cancellationToken).ConfigureAwait(false);
            Report(interaction, answered, receivedAt, "follow-up");
            return;
        }

        if (outcome.IsSuccess && !outcome.Value.Private)
        {
            var edited = await api.EditOriginalAsync(interaction.ApplicationId, interaction.Token, Public(MessageRenderer.RenderOne(outcome.Value)), cancellationToken).ConfigureAwait(false);
            Report(interaction, edited, receivedAt, "edit");
            return;
        }

        // The placeholder is public; a private answer or an error must not stay there.
        await api.DeleteOriginalAsync(interaction.ApplicationId, interaction.Token, cancellationToken).ConfigureAwait(false);
        var followed = await api.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, Render(outcome), cancellationToken).ConfigureAwait(false);
        Report(interaction, followed, receivedAt, "follow-up");
    }

    // The router never throws but for cancellation: a bug comes back as an error it has logged.
    private Task<Result<Reply>> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        router.HandleAsync(invocation, cancellationToken);

    private async Task CompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        IReadOnlyList<Completion> completions = [];
        if (interaction.Focused is { } focused)
        {
            var partial = interaction.Options.TryGetValue(focused, out var typed) ? typed : string.Empty;
            // The router logs a failing suggestion source and answers with none.
            completions = await router.CompleteAsync(interaction.Path, focused, partial, MaxChoices, cancellationToken).ConfigureAwait(false);
        }

        var choices = completions
            .Where(c => c.Value.Length is > 0 and <= ChoiceLimit)
            .Take(MaxChoices)
            .Select(c => new CommandChoice(TextChunks.Truncate(c.Name.Length == 0 ? c.Value : c.Name, ChoiceLimit), c.Value))
            .ToList();
        var answered = await api.RespondAsync(interaction.Id, interaction.Token, new AutocompleteCallback(new AutocompleteChoices(choices)), cancellationToken).ConfigureAwait(false);
        if (!answered.IsSuccess)
        {
            Log.InteractionResponseFailed(logger, "autocomplete", answered.Error.ToString());
        }
    }

    private static MessageBody Render(Result<Reply> result) =>
        result.TryGet(out var reply, out var error)
            ? reply.Private ? Public(MessageRenderer.RenderOne(reply)) with { Flags = Ephemeral } : Public(MessageRenderer.RenderOne(reply))
            : Public(MessageRenderer.RenderError(error)) with { Flags = Ephemeral };

    private static MessageBody Public(MessageBody body) => body with { AllowedMentions = AllowedMentions.None };

    private void Report(Interaction interaction, ApiResult<bool, DiscordApiError> result, long receivedAt, string step)
    {
        if (!result.IsSuccess)
        {
            Log.InteractionResponseFailed(logger, step, result.Error.ToString());
            return;
        }

        if (step is not ("reply" or "defer"))
        {
            return;
        }

        var elapsed = clock.GetElapsedTime(receivedAt);
        timings.Record(elapsed);
        DiscordMetrics.Answered(elapsed, step);
        if (elapsed > TimeSpan.FromSeconds(2.5))
        {
            Log.InteractionSlow(logger, string.Join(' ', interaction.Path), elapsed.TotalMilliseconds);
        }
    }
}
