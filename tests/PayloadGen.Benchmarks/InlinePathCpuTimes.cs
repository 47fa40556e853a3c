using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Threading.Tasks;

namespace PayloadGen.Benchmarks;

/// <summary>
/// <see cref="InlinePathBenchmarks"/> measured in CPU time (the process's), every case in every round, alternating order, so that
/// a shared machine's load falls on all of them alike; with <c>--before</c>, the same benchmarks of another build of
/// PayloadGen (loaded side by side) run in the same rounds. Reports per case the median CPU time per operation and the
/// median over rounds of its ratio to the category's baseline.
/// </summary>
internal static partial class InlinePathCpuTimes
{
    // CLOCK_PROCESS_CPUTIME_ID (Linux): every thread's, since an asynchronous serialization may continue on another.
    private const int ProcessCpuClock = 2;

    /// <summary>Each round runs a case for about this much work (1 KB: a few thousand operations).</summary>
    private const long BytesPerRound = 20_000_000;

    public static void Print(string? beforeDirectory, int rounds)
    {
        var builds = new List<(string Label, Assembly Benchmarks)> { ("", typeof(InlinePathBenchmarks).Assembly) };
        if (beforeDirectory is not null)
        {
            builds.Add(("before: ", new SideBySideContext(Path.GetFullPath(beforeDirectory)).LoadFromAssemblyName(new AssemblyName("PayloadGen.Benchmarks"))));
        }

        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (int bytes in new[] { 1_024, 100_000, 1_000_000 })
        {
            var cases = new List<Case>();
            foreach ((string label, Assembly assembly) in builds)
            {
                Type type = assembly.GetType(typeof(InlinePathBenchmarks).FullName!, throwOnError: true)!;
                object benchmarks = Activator.CreateInstance(type)!;
                type.GetProperty(nameof(InlinePathBenchmarks.Bytes))!.SetValue(benchmarks, bytes);
                type.GetMethod(nameof(InlinePathBenchmarks.Setup))!.Invoke(benchmarks, null);
                foreach (MethodInfo method in type.GetMethods())
                {
                    // Matched by name: the other build's attributes come from its own copy of BenchmarkDotNet.
                    if (AttributeNamed(method, "BenchmarkAttribute") is not { } benchmark)
                    {
                        continue;
                    }

                    bool baseline = Property<bool>(benchmark, "Baseline");
                    string category = Property<string[]>(AttributeNamed(method, "BenchmarkCategoryAttribute")!, "Categories")[0];
                    // The other build's baselines are the same code as this one's: measured once.
                    if (label.Length == 0 || (!baseline && method.Name is nameof(InlinePathBenchmarks.Hydrate) or nameof(InlinePathBenchmarks.Dehydrate) or nameof(InlinePathBenchmarks.DehydrateSequence) or nameof(InlinePathBenchmarks.GeneratedHandler)))
                    {
                        cases.Add(new Case(category, label + method.Name, baseline && label.Length == 0, Invoker(method, benchmarks)));
                    }
                }
            }

            Measure(cases, bytes, rounds);
        }

        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Measure(List<Case> cases, int bytes, int rounds)
    {
        int operations = (int)Math.Max(20, BytesPerRound / bytes / 4);
        foreach (Case @case in cases)
        {
            // Warm-up: tiered compilation reaches its final code.
            for (int i = 0; i < operations * 3; i++)
            {
                @case.Run();
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            IEnumerable<Case> order = round % 2 == 0 ? cases : Enumerable.Reverse(cases);
            foreach (Case @case in order)
            {
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                long started = ProcessCpuNanoseconds();
                for (int i = 0; i < operations; i++)
                {
                    @case.Run();
                }

                @case.Nanoseconds.Add((ProcessCpuNanoseconds() - started) / (double)operations);
                @case.Allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / operations;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| {bytes:N0} bytes | category | CPU time per operation (median) | ratio to baseline (median of {rounds} rounds) | allocated |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (Case @case in cases)
        {
            Case baseline = cases.Single(c => c.Category == @case.Category && c.IsBaseline);
            double ratio = Median(@case.Nanoseconds.Select((ns, round) => ns / baseline.Nanoseconds[round]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {@case.Name} | {@case.Category} | {Median(@case.Nanoseconds) / 1000:N2} µs | {ratio:F3} | {@case.Allocated:N0} B |"));
        }
    }

    private static Attribute? AttributeNamed(MethodInfo method, string name)
        => method.GetCustomAttributes().SingleOrDefault(a => a.GetType().Name == name);

    private static T Property<T>(object attribute, string name) => (T)attribute.GetType().GetProperty(name)!.GetValue(attribute)!;

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A delegate of the method's own type, so that no reflection or boxing is measured with it.</summary>
    private static Action Invoker(MethodInfo method, object target)
    {
        if (method.ReturnType == typeof(Task<int>))
        {
            var call = method.CreateDelegate<Func<Task<int>>>(target);
            return () => call().GetAwaiter().GetResult();
        }

        if (method.ReturnType == typeof(Task<long>))
        {
            var call = method.CreateDelegate<Func<Task<long>>>(target);
            return () => call().GetAwaiter().GetResult();
        }

        var value = method.CreateDelegate<Func<int>>(target);
        return () => value();
    }

    private static long ProcessCpuNanoseconds()
    {
        if (ClockGetTime(ProcessCpuClock, out TimeSpec time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");
        }

        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private sealed class Case(string category, string name, bool isBaseline, Action run)
    {
        public string Category { get; } = category;

        public string Name { get; } = name;

        public bool IsBaseline { get; } = isBaseline;

        public Action Run { get; } = run;

        public List<double> Nanoseconds { get; } = [];

        public long Allocated { get; set; }
    }

    /// <summary>Another build of the benchmarks and of PayloadGen, beside this one: its own copies of every assembly in its folder.</summary>
    private sealed class SideBySideContext(string directory) : AssemblyLoadContext("before")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
