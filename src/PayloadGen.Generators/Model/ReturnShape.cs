namespace PayloadGen.Generators.Model;

/// <summary>How the user's method returns (or does not return) its response.</summary>
internal enum ReturnShape
{
    /// <summary><c>T</c>, returned synchronously.</summary>
    Value,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfValue,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfValue,

    /// <summary><c>Task</c>: no response.</summary>
    Task,

    /// <summary><c>ValueTask</c>: no response.</summary>
    ValueTask,

    /// <summary><c>void</c>: no response.</summary>
    Void,
}
