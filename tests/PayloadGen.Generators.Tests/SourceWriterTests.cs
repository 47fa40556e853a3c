using System;
using PayloadGen.Generators.Emit;
using Xunit;

namespace PayloadGen.Generators.Tests;

public sealed class SourceWriterTests
{
    [Fact]
    public void Indents_blocks_and_every_line_of_multi_line_text()
    {
        var writer = new SourceWriter();
        writer.WriteLine("namespace Demo");
        writer.OpenBlock();
        writer.WriteLine("// one\r\n// two");
        writer.WriteLine();
        writer.WriteLine("class C { }");
        writer.CloseBlock();

        Assert.Equal("namespace Demo\n{\n    // one\n    // two\n\n    class C { }\n}\n", writer.ToString());
        Assert.Equal(writer.ToString(), writer.ToSourceText().ToString());
    }

    [Theory]
    [InlineData("", "\n")]
    [InlineData("a\n", "    a\n\n")]
    [InlineData("a\r\r\nb", "    a\n    b\n")]
    [InlineData("\r\n\r\n", "\n\n\n")]
    [InlineData("a\n\nb", "    a\n\n    b\n")]
    public void Writes_each_line_indented_without_carriage_returns_and_empty_lines_without_indentation(string text, string expected)
    {
        var writer = new SourceWriter { Indentation = 1 };

        writer.WriteLine(text);

        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void Refuses_negative_indentation()
    {
        var writer = new SourceWriter();

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.CloseBlock());
    }
}
