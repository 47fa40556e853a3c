namespace PayloadGen;

/// <summary>What one HTTP handler's <c>[ClaimCheck]</c> says about its large responses; zero values defer to the options.</summary>
/// <param name="InlineThresholdBytes">Largest response sent inline; zero takes the source's limit minus a margin. Never above the source's limit.</param>
/// <param name="Answer">How to answer when the body was stored; <see cref="HttpOffloadAnswer.Default"/> takes the options'.</param>
/// <param name="PresignSeconds">Lifetime of the presigned URL in seconds; zero takes the options' (15 minutes by default).</param>
public readonly record struct HttpHandlerSettings(long InlineThresholdBytes, HttpOffloadAnswer Answer, int PresignSeconds);
