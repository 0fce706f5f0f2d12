using System.Text;

namespace CampaignBot.Shell;

/// <summary>
/// The terminal the shell adapter talks through. Writes are serialised, so a reminder printed by a job never tears a
/// reply in half, and batched: a write is queued and returns at once, and a thread of the terminal's own (as the
/// console logger has) writes out all that has gathered, in order, in one go. A thousand reminders due at one instant
/// then leave in a few large writes instead of a thousand small ones, starting with the first, and the thread sending
/// them never waits on the terminal. (A thread-pool work item was tried first: at a busy instant it ran only after
/// the sends were done, 2-3 ms late.)
/// </summary>
public sealed class ShellConsole(TextReader input, TextWriter output, bool interactive) : IDisposable
{
    private static readonly string BlockEnd = Environment.NewLine + Environment.NewLine;
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private readonly object _queue = new();
    private readonly Lock _terminal = new();
    private List<string> _pending = [];
    private List<string> _writing = [];
    private Thread? _writer;
    private bool _writerIdle;
    private bool _stopping;

    /// <summary>The process's terminal: standard output behind a buffer of its own (Console.Out flushes every write).</summary>
    public static ShellConsole System()
    {
        var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Console.OutputEncoding;
        var output = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 16 * 1024) { AutoFlush = false };
        return new ShellConsole(Console.In, output, !Console.IsInputRedirected);
    }

    public bool Interactive => interactive;

    public TextReader Input => input;

    public void Write(string text) => Queue(text, null);

    /// <summary>Writes <paramref name="text"/> followed by a blank line.</summary>
    public void WriteBlock(string text) => Queue(text, text.EndsWith('\n') ? Environment.NewLine : BlockEnd);

    /// <summary>Writes out what is queued and stops the writer; later writes go straight to the terminal.</summary>
    public void Dispose()
    {
        Thread? writer;
        lock (_queue)
        {
            _stopping = true;
            writer = _writer;
            Monitor.Pulse(_queue);
        }

        if (writer is null || writer.Join(StopWait))
        {
            WriteQueued();
        }
    }

    private void Queue(string text, string? end)
    {
        lock (_queue)
        {
            _pending.Add(text);
            if (end is not null)
            {
                _pending.Add(end);
            }

            if (!_stopping)
            {
                _writer ??= StartWriter();
                if (_writerIdle)
                {
                    Monitor.Pulse(_queue);
                }

                return;
            }
        }

        // Once the bot is stopping (a reminder sent during shutdown), the write is done before the call returns.
        WriteQueued();
    }

    private Thread StartWriter()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "CampaignBot terminal" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        while (true)
        {
            lock (_queue)
            {
                while (_pending.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    _writerIdle = true;
                    Monitor.Wait(_queue);
                    _writerIdle = false;
                }
            }

            WriteQueued();
        }
    }

    // Takes what is queued (writers go on filling the other list meanwhile) and writes it out, in order.
    private void WriteQueued()
    {
        lock (_terminal)
        {
            List<string> batch;
            lock (_queue)
            {
                (batch, _pending, _writing) = (_pending, _writing, _pending);
            }

            try
            {
                foreach (var text in batch)
                {
                    output.Write(text);
                }

                output.Flush();
            }
            catch (IOException)
            {
                // The terminal is gone (a closed pipe): there is no one left to print to.
            }
            finally
            {
                batch.Clear();
            }
        }
    }
}
