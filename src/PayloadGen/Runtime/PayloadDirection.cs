namespace PayloadGen;

/// <summary>Which way a payload travelled.</summary>
public enum PayloadDirection
{
    /// <summary>Read: a request hydrated by a handler, or a response read by a caller.</summary>
    Hydrated = 0,

    /// <summary>Written: a response dehydrated by a handler, or a request prepared by a caller.</summary>
    Dehydrated = 1,
}
