using System.Collections.Concurrent;
using System.Text;

namespace CampaignBot.Shell;

/// <summary>
/// The terminal the shell adapter talks through. Writes are serialised, so a reminder printed by a job never tears a
/// reply in half, and batched: a write is queued and returns at once, and a thread of the terminal's own (as the
/// console logger has) writes out all that has gathered, in order, in one go. A thousand reminders due at one instant
/// then leave in a few large writes instead of a thousand small ones, starting with the first, and the thread sending
/// them never waits on the terminal. The queue takes no lock: with one, the writer could be kept from the queue by a
/// sender taking it a thousand times in a row (a burst once printed nothing for 8 ms); and a thread-pool work item,
/// tried first, ran only after the sends were done.
/// </summary>
public sealed class ShellConsole(TextReader input, TextWriter output, bool interactive) : IDisposable
{
    private static readonly string BlockEnd = Environment.NewLine + Environment.NewLine;
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentQueue<(string Text, string? End, TaskCompletionSource? Written)> _pending = new();
    private readonly List<TaskCompletionSource> _written = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Lock _terminal = new();
    private readonly Lock _start = new();
    private Thread? _writer;
    private int _writerIdle;
    private volatile bool _stopping;

    /// <summary>
    /// Stands in piped input for bytes that are not UTF-8 (U+FFFF, a noncharacter no text should hold), so the shell
    /// can refuse the line: the usual U+FFFD would pass for typed text and be stored.
    /// </summary>
    public const char Undecodable = '\uFFFF';

    private static readonly Encoding PipedInput = Encoding.GetEncoding(
        Encoding.UTF8.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Undecodable.ToString()));

    /// <summary>The process's terminal: standard output behind a buffer of its own (Console.Out flushes every write).</summary>
    public static ShellConsole System()
    {
        var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Console.OutputEncoding;
        var output = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 16 * 1024) { AutoFlush = false };

        // A terminal keeps the console's own reader (it edits the line); piped input is read as UTF-8, strictly.
        var input = Console.IsInputRedirected
            ? new StreamReader(Console.OpenStandardInput(), PipedInput, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024)
            : Console.In;
        return new ShellConsole(input, output, !Console.IsInputRedirected);
    }

    public bool Interactive => interactive;

    public TextReader Input => input;

    public void Write(string text) => Queue(text, null, null);

    /// <summary>Writes <paramref name="text"/> followed by a blank line.</summary>
    public void WriteBlock(string text) => Queue(text, End(text), null);

    /// <summary>
    /// <see cref="WriteBlock"/>, completing once the block has reached the terminal: a reminder is recorded as printed
    /// only when it has been, so a bot killed between the two prints it again after restart rather than never.
    /// </summary>
    public Task WriteBlockAsync(string text)
    {
        var written = new TaskCompletionSource();
        Queue(text, End(text), written);
        return written.Task;
    }

    /// <summary>Writes out what is queued and stops the writer; later writes go straight to the terminal.</summary>
    public void Dispose()
    {
        Thread? writer;
        lock (_start)
        {
            _stopping = true;
            writer = _writer;
        }

        _wake.Release();
        if (writer is null || writer.Join(StopWait))
        {
            WriteQueued();
        }
    }

    private static string End(string text) => text.EndsWith('\n') ? Environment.NewLine : BlockEnd;

    private void Queue(string text, string? end, TaskCompletionSource? written)
    {
        _pending.Enqueue((text, end, written));
        if (_stopping)
        {
            // Once the bot is stopping (a reminder sent during shutdown), the write is done before the call returns.
            WriteQueued();
            return;
        }

        if (_writer is null)
        {
            StartWriter();
        }

        if (Interlocked.CompareExchange(ref _writerIdle, 0, 1) == 1)
        {
            _wake.Release();
        }
    }

    private void StartWriter()
    {
        lock (_start)
        {
            if (_writer is null && !_stopping)
            {
                _writer = new Thread(Run) { IsBackground = true, Name = "CampaignBot terminal" };
                _writer.Start();
            }
        }
    }

    private void Run()
    {
        while (!_stopping)
        {
            WriteQueued();
            Volatile.Write(ref _writerIdle, 1);

            // A write queued after the queue was found empty but before the flag went up would wait for the next one:
            // look again. If a writer has meanwhile taken the flag down, its wake-up is ours to consume.
            if (!_pending.IsEmpty && Interlocked.CompareExchange(ref _writerIdle, 0, 1) == 1)
            {
                continue;
            }

            _wake.Wait();
        }
    }

    // Writes out everything queued, in order, then flushes: one write to the terminal for all of it. Those waiting for
    // their text to be out are told after the flush, outside the lock (what they go on to do runs on this thread).
    private void WriteQueued()
    {
        TaskCompletionSource[] written;
        lock (_terminal)
        {
            try
            {
                var any = false;
                while (_pending.TryDequeue(out var item))
                {
                    output.Write(item.Text);
                    if (item.End is not null)
                    {
                        output.Write(item.End);
                    }

                    if (item.Written is not null)
                    {
                        _written.Add(item.Written);
                    }

                    any = true;
                }

                if (any)
                {
                    output.Flush();
                }
            }
            catch (IOException)
            {
                // The terminal is gone (a closed pipe): there is no one left to print to, as Console.Out also takes it.
            }

            written = [.. _written];
            _written.Clear();
        }

        foreach (var done in written)
        {
            done.TrySetResult();
        }
    }
}
