namespace PayloadGen;

/// <summary>What hydration produced: the value, and the pointer it followed (<see langword="null"/> when inline).</summary>
internal readonly record struct HydratedPayload<T>(T? Value, PayloadPointer? Pointer);
