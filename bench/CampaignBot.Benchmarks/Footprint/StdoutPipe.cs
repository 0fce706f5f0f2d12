using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// The pipe a bot process prints into. Linux gives a pipe 64 KB; a burst of printed reminders larger than that makes
/// the bot's writes wait for this process to read, so what would be measured is the bench's reading. A larger pipe
/// (up to <c>/proc/sys/fs/pipe-max-size</c>) lets the bot print a burst without waiting.
/// </summary>
internal static partial class StdoutPipe
{
    private const int SetPipeSize = 1031; // F_SETPIPE_SZ

    /// <summary>Sizes the pipe behind the process's stdout; returns the size the kernel gave, or -1 if it refused.</summary>
    public static int Enlarge(int pid, int bytes)
    {
        // Opening /proc/<pid>/fd/1 opens the same pipe again (this process holds its reading end, so it opens at once).
        using var pipe = File.OpenHandle($"/proc/{pid}/fd/1", FileMode.Open, FileAccess.Write);
        return Fcntl(pipe, SetPipeSize, bytes);
    }

    [DllImport("libc", EntryPoint = "fcntl")]
    private static extern int Fcntl(SafeFileHandle fd, int command, int argument);
}
