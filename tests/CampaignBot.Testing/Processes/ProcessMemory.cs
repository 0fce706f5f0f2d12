using System.Globalization;

namespace CampaignBot.Testing.Processes;

/// <summary>
/// A process's resident memory from Linux's <c>/proc/&lt;pid&gt;/status</c>, in kB: the peak (<c>VmHWM</c>), now
/// (<c>VmRSS</c>), and now split into anonymous (heaps, stacks), file-backed (mapped assemblies and libraries) and
/// shared memory (the runtime's W^X double mapping of code and type data).
/// </summary>
public sealed record ProcessMemory(long PeakKb, long RssKb, long AnonKb, long FileKb, long ShmemKb)
{
    public double PeakMb => Mb(PeakKb);

    public double RssMb => Mb(RssKb);

    public double AnonMb => Mb(AnonKb);

    public double FileMb => Mb(FileKb);

    public double ShmemMb => Mb(ShmemKb);

    /// <summary>Reads the figures of process <paramref name="pid"/>; null where <c>/proc</c> has no such process.</summary>
    public static ProcessMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long Field(string name)
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        return new ProcessMemory(Field("VmHWM"), Field("VmRSS"), Field("RssAnon"), Field("RssFile"), Field("RssShmem"));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RSS {RssMb} MB (anon {AnonMb}, file {FileMb}, shmem {ShmemMb}), peak {PeakMb} MB");

    private static double Mb(long kb) => Math.Round(kb / 1024.0, 1);
}
