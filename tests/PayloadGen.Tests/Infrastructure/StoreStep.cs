namespace PayloadGen.Tests.Infrastructure;

/// <summary>A call of <see cref="ScriptedPartStore"/> other than a part's upload.</summary>
public enum StoreStep
{
    Start,
    Write,
    Complete,
    Abort,
}
