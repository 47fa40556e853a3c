using Microsoft.CodeAnalysis;
using PayloadGen.Generators.Diagnostics;

namespace PayloadGen.Generators.Deployment;

/// <summary>A function declared in a deployment file: its handler string, where that string is, and its event source.</summary>
internal sealed class DeployedFunction
{
    public DeployedFunction(HandlerString handler, Location location, InvocationPath? path)
    {
        Handler = handler;
        Location = location;
        Path = path;
    }

    public HandlerString Handler { get; }

    /// <summary>The handler string's text in the deployment file.</summary>
    public Location Location { get; }

    /// <summary>The invocation path the template's <c>Events</c> imply; null when the file does not say.</summary>
    public InvocationPath? Path { get; }
}
