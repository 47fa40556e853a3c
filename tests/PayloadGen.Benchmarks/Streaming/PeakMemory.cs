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
    private int _collectionsSeen = -1;
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
    /// <remarks>
    /// Read from <c>/proc/self/statm</c> through one open handle into one buffer, so sampling allocates nothing:
    /// <see cref="Process.WorkingSet64"/> allocates a <see cref="Process"/>, its thread list and file streams on every
    /// call, and a sampler calling it every 2 ms filled the garbage collector's gen0 by itself — its own garbage
    /// showed as the heap growth of a scenario that allocates little (an object graph's upload).
    /// </remarks>
    public static long Current => ResidentPages.Read() ?? ProcessWorkingSet();

    private static long ProcessWorkingSet()
    {
        using Process self = Process.GetCurrentProcess();
        return self.WorkingSet64;
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

            // The committed figure changes only at a collection; reading it allocates, so only then.
            int collections = GC.CollectionCount(0);
            if (collections != _collectionsSeen)
            {
                _collectionsSeen = collections;
                long committed = GcCommitted;
                if (committed > Volatile.Read(ref _gcCommittedPeak))
                {
                    Volatile.Write(ref _gcCommittedPeak, committed);
                }
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

    /// <summary>Resident pages from <c>/proc/self/statm</c>, without allocating (after the first call).</summary>
    private static class ResidentPages
    {
        private static readonly Microsoft.Win32.SafeHandles.SafeFileHandle? s_statm = Open();
        private static readonly byte[] s_text = new byte[256];
        private static readonly object s_gate = new();

        public static long? Read()
        {
            if (s_statm is null)
            {
                return null;
            }

            lock (s_gate)
            {
                int length = RandomAccess.Read(s_statm, s_text, 0);
                // "size resident shared text lib data dt", in pages: the second field.
                ReadOnlySpan<byte> text = s_text.AsSpan(0, length);
                int space = text.IndexOf((byte)' ');
                long pages = 0;
                for (int i = space + 1; i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9'; i++)
                {
                    pages = pages * 10 + (text[i] - '0');
                }

                return pages * Environment.SystemPageSize;
            }
        }

        private static Microsoft.Win32.SafeHandles.SafeFileHandle? Open()
        {
            try
            {
                return File.OpenHandle("/proc/self/statm");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
