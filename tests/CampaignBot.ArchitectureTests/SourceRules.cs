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

    /// <summary>
    /// Everything timed reads <c>TimeProvider</c> (delays, timeouts, elapsed times, "now"), so tests can move time and
    /// a fake clock sees every wait. A wait that names no clock in its statement uses the system's behind it.
    /// </summary>
    public static SourceRule ClockedTime { get; } = new(
        "reads the system clock: take the TimeProvider (clock) and pass it",
        SystemClock(),
        [
            // The process entry: its start limit runs around the host, with no clock but the system's to substitute.
            "CampaignBot/Program.cs",
        ]);

    [GeneratedRegex(@"(?<at>\bStopwatch\b|\bDateTime(?:Offset)?\s*\.\s*(?:UtcNow|Now|Today)\b|\bEnvironment\s*\.\s*TickCount(?:64)?\b|\bThread\s*\.\s*Sleep\b|\.\s*CancelAfter\s*\((?![^;]*(?:clock|Clock|TimeProvider)\b)|\bTask\s*\.\s*Delay\s*\((?![^;]*(?:clock|Clock|TimeProvider)\b)|\.\s*WaitAsync\s*\((?=[^;]*(?:TimeSpan|Timeout|Limit|Budget))(?![^;]*(?:clock|Clock|TimeProvider)\b)|\bnew\s+(?:CancellationTokenSource|PeriodicTimer)\s*\((?=[^)\s])(?![^;]*(?:clock|Clock|TimeProvider)\b))")]
    private static partial Regex SystemClock();

    /// <summary>
    /// A service's dependencies are explicit: a constructor parameter of a reference type that defaults to null
    /// hides which implementation runs (the system clock, no links…). Register a real default instead.
    /// </summary>
    public static SourceRule ExplicitDependencies { get; } = new(
        "takes an optional dependency: make the parameter required and register a default",
        OptionalDependency(),
        []);

    // A class's primary constructor or an explicit constructor (an access modifier, then the type's name and its
    // parameters), with a parameter of a nullable type of ours or the framework's (not a value type) defaulting to null.
    [GeneratedRegex(@"(?<=(?:\bclass\s+\w+(?:<[^<>]*>)?|\b(?:public|internal|protected|private)\s+[A-Z]\w*)\s*\([^(){};]*)(?<at>\b(?!(?:TimeSpan|DateTimeOffset|DateTime|Guid|CancellationToken|Nullable)\b)[A-Z][\w.]*(?:<[^<>(){};]*>)?\?\s+\w+\s*=\s*(?:null|default)\b)")]
    private static partial Regex OptionalDependency();

    // A discard of a task-returning call; a Task.Run (or its kin) as a bare statement; a thread started and not kept;
    // an async void method. Each alternative captures where it starts as "at", for the line number.
    [GeneratedRegex(@"(?<at>(?<![\w.])_)\s*=(?![=>])[^;]*?(?:Async|Task\.Run|\.ContinueWith|StartNew)\s*(?:<[^;()]*>)?\s*\(|(?:^|[;{}])\s*(?<at>Task\.Run|Task\.Factory\.StartNew|ThreadPool\.(?:Unsafe)?QueueUserWorkItem)\s*\(|(?<at>\bnew\s+Thread)\s*\([^;]*?\)\s*(?:\{[^;]*?\})?\s*\.Start\s*\(|(?<at>\basync\s+void)\b", RegexOptions.Multiline)]
    private static partial Regex UnownedWork();

    [GeneratedRegex(@"\bnew\s+(?:HttpClient|SocketsHttpHandler|HttpClientHandler)\s*[({]")]
    private static partial Regex OwnHttpClient();
}
