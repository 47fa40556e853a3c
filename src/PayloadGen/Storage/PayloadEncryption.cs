namespace PayloadGen;

/// <summary>Server-side encryption of offloaded objects (<c>PAYLOADGEN_SSE</c>).</summary>
public enum PayloadEncryption
{
    /// <summary>No header is sent: the bucket's default encryption applies (since 2023 at least SSE-S3).</summary>
    BucketDefault = 0,

    /// <summary><c>AES256</c>: SSE-S3, keys managed by S3. Readers need nothing beyond <c>s3:GetObject</c>.</summary>
    S3Managed = 1,

    /// <summary>
    /// <c>aws:kms</c>: SSE-KMS, with <see cref="ClaimCheckOptions.KmsKeyId"/> or else the account's <c>aws/s3</c> key.
    /// Writers need <c>kms:GenerateDataKey</c> (and <c>kms:Decrypt</c> for multipart uploads), readers <c>kms:Decrypt</c>.
    /// </summary>
    Kms = 2,
}
