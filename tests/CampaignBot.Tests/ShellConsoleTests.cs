using CampaignBot.Shell;

namespace CampaignBot.Tests;

public sealed class ShellConsoleTests
{
    [Fact]
    public void Blocks_written_from_two_threads_all_come_out_whole_and_each_thread_in_order()
    {
        var output = new StringWriter();
        var console = new ShellConsole(TextReader.Null, TextWriter.Synchronized(output), interactive: false);
        var writers = new[] { "a", "b" }.Select(name => new Thread(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                console.WriteBlock($"{name} {i} first line{Environment.NewLine}{name} {i} second line");
            }
        })).ToArray();

        foreach (var writer in writers)
        {
            writer.Start();
        }

        foreach (var writer in writers)
        {
            writer.Join();
        }

        console.Dispose();

        var blocks = output.ToString().Split(Environment.NewLine + Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1000, blocks.Length);
        foreach (var name in new[] { "a", "b" })
        {
            var mine = blocks.Where(block => block.StartsWith(name + " ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Enumerable.Range(0, 500).Select(i => $"{name} {i} first line{Environment.NewLine}{name} {i} second line"), mine);
        }
    }

    [Fact]
    public void A_write_after_the_console_is_disposed_is_out_before_the_call_returns()
    {
        var output = new StringWriter();
        var console = new ShellConsole(TextReader.Null, output, interactive: false);
        console.Write("before ");
        console.Dispose();

        console.WriteBlock("after");

        Assert.Equal($"before after{Environment.NewLine}{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task A_write_reaches_the_terminal_without_anything_else_happening()
    {
        var output = new StringWriter();
        using var console = new ShellConsole(TextReader.Null, TextWriter.Synchronized(output), interactive: false);

        console.Write("campaignbot> ");

        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (output.ToString().Length == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.Equal("campaignbot> ", output.ToString());
    }

    [Fact]
    public async Task A_printed_block_counts_as_written_only_once_the_terminal_has_it()
    {
        using var terminal = new HeldTerminal();
        using var console = new ShellConsole(TextReader.Null, terminal, interactive: false);

        var written = console.WriteBlockAsync("Reminder: picket at 7");
        Assert.True(terminal.Flushing.Wait(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken), "the writer never flushed");
        Assert.False(written.IsCompleted, "the block counted as written while the terminal still held it");

        terminal.Release.Set();
        await written.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal($"Reminder: picket at 7{Environment.NewLine}{Environment.NewLine}", terminal.ToString());
    }

    // A terminal whose flush waits until the test lets it go.
    private sealed class HeldTerminal : StringWriter
    {
        public ManualResetEventSlim Flushing { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override void Flush()
        {
            Flushing.Set();
            Release.Wait();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release.Set();
                Flushing.Dispose();
                Release.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
