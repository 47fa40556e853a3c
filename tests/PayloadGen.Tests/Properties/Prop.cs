using System;
using System.Threading.Tasks;
using CsCheck;

namespace PayloadGen.Tests.Properties;

/// <summary>
/// Runs a property over a fixed number of values drawn from a fixed seed, so every run checks exactly the same
/// cases (no shrinking: the failing value and its index are printed instead).
/// </summary>
internal static class Prop
{
    public static void Check<T>(Gen<T> gen, Action<T> property, ulong seed, int iterations, Func<T, string>? print = null)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < iterations; i++)
        {
            T value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Property failed at iteration {i} (seed {seed}) for {Describe(value, print)}:{Environment.NewLine}{ex}");
            }
        }
    }

    public static async Task CheckAsync<T>(Gen<T> gen, Func<T, Task> property, ulong seed, int iterations, Func<T, string>? print = null)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < iterations; i++)
        {
            T value = gen.Generate(pcg, null, out _);
            try
            {
                await property(value);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Property failed at iteration {i} (seed {seed}) for {Describe(value, print)}:{Environment.NewLine}{ex}");
            }
        }
    }

    private static string Describe<T>(T value, Func<T, string>? print)
    {
        string text = print is not null ? print(value) : value?.ToString() ?? "null";
        return text.Length > 2000 ? string.Concat(text.AsSpan(0, 2000), "…") : text;
    }
}
