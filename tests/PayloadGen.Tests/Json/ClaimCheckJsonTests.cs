using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace PayloadGen.Tests.Json;

/// <summary>The JSON metadata generated wrappers ask <see cref="ClaimCheckJson"/> for.</summary>
public sealed class ClaimCheckJsonTests
{
    private sealed class Ticket
    {
        public string Title { get; set; } = "";
        public DayOfWeek Day { get; set; }
    }

    [Fact]
    public void Options_written_without_a_resolver_get_reflection_metadata_as_JsonSerializer_gives_them()
    {
        // The shape README and PG0008 show for a class's ClaimCheckJsonOptions.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

        JsonTypeInfo<Ticket> metadata = ClaimCheckJson.GetTypeInfo<Ticket>(options);

        Assert.Equal("""{"title":"t","day":"Friday"}""", JsonSerializer.Serialize(new Ticket { Title = "t", Day = DayOfWeek.Friday }, metadata));
        Assert.True(options.IsReadOnly);
    }

    [Fact]
    public void Options_with_their_own_resolver_are_used_as_they_are()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower };

        JsonTypeInfo<Ticket> metadata = ClaimCheckJson.GetTypeInfo<Ticket>(options);

        Assert.Equal("""{"title":"t","day":0}""", JsonSerializer.Serialize(new Ticket { Title = "t" }, metadata));
        Assert.Same(options, metadata.Options);
    }
}
