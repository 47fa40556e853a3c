using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.S3;
using Xunit;

namespace PayloadGen.Tests.Storage;

/// <summary>
/// Encryption, storage class and tags are read once from the environment and checked at start-up: a value S3 would
/// refuse at the first offload (or, worse, accept and make unreadable) is a configuration error naming the variable.
/// </summary>
public sealed class ObjectSettingsConfigurationTests
{
    [Fact]
    public void Every_storage_option_is_read_from_the_environment()
    {
        ClaimCheckOptions options = Read(new()
        {
            ["PAYLOADGEN_SSE"] = "AWS:KMS",
            ["PAYLOADGEN_KMS_KEY_ID"] = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
            ["PAYLOADGEN_S3_BUCKET_KEY"] = "false",
            ["PAYLOADGEN_STORAGE_CLASS"] = "glacier_ir",
            ["PAYLOADGEN_TAGS"] = "team=payments,data-class=internal, empty= ",
        });

        Assert.Equal(PayloadEncryption.Kms, options.ServerSideEncryption);
        Assert.False(options.S3BucketKeyEnabled);
        Assert.Equal([new("team", "payments"), new("data-class", "internal"), new("empty", string.Empty)], options.ObjectTags);
        S3ObjectSettings settings = options.ObjectSettings;
        Assert.Equal("GLACIER_IR", settings.StorageClass);
        Assert.Equal(options.KmsKeyId, settings.KmsKeyId);
        Assert.True(settings.TagObjects);
    }

    [Fact]
    public void Without_any_option_objects_carry_only_PayloadGens_tags()
    {
        S3ObjectSettings settings = Read([]).ObjectSettings;

        IReadOnlyDictionary<string, string> headers = settings.UploadHeaders(new PayloadDescription { Direction = OffloadDirection.Message });

        Assert.Equal("payloadgen=1&payloadgen-direction=message", Assert.Single(headers).Value);
    }

    [Theory]
    [InlineData("PAYLOADGEN_SSE", "aes", "PAYLOADGEN_SSE must be one of AES256, aws:kms")]
    [InlineData("PAYLOADGEN_SSE", "aws:kms:dsse", "PAYLOADGEN_SSE must be one of AES256, aws:kms")]
    [InlineData("PAYLOADGEN_KMS_KEY_ID", "1234abcd-12ab-34cd-56ef-1234567890ab", "PAYLOADGEN_KMS_KEY_ID (ClaimCheckOptions.KmsKeyId) is set, but the encryption is not aws:kms")]
    [InlineData("PAYLOADGEN_S3_BUCKET_KEY", "true", "PAYLOADGEN_S3_BUCKET_KEY applies only with PAYLOADGEN_SSE=aws:kms")]
    [InlineData("PAYLOADGEN_STORAGE_CLASS", "CHEAP", "PAYLOADGEN_STORAGE_CLASS (ClaimCheckOptions.StorageClass) must be one of ")]
    [InlineData("PAYLOADGEN_STORAGE_CLASS", "GLACIER", "PAYLOADGEN_STORAGE_CLASS (ClaimCheckOptions.StorageClass) 'GLACIER' objects must be restored before they can be read")]
    [InlineData("PAYLOADGEN_STORAGE_CLASS", "deep_archive", "must be restored before they can be read")]
    [InlineData("PAYLOADGEN_TAGS", "team", "PAYLOADGEN_TAGS must be key=value pairs separated by commas")]
    [InlineData("PAYLOADGEN_TAGS", "=x", "PAYLOADGEN_TAGS must be key=value pairs separated by commas")]
    [InlineData("PAYLOADGEN_TAGS", "a=1,b=2,c=3,d=4,e=5,f=6,g=7,h=8", "PAYLOADGEN_TAGS (ClaimCheckOptions.ObjectTags) holds 8 tags; S3 allows 10 per object and PayloadGen uses 3, so at most 7 are left.")]
    [InlineData("PAYLOADGEN_TAGS", "aws:team=x", "the aws: prefix is reserved for AWS")]
    [InlineData("PAYLOADGEN_TAGS", "payloadgen-direction=request", "keys starting with 'payloadgen' are PayloadGen's own")]
    [InlineData("PAYLOADGEN_TAGS", "team=a,team=b", "names tag 'team' twice")]
    [InlineData("PAYLOADGEN_TAGS", "team=a*b", "gives tag 'team' the value 'a*b'")]
    [InlineData("PAYLOADGEN_TAGS", "te#am=a", "has the tag key 'te#am'")]
    [InlineData("PAYLOADGEN_TAG_OBJECTS", "sometimes", "PAYLOADGEN_TAG_OBJECTS must be true or false")]
    public void An_unusable_value_is_refused_at_start_up_naming_the_variable(string variable, string value, string expected)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => Read(new() { [variable] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("alias/payloadgen")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:alias/payloadgen")]
    public void Every_form_of_KMS_key_reference_is_accepted(string keyId)
    {
        ClaimCheckOptions options = Read(new() { ["PAYLOADGEN_SSE"] = "aws:kms", ["PAYLOADGEN_KMS_KEY_ID"] = keyId });

        Assert.Equal(keyId, options.ObjectSettings.UploadHeaders(new PayloadDescription())[S3ObjectSettings.KmsKeyIdHeader]);
    }

    [Theory]
    [InlineData("key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("1234abcd")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/not-a-key")]
    [InlineData("alias/with space")]
    [InlineData("arn:aws:s3:::my-bucket")]
    public void A_KMS_key_reference_S3_would_refuse_is_refused_at_start_up(string keyId)
    {
        var error = Assert.Throws<ClaimCheckConfigurationException>(() => Read(new() { ["PAYLOADGEN_SSE"] = "aws:kms", ["PAYLOADGEN_KMS_KEY_ID"] = keyId }));

        Assert.StartsWith("PAYLOADGEN_KMS_KEY_ID (ClaimCheckOptions.KmsKeyId) must be a KMS key id, key ARN, alias name (alias/…) or alias ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_storage_class_the_SDK_knows_that_can_be_read_at_once_is_accepted()
    {
        string[] classes = typeof(S3StorageClass).GetFields().Select(field => ((S3StorageClass)field.GetValue(null)!).Value).ToArray();
        Assert.Contains("STANDARD_IA", classes);

        foreach (string storageClass in classes.Except(["GLACIER", "DEEP_ARCHIVE"]))
        {
            Assert.Equal(storageClass, Read(new() { ["PAYLOADGEN_STORAGE_CLASS"] = storageClass.ToLowerInvariant() }).ObjectSettings.StorageClass);
        }
    }

    [Fact]
    public void Options_set_in_code_are_checked_when_the_runtime_is_created_and_frozen_with_it()
    {
        var options = new ClaimCheckOptions { Store = "file:" + System.IO.Path.GetTempPath(), ServerSideEncryption = PayloadEncryption.S3Managed };
        options.ObjectTags.Add(new("aws:x", "y"));

        var error = Assert.Throws<ClaimCheckConfigurationException>(() => ClaimCheckRuntime.Create(options));
        Assert.StartsWith("PAYLOADGEN_TAGS (ClaimCheckOptions.ObjectTags) has the tag key 'aws:x'", error.Message, StringComparison.Ordinal);

        options.ObjectTags.Clear();
        ClaimCheckRuntime.Create(options);
        Assert.Throws<InvalidOperationException>(() => options.ObjectTags.Add(new("late", "tag")));
        Assert.Throws<InvalidOperationException>(() => options.StorageClass = "STANDARD_IA");
    }

    [Fact]
    public void A_store_built_by_hand_refuses_settings_S3_would_refuse()
    {
        using var s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("a", "b"), Amazon.RegionEndpoint.USEast1);

        var error = Assert.Throws<ArgumentException>(() => new S3PayloadStore(s3, new S3PayloadStoreOptions
        {
            Bucket = "b",
            Objects = new S3ObjectSettings { StorageClass = "DEEP_ARCHIVE" },
        }));

        Assert.StartsWith("S3ObjectSettings.StorageClass 'DEEP_ARCHIVE' objects must be restored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_built_by_hand_refuses_an_unknown_storage_class_or_encryption_naming_it()
    {
        using var s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("a", "b"), Amazon.RegionEndpoint.USEast1);

        var storageClass = Assert.Throws<ArgumentException>(() => new S3PayloadStore(s3, new S3PayloadStoreOptions
        {
            Bucket = "b",
            Objects = new S3ObjectSettings { StorageClass = "CHEAP" },
        }));
        var encryption = Assert.Throws<ArgumentException>(() => new S3PayloadStore(s3, new S3PayloadStoreOptions
        {
            Bucket = "b",
            Objects = new S3ObjectSettings { Encryption = (PayloadEncryption)7 },
        }));

        Assert.StartsWith("S3ObjectSettings.StorageClass must be one of ", storageClass.Message, StringComparison.Ordinal);
        Assert.Contains("STANDARD_IA", storageClass.Message, StringComparison.Ordinal);
        Assert.EndsWith("must be one of " + string.Join(", ", S3StorageClasses.Names) + ", not 'CHEAP'. (Parameter 'options')", storageClass.Message, StringComparison.Ordinal);
        Assert.StartsWith("S3ObjectSettings.Encryption is not a known encryption (7).", encryption.Message, StringComparison.Ordinal);
    }

    private static ClaimCheckOptions Read(Dictionary<string, string> variables)
        => ClaimCheckOptions.FromEnvironment(name => variables.GetValueOrDefault(name));
}
