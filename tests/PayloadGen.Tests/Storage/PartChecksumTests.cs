using System;
using System.Buffers;
using System.Text;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// The CRC-32 each part carries to S3 is computed by PayloadGen instead of the S3 client, so it must be the value the
/// client would have sent: the standard check value, and the client's own result for split and unsplit content.
/// </summary>
public sealed class PartChecksumTests
{
    [Fact]
    public void It_is_the_IEEE_CRC32_in_big_endian_base64()
    {
        // 0xCBF43926 is CRC-32's published check value for "123456789".
        Assert.Equal(Convert.ToBase64String([0xCB, 0xF4, 0x39, 0x26]), PartChecksum.Crc32Base64(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("123456789"))));
        Assert.Equal("AAAAAA==", PartChecksum.Crc32Base64(ReadOnlySequence<byte>.Empty));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(65_537, 1)]
    [InlineData(5 * 1024 * 1024 + 3, 7)]
    public void It_equals_the_S3_clients_own_over_any_segmentation(int length, int segments)
    {
        byte[] content = new byte[length];
        new Random(length).NextBytes(content);
        var blocks = new ReadOnlyMemory<byte>[segments];
        int size = (length + segments - 1) / segments;
        for (int i = 0; i < segments; i++)
        {
            int start = Math.Min(i * size, length);
            blocks[i] = content.AsMemory(start, Math.Min(size, length - start));
        }

        using var client = new Amazon.Runtime.Internal.Util.Crc32Managed();
        Assert.Equal(Convert.ToBase64String(client.ComputeHash(content)), PartChecksum.Crc32Base64(SequenceSegment.Join(blocks)));
    }
}
