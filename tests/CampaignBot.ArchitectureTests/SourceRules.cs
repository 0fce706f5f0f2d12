using System.Text.RegularExpressions;

namespace CampaignBot.ArchitectureTests;

/// <summary>How the code starts work and reaches the platforms: each in one place that owns it.</summary>
internal static partial class SourceRules
{
    /// <summary>
    /// Work nobody awaits goes to <c>BackgroundWork</c> (tracked, failures logged, awaited on stop); a task is otherwise
    /// awaited or kept by whoever starts it. A discarded task (<c>_ = SomethingAsync()</c>, <c>_ = Task.Run(…)</c>) or
    /// a bare <c>Task.Run(…);</c>, a thread started and not kept, or an <c>async void</c> method is work that can fail
    /// unseen and outlive the host.
    /// </summary>
    public static SourceRule OwnedWork { get; } = new(
        "starts work nobody owns: await or keep the task, or hand it to BackgroundWork",
        UnownedWork(),
        [
            // The owner itself: it keeps every piece in its set and drops it from there as it ends.
            "CampaignBot.Core/Background/BackgroundWork.cs",
        ]);

    /// <summary>
    /// HTTP clients come from <c>IHttpClientFactory</c>, configured once in the adapter kit
    /// (<c>AddPlatformHttpClient</c>): one pooled handler per platform, renewed connections, no token in logs.
    /// </summary>
    public static SourceRule FactoryHttpClients { get; } = new(
        "builds its own HTTP client or handler: take a named client from IHttpClientFactory (AddPlatformHttpClient)",
        OwnHttpClient(),
        ["CampaignBot.Adapters/ServiceCollectionExtensions.cs"]);

    // A discard of a task-returning call; a Task.Run (or its kin) as a bare statement; a thread started and not kept;
    // an async void method. Each alternative captures where it starts as "at", for the line number.
    [GeneratedRegex(@"(?<at>(?<![\w.])_)\s*=(?![=>])[^;]*?(?:Async|Task\.Run|\.ContinueWith|StartNew)\s*(?:<[^;()]*>)?\s*\(|(?:^|[;{}])\s*(?<at>Task\.Run|Task\.Factory\.StartNew|ThreadPool\.(?:Unsafe)?QueueUserWorkItem)\s*\(|(?<at>\bnew\s+Thread)\s*\([^;]*?\)\s*(?:\{[^;]*?\})?\s*\.Start\s*\(|(?<at>\basync\s+void)\b", RegexOptions.Multiline)]
    private static partial Regex UnownedWork();

    [GeneratedRegex(@"\bnew\s+(?:HttpClient|SocketsHttpHandler|HttpClientHandler)\s*[({]")]
    private static partial Regex OwnHttpClient();
}
