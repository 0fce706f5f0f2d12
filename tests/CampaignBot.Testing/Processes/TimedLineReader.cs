using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace CampaignBot.Testing.Processes;

/// <summary>
/// Reads lines from a process's output with the moment each line could be read. One thread of its own does nothing
/// but read (64 KB at a time) and note the time; a second one decodes and splits the lines and hands them on. A burst
/// of output (a thousand reminders printed at one instant) is then timed by when the bot wrote it, not by how fast
/// the lines were handled afterwards: <see cref="System.Diagnostics.Process"/>'s own line events read 4 KB at a time
/// and handle each line before reading on, so the last lines of a burst were timed milliseconds after they came.
/// </summary>
internal sealed class TimedLineReader
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly Action<IReadOnlyList<string>, DateTimeOffset> _onLines;
    private readonly BlockingCollection<(byte[] Bytes, int Count, DateTimeOffset At)> _chunks = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimedLineReader(Stream stream, string name, Action<IReadOnlyList<string>, DateTimeOffset> onLines)
    {
        _stream = stream;
        _onLines = onLines;
        new Thread(Read) { IsBackground = true, Name = $"{name} reader" }.Start();
        new Thread(Split) { IsBackground = true, Name = $"{name} lines" }.Start();
    }

    /// <summary>Completes once the stream has ended and every line has been handed on.</summary>
    public Task Completion => _done.Task;

    private void Read()
    {
        try
        {
            var buffer = new byte[ChunkBytes];
            int count;
            while ((count = _stream.Read(buffer)) > 0)
            {
                var at = DateTimeOffset.UtcNow;
                var chunk = ArrayPool<byte>.Shared.Rent(count);
                buffer.AsSpan(0, count).CopyTo(chunk);
                _chunks.Add((chunk, count, at));
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The process is gone; what was read is still handed on.
        }
        finally
        {
            _chunks.CompleteAdding();
        }
    }

    // Each chunk's complete lines are handed on together, with the moment the chunk was read.
    private void Split()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var partial = new StringBuilder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(ChunkBytes)];
        var lines = new List<string>();
        foreach (var (bytes, count, at) in _chunks.GetConsumingEnumerable())
        {
            var text = chars.AsSpan(0, decoder.GetChars(bytes, 0, count, chars, 0));
            ArrayPool<byte>.Shared.Return(bytes);
            for (var end = text.IndexOf('\n'); end >= 0; end = text.IndexOf('\n'))
            {
                var line = text[..end].TrimEnd('\r');
                lines.Add(partial.Length == 0 ? new string(line) : partial.Append(line).ToString());
                partial.Clear();
                text = text[(end + 1)..];
            }

            partial.Append(text);
            if (lines.Count > 0)
            {
                _onLines(lines, at);
                lines = [];
            }
        }

        if (partial.Length > 0)
        {
            _onLines([partial.ToString()], DateTimeOffset.UtcNow);
        }

        _done.TrySetResult();
    }
}
