using System;
using Xunit;

namespace PayloadGen.Tests.Runtime;

public sealed class LambdaDeadlineTests
{
    [Fact]
    public void Fires_immediately_when_less_time_remains_than_the_margin()
    {
        using LambdaDeadline deadline = LambdaDeadline.Start(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));

        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Fires_the_margin_before_the_deadline()
    {
        using LambdaDeadline deadline = LambdaDeadline.Start(TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(500));

        Assert.False(deadline.Token.IsCancellationRequested);
        Assert.True(deadline.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Unknown_remaining_time_never_fires()
    {
        using LambdaDeadline deadline = LambdaDeadline.Start(TimeSpan.Zero, TimeSpan.FromMilliseconds(500));

        Assert.False(deadline.Token.CanBeCanceled);
    }
}
