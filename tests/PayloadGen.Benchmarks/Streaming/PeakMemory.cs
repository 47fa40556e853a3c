using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// The peak working set of this process over a stretch of work: the kernel's high-water mark (VmHWM, reset through
/// /proc/self/clear_refs) where Linux provides it, and a thread sampling the working set every 2 ms besides.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Thread _sampler;
    private long _sampledPeak;
    private long _gcCommittedPeak;
    private readonly bool _mapsPeaks;
    private long _mappedPeak;
    private System.Collections.Generic.Dictionary<string, long>? _peakMap;
    private volatile bool _stopped;

    private PeakMemory(bool mapsPeaks)
    {
        _mapsPeaks = mapsPeaks;
        ResetHighWaterMark();
        _sampledPeak = Current;
        _gcCommittedPeak = GcCommitted;
        _sampler = new Thread(Sample) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _sampler.Start();
    }

    /// <summary>The working set now, in bytes.</summary>
    public static long Current
    {
        get
        {
            using Process self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
    }

    /// <summary>What the garbage collector has committed for its heap (as of the last collection), in bytes.</summary>
    public static long GcCommitted => GC.GetGCMemoryInfo().TotalCommittedBytes;

    /// <summary>The most the garbage collector had committed at any sample: the managed share of <see cref="Peak"/>.</summary>
    public long GcCommittedPeak => Volatile.Read(ref _gcCommittedPeak);

    /// <summary>The highest working set seen since <see cref="Start"/>.</summary>
    public long Peak => Math.Max(Volatile.Read(ref _sampledPeak), HighWaterMark() ?? 0);

    /// <summary>
    /// Where the resident bytes were at the highest sample (<see cref="MemoryMap"/>), when started with
    /// <c>mapsPeaks</c>; reading smaps costs milliseconds, so a new map is taken only when the peak grew by 1 MiB.
    /// </summary>
    public System.Collections.Generic.Dictionary<string, long>? PeakMap => Volatile.Read(ref _peakMap);

    public static PeakMemory Start(bool mapsPeaks = false) => new(mapsPeaks);

    public void Dispose()
    {
        _stopped = true;
        _sampler.Join();
    }

    private void Sample()
    {
        while (!_stopped)
        {
            long now = Current;
            if (now > Volatile.Read(ref _sampledPeak))
            {
                Volatile.Write(ref _sampledPeak, now);
                if (_mapsPeaks && now > _mappedPeak + 1024 * 1024)
                {
                    _mappedPeak = now;
                    Volatile.Write(ref _peakMap, MemoryMap.Snapshot());
                }
            }

            long committed = GcCommitted;
            if (committed > Volatile.Read(ref _gcCommittedPeak))
            {
                Volatile.Write(ref _gcCommittedPeak, committed);
            }

            Thread.Sleep(2);
        }
    }

    private static void ResetHighWaterMark()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the sampler alone measures the peak.
        }
    }

    private static long? HighWaterMark()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
