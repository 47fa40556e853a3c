using System;
using System.Buffers;
using System.Security.Cryptography;
using Xunit;

namespace PayloadGen.Tests.Integrity;

/// <summary>
/// The digest pointers carry: the FIPS 180-2 test vector through every way PayloadGen computes it (one span, a
/// sequence of segments, an incremental hash), always lower-case hex, and the base64 form S3 checks on upload.
/// </summary>
public sealed class Sha256HexTests
{
    private const string Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void A_span_hashes_to_the_standard_lower_case_digest()
        => Assert.Equal(Abc, Sha256Hex.Of("abc"u8));

    [Fact]
    public void A_sequence_of_several_segments_hashes_every_segment_in_order()
    {
        ReadOnlySequence<byte> abc = Segments("a"u8.ToArray(), [], "bc"u8.ToArray());
        ReadOnlySequence<byte> cba = Segments("c"u8.ToArray(), "ba"u8.ToArray());

        Assert.False(abc.IsSingleSegment);
        Assert.Equal(Abc, Sha256Hex.Of(abc));
        Assert.NotEqual(Abc, Sha256Hex.Of(cba));
    }

    [Fact]
    public void An_incremental_hash_is_formatted_in_lower_case_and_reset()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData("ab"u8);
        hash.AppendData("c"u8);

        Assert.Equal(Abc, Sha256Hex.Format(hash));
        Assert.Equal(Sha256Hex.Of(ReadOnlySpan<byte>.Empty), Sha256Hex.Format(hash));
    }

    [Fact]
    public void The_base64_form_is_the_digest_bytes_S3_checks()
        => Assert.Equal("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", Sha256Hex.ToBase64(Abc));

    [Theory]
    [InlineData(Abc, true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", true)]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", false)]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0", false)]
    [InlineData("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", false)]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a ", false)]
    [InlineData("", false)]
    public void Only_64_hexadecimal_digits_are_a_valid_digest(string value, bool valid)
        => Assert.Equal(valid, Sha256Hex.IsValid(value));

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        Segment last = first;
        for (int i = 1; i < parts.Length; i++)
        {
            last = last.Append(parts[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
