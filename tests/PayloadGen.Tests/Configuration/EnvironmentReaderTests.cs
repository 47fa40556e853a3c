using System;
using System.Collections.Generic;
using Xunit;

namespace PayloadGen.Tests.Configuration;

/// <summary>The typed reads every option goes through: unset is null, a bad value names its variable.</summary>
public sealed class EnvironmentReaderTests
{
    private static readonly Dictionary<string, PointerFormat> s_formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["payloadgen"] = PointerFormat.PayloadGen,
        ["extended-client"] = PointerFormat.ExtendedClient,
    };

    [Fact]
    public void Unset_and_blank_values_are_null_for_every_type()
    {
        var reader = Reader(new() { ["BLANK"] = "  " });

        Assert.Null(reader.Text("UNSET"));
        Assert.Null(reader.Text("BLANK"));
        Assert.Equal("  ", reader.Raw("BLANK"));
        Assert.Null(reader.Boolean("BLANK"));
        Assert.Null(reader.PositiveInt64("BLANK", "bytes"));
        Assert.Null(reader.Int32("BLANK", "seconds", 1, 10));
        Assert.Null(reader.Choice("BLANK", s_formats));
        Assert.Empty(reader.List("UNSET"));
    }

    [Fact]
    public void Choices_are_read_ignoring_case_and_anything_else_is_refused_with_the_choices()
    {
        Assert.Equal(PointerFormat.ExtendedClient, Reader(new() { ["FORMAT"] = " Extended-Client " }).Choice("FORMAT", s_formats));

        var error = Assert.Throws<ClaimCheckConfigurationException>(() => Reader(new() { ["FORMAT"] = "xml" }).Choice("FORMAT", s_formats));

        Assert.Equal("FORMAT must be one of payloadgen, extended-client, not 'xml'.", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("+5")]
    [InlineData("5s")]
    public void Whole_numbers_outside_their_range_are_refused_naming_the_variable(string value)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => Reader(new() { ["SECONDS"] = value }).Int32("SECONDS", "seconds", 1, 10));

        Assert.StartsWith("SECONDS must be a whole number of seconds from 1 to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_is_quoted_escaped_so_it_cannot_forge_a_log_line()
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => Reader(new() { ["FLAG"] = "yes\n[ERROR] forged" }).Boolean("FLAG"));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("FLAG must be true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_variable_is_looked_up_once_however_often_it_is_read()
    {
        int lookups = 0;
        var reader = new EnvironmentReader(_ =>
        {
            lookups++;
            return "true";
        });

        reader.Boolean("FLAG");
        reader.Text("FLAG");
        reader.Raw("FLAG");

        Assert.Equal(1, lookups);
    }

    private static EnvironmentReader Reader(Dictionary<string, string> environment) => new(name => environment.GetValueOrDefault(name));
}
