using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace PayloadGen.Benchmarks.Streaming;

/// <summary>
/// What the garbage collector saw during a measurement, from the runtime's own events: allocations by type (the
/// <c>GCAllocationTick</c> event, one per ~100 KB allocated, naming the object that crossed the mark — a sample, so
/// small totals are rough), split into the small-object and large-object heaps, and the collections by generation
/// and reason. Only for <c>--diagnose</c> runs: the listener allocates itself, so it is not on during measurements.
/// </summary>
public sealed class AllocationProfile : EventListener
{
    private const int AllocationTickEvent = 10;
    private const int GcStartEvent = 1;
    private const int MethodJittingStartedEvent = 145;
    private readonly ConcurrentDictionary<string, int> _jitted = new();
    private readonly ConcurrentDictionary<(string Type, string Heap), long> _allocated = new();
    private readonly ConcurrentDictionary<(int Generation, string Reason, string Kind), int> _collections = new();
    private volatile bool _recording;

    /// <summary>Starts counting (the runtime's source may have been enabled before; nothing is counted until now).</summary>
    public void Record() => _recording = true;

    /// <summary>Stops counting.</summary>
    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // GC keyword at verbose level: allocation ticks and collection starts; JIT keyword: methods compiled.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)(0x1 | 0x10));
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        if (eventData.EventId == AllocationTickEvent)
        {
            string type = Field(eventData, "TypeName") as string ?? "?";
            string heap = Convert.ToInt32(Field(eventData, "AllocationKind"), CultureInfo.InvariantCulture) switch { 0 => "SOH", 1 => "LOH", _ => "POH" };
            long amount = Convert.ToInt64(Field(eventData, "AllocationAmount64") ?? Field(eventData, "AllocationAmount"), CultureInfo.InvariantCulture);
            _allocated.AddOrUpdate((type, heap), amount, (_, total) => total + amount);
        }
        else if (eventData.EventId == MethodJittingStartedEvent)
        {
            string name = Field(eventData, "MethodNamespace") as string ?? "?";
            // The declaring type without its generic arguments: enough to tell PayloadGen's code from the SDK's.
            int generic = name.IndexOf('`', StringComparison.Ordinal);
            name = generic > 0 ? name[..generic] : name;
            _jitted.AddOrUpdate(name, 1, (_, count) => count + 1);
        }
        else if (eventData.EventId == GcStartEvent)
        {
            int depth = Convert.ToInt32(Field(eventData, "Depth"), CultureInfo.InvariantCulture);
            string reason = Field(eventData, "Reason")?.ToString() ?? "?";
            string kind = Field(eventData, "Type")?.ToString() ?? "?";
            _collections.AddOrUpdate((depth, Reasons.GetValueOrDefault(reason, reason), Kinds.GetValueOrDefault(kind, kind)), 1, (_, count) => count + 1);
        }
    }

    /// <summary>The profile as text: the largest allocators first, then the collections.</summary>
    public string Render(int top = 25)
    {
        var text = new StringBuilder();
        long total = _allocated.Values.Sum();
        string byHeap = string.Join(", ", _allocated.GroupBy(entry => entry.Key.Heap).Select(heap => string.Create(CultureInfo.InvariantCulture, $"{heap.Key} {heap.Sum(entry => entry.Value) / 1048576.0:0.0} MiB")));
        text.AppendLine(CultureInfo.InvariantCulture, $"allocated (sampled by GCAllocationTick): {total / 1048576.0:0.0} MiB; by heap: {byHeap}");
        foreach (KeyValuePair<(string Type, string Heap), long> entry in _allocated.OrderByDescending(entry => entry.Value).Take(top))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {entry.Value / 1048576.0,8:0.0} MiB  {entry.Key.Heap}  {entry.Key.Type}");
        }

        string jitted = string.Join(", ", _jitted.OrderByDescending(entry => entry.Value).Take(top).Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Key} {entry.Value}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"methods compiled: {_jitted.Values.Sum()}; by type, most first: {jitted}");
        text.AppendLine("collections (generation, reason, kind: count): " +
            string.Join("; ", _collections.OrderBy(entry => entry.Key.Generation).Select(entry => $"gen{entry.Key.Generation} {entry.Key.Reason} {entry.Key.Kind}: {entry.Value}")));
        return text.ToString();
    }

    private static object? Field(EventWrittenEventArgs eventData, string name)
    {
        int index = eventData.PayloadNames!.IndexOf(name);
        return index >= 0 ? eventData.Payload![index] : null;
    }

    // The runtime's GC_REASON and GC_TYPE values, as the event carries them (numbers).
    private static readonly Dictionary<string, string> Reasons = new()
    {
        ["0"] = "small-alloc", ["1"] = "induced", ["2"] = "low-memory", ["3"] = "empty", ["4"] = "large-alloc", ["5"] = "oos-soh", ["6"] = "oos-loh",
        ["7"] = "induced-noforce", ["8"] = "internal-tuning", ["9"] = "induced-lowmem", ["10"] = "induced-compacting", ["11"] = "lowmem-host",
        ["12"] = "pm-full", ["13"] = "lowmem-host-blocking",
    };

    private static readonly Dictionary<string, string> Kinds = new() { ["0"] = "blocking", ["1"] = "background", ["2"] = "foreground" };

    /// <summary>
    /// Whether <c>--diagnose</c> asked for <paramref name="what"/>: <c>map</c> (resident bytes by mapping at the
    /// peak), <c>alloc</c> (this profile; the runtime's event session adds buffers of its own to the peak) or
    /// <c>counts</c> (allocated bytes and collections only, which perturb nothing). The probe's environment, set by
    /// the comparison.
    /// </summary>
    public static bool Requested(string what)
        => (Environment.GetEnvironmentVariable("STREAMING_DIAGNOSE") ?? string.Empty).Split(',').Contains(what);

    /// <summary>Waits for the event thread to deliver what is still queued.</summary>
    public static void Drain() => Thread.Sleep(500);
}
