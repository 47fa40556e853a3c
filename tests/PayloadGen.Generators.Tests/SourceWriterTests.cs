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

    [Fact]
    public void Refuses_negative_indentation()
    {
        var writer = new SourceWriter();

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.CloseBlock());
    }
}
