using System;
using System.Globalization;
using System.Text;

namespace PayloadGen.Tests.Http;

/// <summary>Response bodies of an exact size, the same every time for a size.</summary>
public static class HttpBodies
{
    /// <summary>Bytes that are not valid UTF-8 text (so nothing may treat them as a string).</summary>
    public static byte[] Binary(int bytes)
    {
        var data = new byte[bytes];
        new Random(bytes).NextBytes(data);
        return data;
    }

    /// <summary>A CSV export of exactly <paramref name="bytes"/> bytes, with quotes, commas and non-ASCII text that JSON escapes.</summary>
    public static string Csv(int bytes)
    {
        var csv = new StringBuilder(bytes + 128);
        csv.Append("id,customer,amount,note\n");
        for (int row = 0; csv.Length < bytes; row++)
        {
            csv.Append(row.ToString(CultureInfo.InvariantCulture)).Append(",\"Müller, Jörg\",")
                .Append((row * 7 % 10_000).ToString(CultureInfo.InvariantCulture)).Append(".50,\"said \"\"hi\"\" <b>\"\n");
        }

        return Fit(csv.ToString(), bytes);
    }

    /// <summary>A JSON document of exactly <paramref name="bytes"/> bytes.</summary>
    public static string Json(int bytes)
    {
        var json = new StringBuilder(bytes + 128);
        json.Append("{\"items\":[");
        for (int item = 0; json.Length < bytes; item++)
        {
            json.Append(item == 0 ? string.Empty : ",").Append("{\"id\":").Append(item.ToString(CultureInfo.InvariantCulture)).Append(",\"name\":\"item ").Append(item.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        }

        json.Append("],\"pad\":\"");
        string head = json.ToString();
        // Pad so the whole document is exactly the size asked for (the head may already be a little over for tiny sizes).
        int padding = Math.Max(0, bytes - Encoding.UTF8.GetByteCount(head) - 2);
        return head + new string('x', padding) + "\"}";
    }

    // Cuts an ASCII-ended text to an exact UTF-8 byte count by trimming or padding its last line.
    private static string Fit(string text, int bytes)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length >= bytes)
        {
            int cut = bytes;
            // Never cut inside a multi-byte character.
            while (cut > 0 && (utf8[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            return Encoding.UTF8.GetString(utf8, 0, cut) + new string('#', bytes - cut);
        }

        return text + new string('#', bytes - utf8.Length);
    }
}
