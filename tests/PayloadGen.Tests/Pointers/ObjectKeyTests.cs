using System;
using Xunit;

namespace PayloadGen.Tests.Pointers;

/// <summary>S3 caps keys at 1,024 bytes of UTF-8, not 1,024 characters.</summary>
public sealed class ObjectKeyTests
{
    [Fact]
    public void A_key_of_1024_ASCII_characters_is_accepted_and_one_more_is_refused()
    {
        Assert.Null(ObjectKeys.Problem(new string('a', 1024)));
        Assert.NotNull(ObjectKeys.Problem(new string('a', 1025)));
    }

    [Theory]
    [InlineData("é", 513)] // 2 bytes each: 1,026 bytes in 513 characters
    [InlineData("€", 342)] // 3 bytes each: 1,026 bytes
    [InlineData("😀", 257)] // a surrogate pair, 4 bytes: 1,028 bytes in 514 characters
    public void A_key_under_1024_characters_but_over_1024_bytes_is_refused(string character, int count)
    {
        string key = string.Concat(System.Linq.Enumerable.Repeat(character, count));
        Assert.True(key.Length <= 1024);

        string? problem = ObjectKeys.Problem(key);

        Assert.NotNull(problem);
        Assert.Contains("bytes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_exactly_1024_bytes_of_two_byte_characters_is_accepted()
        => Assert.Null(ObjectKeys.Problem(new string('é', 512)));

    [Fact]
    public void A_key_with_an_unpaired_surrogate_is_refused()
        => Assert.NotNull(ObjectKeys.Problem("payloadgen/\ud800.json"));

    [Fact]
    public void A_pointer_whose_key_is_over_1024_bytes_is_refused_before_any_store_call()
    {
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = "b" }, new FilePayloadStore(System.IO.Path.GetTempPath(), "b"));
        var pointer = new PayloadPointer("b", "payloadgen/" + new string('é', 600)) { Size = 2, Sha256 = new string('0', 64) };

        Assert.Throws<PayloadKeyNotAllowedException>(() => runtime.ReadAsync(pointer, Adversarial.AttackerHarness.StringType, System.Threading.CancellationToken.None).AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public void A_prefix_that_leaves_no_room_for_the_generated_key_is_refused_at_start_up()
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(
            () => ClaimCheckOptions.FromEnvironment(name => name == EnvironmentVariables.KeyPrefix ? new string('é', 500) : null));

        Assert.Contains("PAYLOADGEN_KEY_PREFIX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_keys_are_dated_folders_with_a_random_name_as_long_as_the_example()
    {
        string key = ObjectKeys.NewKey("p/", new DateTimeOffset(2026, 3, 7, 23, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Matches(@"^p/2026/03/08/[0-9a-f]{32}\.json$", key);
        Assert.Equal(("p/" + ObjectKeys.ExampleSuffix).Length, key.Length);
        Assert.NotEqual(key, ObjectKeys.NewKey("p/", DateTimeOffset.UtcNow));
    }
}
