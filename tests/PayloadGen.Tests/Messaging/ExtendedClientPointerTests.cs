using System.Text;
using Xunit;

namespace PayloadGen.Tests.Messaging;

/// <summary>Pointers as the Java and Python extended clients write them are read as pointers, by parsing, not by string comparison.</summary>
public sealed class ExtendedClientPointerTests
{
    [Fact]
    public void Python_pointer_with_spaces_is_read()
    {
        byte[] body = Encoding.UTF8.GetBytes("[\"software.amazon.payloadoffloading.PayloadS3Pointer\", {\"s3BucketName\": \"orders-payloads\", \"s3Key\": \"7c1e2d3f-4a5b\"}]");

        Assert.True(PayloadPointerReader.TryRead(body, allowBareShape: false, out PayloadPointer? pointer));

        Assert.Equal(new PayloadPointer("orders-payloads", "7c1e2d3f-4a5b") { Format = PointerFormat.ExtendedClient }, pointer);
    }

    [Fact]
    public void Legacy_Java_class_name_is_read()
    {
        byte[] body = Encoding.UTF8.GetBytes("[\"com.amazon.sqs.javamessaging.MessageS3Pointer\",{\"s3BucketName\":\"old-bucket\",\"s3Key\":\"k-1\"}]");

        Assert.True(PayloadPointerReader.TryRead(body, allowBareShape: false, out PayloadPointer? pointer));

        Assert.Equal(("old-bucket", "k-1", PointerFormat.ExtendedClient), (pointer!.Bucket, pointer.Key, pointer.Format));
    }

    [Fact]
    public void Pointer_the_sender_writes_reads_back_to_the_same_object()
    {
        var written = new PayloadPointer("payloads", "payloadgen/2026/11/27/abc.json") { Size = 10, Sha256 = new string('a', 64) };

        Assert.True(PayloadPointerReader.TryRead(PayloadPointerWriter.ToUtf8(written, PointerFormat.ExtendedClient), allowBareShape: false, out PayloadPointer? read));

        Assert.Equal((written.Bucket, written.Key), (read!.Bucket, read.Key));
    }

    [Fact]
    public void Array_body_with_another_first_element_is_data_not_a_pointer()
    {
        Assert.False(PayloadPointerReader.TryRead("[\"software.amazon.Other\",{\"s3BucketName\":\"b\",\"s3Key\":\"k\"}]"u8, allowBareShape: false, out _));
    }
}
