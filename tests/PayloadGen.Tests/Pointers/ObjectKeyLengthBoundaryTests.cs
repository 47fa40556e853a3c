using System;
using System.Text;
using System.Threading.Tasks;
using PayloadGen.Tests.Adversarial;
using Xunit;

namespace PayloadGen.Tests.Pointers;

/// <summary>
/// The key-length check at its edges, end to end: a key of exactly 1,024 UTF-8 bytes is followed, one byte more is
/// refused before the store, and an empty key never reaches the rest of the checks (which index its first char).
/// </summary>
public sealed class ObjectKeyLengthBoundaryTests : IDisposable
{
    private static readonly byte[] Payload = "\"at the limit\""u8.ToArray();

    private readonly AttackerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void An_empty_key_is_refused_with_the_length_rule()
    {
        string? problem = ObjectKeys.Problem(string.Empty);

        Assert.Equal($"keys must be 1 to {ObjectKeys.MaxKeyBytes} bytes of UTF-8 long.", problem);
    }

    [Fact]
    public void A_key_of_1025_characters_is_refused_by_its_length_before_it_is_encoded()
    {
        // A lone surrogate in a key that is too long anyway: the length rule answers first, from the char count.
        string key = new string('a', 1024) + "\ud800";

        Assert.Equal($"keys must be 1 to {ObjectKeys.MaxKeyBytes} bytes of UTF-8 long.", ObjectKeys.Problem(key));
    }

    [Fact]
    public async Task A_pointer_whose_key_is_exactly_1024_UTF8_bytes_is_followed()
    {
        string key = KeyOfBytes(ObjectKeys.MaxKeyBytes);
        _h.Plant(key, Payload);

        string? value = await _h.HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, Payload.Length, Sha256Hex.Of(Payload)));

        Assert.Equal("at the limit", value);
        Assert.Equal(1, _h.Store.Opens);
    }

    [Fact]
    public async Task A_pointer_whose_key_is_1025_UTF8_bytes_is_refused_before_the_store()
    {
        string key = KeyOfBytes(ObjectKeys.MaxKeyBytes + 1);

        var error = await Assert.ThrowsAsync<PayloadKeyNotAllowedException>(
            () => _h.HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, Payload.Length, Sha256Hex.Of(Payload))).AsTask());

        Assert.Contains("not 1025", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    /// <summary>A key under the default prefix of exactly <paramref name="bytes"/> UTF-8 bytes in fewer than 1,024 chars.</summary>
    private static string KeyOfBytes(int bytes)
    {
        // Folders of 'é' (two bytes each) keep every path segment under the file system's 255-byte name limit.
        var key = new StringBuilder(AttackerHarness.Prefix);
        int count = Encoding.UTF8.GetByteCount(AttackerHarness.Prefix);
        while (count + 2 <= bytes)
        {
            // A '/' only ever comes right before an 'é', so the key never ends in a folder separator.
            if (key.Length % 100 == 0 && count + 3 <= bytes)
            {
                key.Append('/');
                count++;
            }

            key.Append('é');
            count += 2;
        }

        if (count < bytes)
        {
            key.Append('a');
        }

        string result = key.ToString();
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(result));
        Assert.True(result.Length < ObjectKeys.MaxKeyBytes);
        return result;
    }
}
