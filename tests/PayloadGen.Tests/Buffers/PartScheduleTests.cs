using System;
using Xunit;

namespace PayloadGen.Tests.Buffers;

/// <summary>
/// The sizes of a streamed upload's parts: small while a payload is of ordinary size, growing so that S3's 10,000
/// parts still hold terabytes; and the memory they live in.
/// </summary>
public sealed class PartScheduleTests
{
    private const long FiveMiB = 5L * 1024 * 1024;

    [Theory]
    [InlineData(1, FiveMiB)]
    [InlineData(1_000, FiveMiB)]
    [InlineData(1_001, 2 * FiveMiB)]
    [InlineData(2_001, 4 * FiveMiB)]
    [InlineData(9_000, 256 * FiveMiB)]
    [InlineData(9_001, PartSchedule.MaxPartBytes)] // 512 × 5 MiB would be more than one span of memory
    [InlineData(10_000, PartSchedule.MaxPartBytes)]
    public void Part_size_doubles_every_thousand_parts(int partNumber, long expected)
        => Assert.Equal(expected, PartSchedule.SizeOf(partNumber, FiveMiB));

    [Fact]
    public void Ten_thousand_parts_from_S3s_minimum_hold_more_than_four_tebibytes()
    {
        long capacity = PartSchedule.CapacityOf(S3MultipartUpload.MaxParts, FiveMiB);

        Assert.Equal((1_000 * FiveMiB * (1 + 2 + 4 + 8 + 16 + 32 + 64 + 128 + 256)) + (1_000L * PartSchedule.MaxPartBytes), capacity);
        Assert.True(capacity > 4L * 1024 * 1024 * 1024 * 1024, $"{capacity:N0} bytes");
    }

    [Fact]
    public void No_part_is_larger_than_one_span_of_memory()
    {
        Assert.Equal(PartSchedule.MaxPartBytes, PartSchedule.SizeOf(10_000, 1024L * 1024 * 1024));
        Assert.Equal(PartSchedule.MaxPartBytes, PartSchedule.SizeOf(int.MaxValue, PartSchedule.MaxPartBytes));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartSchedule.SizeOf(1, PartSchedule.MaxPartBytes + 1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartSchedule.SizeOf(0, FiveMiB));
    }

    [Fact]
    public void Part_buffers_on_Linux_are_mapped_pages_that_go_back_to_the_system()
    {
        Assert.Equal(OperatingSystem.IsLinux(), PageMemory.MapsPages);
        using var part = new PartBuffer(256 * 1024);
        byte[] data = new byte[300 * 1024];
        new Random(3).NextBytes(data);

        Assert.Equal(part.Capacity, part.Append(data));
        Assert.True(part.IsFull);
        Assert.Equal(data.AsSpan(0, part.Capacity).ToArray(), part.WrittenMemory.ToArray());
    }
}
