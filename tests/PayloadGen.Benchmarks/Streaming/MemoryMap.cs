using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// Where the resident bytes of this process are, from <c>/proc/self/smaps</c>, by kind of mapping: the garbage
/// collector's heap (the anonymous mappings around an object's address — its reserved range, split by what is
/// committed), 5 MiB anonymous mappings (PayloadGen's part buffers), glibc's heap and 64 MiB-aligned arenas (native
/// allocations: the runtime's, OpenSSL's, zlib's), files (code and data), and other anonymous memory (thread
/// stacks, the JIT's code, the runtime's loader heaps). For <c>--diagnose</c> runs.
/// </summary>
public static class MemoryMap
{
    private const long PartMappingKb = 5 * 1024;
    private const long ArenaAlignment = 64L * 1024 * 1024;

    /// <summary>Resident bytes by kind of mapping; empty where smaps cannot be read.</summary>
    public static Dictionary<string, long> Snapshot()
    {
        var resident = new Dictionary<string, long>();
        List<Mapping> mappings;
        try
        {
            mappings = Read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return resident;
        }

        (ulong gcStart, ulong gcEnd) = GarbageCollectedRange(mappings);
        foreach (Mapping mapping in mappings)
        {
            string kind = mapping switch
            {
                _ when mapping.Start >= gcStart && mapping.End <= gcEnd => "GC heap",
                { Path: "[heap]" } => "glibc heap",
                { Path: "[stack]" } => "main stack",
                // The runtime's executable memory (JIT code, stubs) is double-mapped through a memfd (W^X).
                { Path: var path } when path.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "JIT code and stubs (doublemapper)",
                { Path.Length: > 0 } when mapping.Path[0] != '[' => "files",
                // The kernel merges adjacent anonymous mappings: two part buffers side by side are one 10 MiB mapping.
                { Path.Length: 0, Writable: true } when mapping.SizeKb % PartMappingKb == 0 => "5 MiB mappings (part buffers)",
                { Path.Length: 0 } when mapping.Start % ArenaAlignment == 0 && mapping.SizeKb < ArenaAlignment / 1024 && mapping.Writable => "glibc arenas",
                _ => "other anonymous",
            };
            resident[kind] = resident.GetValueOrDefault(kind) + mapping.RssKb * 1024;
            if (kind == "glibc arenas")
            {
                resident["  (glibc arenas: count)"] = resident.GetValueOrDefault("  (glibc arenas: count)") + 1024 * 1024;
            }
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                // glibc's own account: bytes in use by malloc's callers, and free bytes it keeps (main arena and others).
                MallocInfo info = mallinfo2();
                resident["  (malloc: in use in arenas)"] = (long)info.uordblks;
                resident["  (malloc: in use, own mappings)"] = (long)info.hblkhd;
                resident["  (malloc: free, kept)"] = (long)info.fordblks;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }

        return resident;
    }

    /// <summary>Two snapshots side by side, in MiB, with what grew from the first to the second.</summary>
    public static string Render(Dictionary<string, long> baseline, Dictionary<string, long> peak)
    {
        var text = new StringBuilder();
        foreach (string kind in baseline.Keys.Union(peak.Keys).OrderByDescending(kind => peak.GetValueOrDefault(kind) - baseline.GetValueOrDefault(kind)))
        {
            long before = baseline.GetValueOrDefault(kind);
            long at = peak.GetValueOrDefault(kind);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-32} baseline {before / 1048576.0,8:0.0} MiB  peak {at / 1048576.0,8:0.0} MiB  added {(at - before) / 1048576.0,7:+0.0;-0.0} MiB");
        }

        return text.ToString();
    }

    private static (ulong Start, ulong End) GarbageCollectedRange(List<Mapping> mappings)
    {
        // An object's address lies in the collector's reserved range; the mappings next to it without a gap are the
        // rest of that range (committed regions split it by protection).
        GCHandle pinned = GCHandle.Alloc(new byte[16], GCHandleType.Pinned);
        ulong address = (ulong)pinned.AddrOfPinnedObject();
        pinned.Free();
        int index = mappings.FindIndex(mapping => mapping.Start <= address && address < mapping.End);
        if (index < 0)
        {
            return (0, 0);
        }

        int first = index;
        while (first > 0 && mappings[first - 1].End == mappings[first].Start && mappings[first - 1].Path.Length == 0)
        {
            first--;
        }

        int last = index;
        while (last < mappings.Count - 1 && mappings[last + 1].Start == mappings[last].End && mappings[last + 1].Path.Length == 0)
        {
            last++;
        }

        return (mappings[first].Start, mappings[last].End);
    }

    private static List<Mapping> Read()
    {
        var mappings = new List<Mapping>();
        Mapping? current = null;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && (colon < 0 || dash < colon) && IsHex(line.AsSpan(0, dash)))
            {
                string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                string[] range = fields[0].Split('-');
                current = new Mapping(
                    ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    fields[1].Contains('w', StringComparison.Ordinal),
                    fields.Length > 5 ? fields[5].Trim() : string.Empty);
                mappings.Add(current);
            }
            else if (current is not null && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                current.RssKb = long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return mappings;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallocInfo
    {
        public nuint arena;
        public nuint ordblks;
        public nuint smblks;
        public nuint hblks;
        public nuint hblkhd;
        public nuint usmblks;
        public nuint fsmblks;
        public nuint uordblks;
        public nuint fordblks;
        public nuint keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo mallinfo2();

    private sealed class Mapping(ulong start, ulong end, bool writable, string path)
    {
        public ulong Start { get; } = start;

        public ulong End { get; } = end;

        public bool Writable { get; } = writable;

        public string Path { get; } = path;

        public long SizeKb => (long)((End - Start) / 1024);

        public long RssKb { get; set; }
    }
}
