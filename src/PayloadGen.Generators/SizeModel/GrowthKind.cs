namespace PayloadGen.Generators.SizeModel;

/// <summary>What makes a value large, ordered by how much it says about real payload size.</summary>
internal enum GrowthKind
{
    /// <summary>Fixed-size or bounded data.</summary>
    None = 0,

    /// <summary>A value whose JSON the model cannot know (object, JsonElement, a custom converter, an SDK type).</summary>
    Unknown = 1,

    /// <summary>A type that contains itself; its depth is data-dependent.</summary>
    Recursive = 2,

    /// <summary>A string with no declared bound: usually short names and ids.</summary>
    Text = 3,

    /// <summary>A collection or dictionary with no declared bound.</summary>
    Collection = 4,

    /// <summary>Binary data (byte[], Memory&lt;byte&gt;, Stream), base64-inflated by 4/3 in JSON.</summary>
    Binary = 5,
}
