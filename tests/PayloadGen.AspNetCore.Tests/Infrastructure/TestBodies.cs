using System;
using System.Text;

namespace PayloadGen.AspNetCore.Tests.Infrastructure;

/// <summary>Deterministic response bodies of a given size.</summary>
internal static class TestBodies
{
    /// <summary>CSV rows (ASCII, with commas, quotes and newlines) until exactly <paramref name="bytes"/> bytes.</summary>
    public static byte[] Csv(int bytes)
    {
        var text = new StringBuilder(bytes + 64);
        text.Append("id,name,amount,note\n");
        for (int row = 0; text.Length < bytes; row++)
        {
            text.Append(row).Append(",customer-").Append(row % 977).Append(',').Append(row * 37 % 100_000).Append(".25,\"ok\"\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, bytes));
    }

    /// <summary>A JSON array of small objects, just under <paramref name="bytes"/> bytes.</summary>
    public static byte[] Json(int bytes)
    {
        var text = new StringBuilder(bytes);
        text.Append('[');
        for (int i = 0; text.Length < bytes - 40; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(i).Append(",\"name\":\"item ").Append(i).Append("\"}");
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    /// <summary>Pseudo-random bytes, the same for the same seed.</summary>
    public static byte[] Binary(int bytes, int seed = 7)
    {
        byte[] data = new byte[bytes];
        new Random(seed).NextBytes(data);
        return data;
    }
}
