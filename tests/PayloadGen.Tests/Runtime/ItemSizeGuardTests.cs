using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Runtime;

/// <summary>The per-item count behind <see cref="ClaimCheckOptions.MaxItemBytes"/>, at its exact boundary.</summary>
public sealed class ItemSizeGuardTests
{
    [Fact]
    public async Task Reading_exactly_the_cap_for_one_item_passes_and_one_byte_more_fails_with_the_count()
    {
        var guard = new ItemSizeGuard(new MemoryStream(new byte[11]), maxItemBytes: 10, read => new InvalidDataException($"read {read}"));
        byte[] buffer = new byte[6];

        Assert.Equal(6, await guard.ReadAsync(buffer));
        Assert.Equal(4, await guard.ReadAsync(buffer.AsMemory(0, 4)));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => guard.ReadAsync(buffer).AsTask());

        Assert.Equal("read 11", error.Message);
    }

    [Fact]
    public async Task Each_item_starts_a_new_count()
    {
        var guard = new ItemSizeGuard(new MemoryStream(new byte[30]), maxItemBytes: 10, read => new InvalidDataException($"read {read}"));
        byte[] buffer = new byte[10];

        for (int item = 0; item < 3; item++)
        {
            Assert.Equal(10, await guard.ReadAsync(buffer));
            guard.NextItem();
        }

        Assert.Equal(0, await guard.ReadAsync(buffer));
    }

    [Fact]
    public void It_is_a_forward_only_read_only_stream()
    {
        using var guard = new ItemSizeGuard(new MemoryStream(new byte[3]), maxItemBytes: 10, read => new InvalidDataException());

        Assert.True(guard.CanRead);
        Assert.False(guard.CanSeek);
        Assert.False(guard.CanWrite);
        Assert.Equal(3, guard.Read(new byte[5], 0, 5));
    }
}
