using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel;

/// <summary>The one place evidence becomes text: members read right to left, calls left to right from the handler.</summary>
public class EvidenceRendererTests
{
    private static readonly Evidence Drained = new(EvidenceKind.DrainedPages, EvidencePath.Empty, "GetRemainingAsync", "scan");

    [Fact]
    public void Evidence_without_a_path_is_its_description()
    {
        Assert.Equal("GetRemainingAsync drains every page of the DynamoDB scan", EvidenceRenderer.Render(Drained, "GetProducts"));
    }

    [Fact]
    public void A_call_path_starts_at_the_origin_and_a_member_path_precedes_it()
    {
        Evidence inRepository = Drained.Under(EvidencePath.Empty.Call("ProductRepository.GetAll()"));
        Evidence inBody = inRepository.Under(EvidencePath.Empty.Member("APIGatewayProxyResponse", "Body"));

        Assert.Equal("GetProducts() \u2192 ProductRepository.GetAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan", EvidenceRenderer.Render(inRepository, "GetProducts"));
        Assert.Equal("APIGatewayProxyResponse.Body \u2190 GetProducts() \u2192 ProductRepository.GetAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan", EvidenceRenderer.Render(inBody, "GetProducts"));
    }

    [Fact]
    public void Nested_members_join_with_dots_and_members_inside_a_callee_follow_it()
    {
        EvidencePath path = EvidencePath.Empty.Member("Report", "Sections").Member("Report", "Rows").Call("Store.Load()").Member("Page", "Items");
        Evidence evidence = new(EvidenceKind.WholeFile, path, "File.ReadAllBytes");

        Assert.Equal("Report.Sections.Rows \u2190 Build() \u2192 Store.Load() \u2190 Page.Items \u2190 File.ReadAllBytes reads a whole file", EvidenceRenderer.Render(evidence, "Build"));
        Assert.Equal(1, path.CallDepth);
    }

    [Fact]
    public void A_path_through_a_service_and_a_repository_names_every_hop_in_order()
    {
        Evidence nested = Drained.Under(EvidencePath.Empty.Call("ProductService.List()").Call("ProductRepository.GetAll()"));

        Assert.Equal("GetProducts() \u2192 ProductService.List() \u2192 ProductRepository.GetAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan", EvidenceRenderer.Render(nested, "GetProducts"));
    }

    [Fact]
    public void A_call_after_a_member_continues_from_the_method_that_filled_the_member_instead_of_restarting_at_the_handler()
    {
        // Stock() returns ListAll(), whose proxy response's Body is the repository's scan.
        EvidencePath path = EvidencePath.Empty.Call("StockFunctions.ListAll()").Member("APIGatewayProxyResponse", "Body").Call("DynamoStockRepository.GetAllAsync()");

        Assert.Equal(
            "Stock() \u2192 StockFunctions.ListAll() \u2190 APIGatewayProxyResponse.Body \u2190 DynamoStockRepository.GetAllAsync() \u2190 GetRemainingAsync drains every page of the DynamoDB scan",
            EvidenceRenderer.Render(Drained.Under(path), "Stock"));
    }

    [Fact]
    public void A_loop_source_in_a_service_continues_from_the_service_not_from_the_handler()
    {
        Evidence source = Drained.Under(EvidencePath.Empty.Call("DynamoStockRepository.GetAllAsync()"));
        Evidence loop = new Evidence(EvidenceKind.LoopFill, EvidencePath.Empty, string.Empty, "csv", source)
            .Under(EvidencePath.Empty.Member("APIGatewayProxyResponse", "Body").Call("InventoryService.ExportCsvAsync()"));

        Assert.Equal(
            "APIGatewayProxyResponse.Body \u2190 ExportCsv() \u2192 InventoryService.ExportCsvAsync() \u2190 a loop fills 'csv' item by item (DynamoStockRepository.GetAllAsync() \u2190 GetRemainingAsync drains every page of the DynamoDB scan)",
            EvidenceRenderer.Render(loop, "ExportCsv"));
    }

    [Fact]
    public void A_loop_fill_shows_its_cause_or_the_cause_text_it_was_exported_with()
    {
        Evidence withCause = new(EvidenceKind.LoopFill, EvidencePath.Empty, string.Empty, "csv", Drained);
        Evidence exported = new(EvidenceKind.LoopFill, EvidencePath.Empty, "GetRemainingAsync drains every page of the DynamoDB scan", "csv");

        Assert.Equal("a loop fills 'csv' item by item (GetRemainingAsync drains every page of the DynamoDB scan)", EvidenceRenderer.Render(withCause, "Export"));
        Assert.Equal(EvidenceRenderer.Render(withCause, "Export"), EvidenceRenderer.Render(exported, "Export"));
    }

    [Fact]
    public void Bounds_and_unbounded_evidence_are_told_apart_by_kind()
    {
        Assert.False(Drained.IsBound);
        Assert.True(new Evidence(EvidenceKind.OnePage, EvidencePath.Empty, "QueryAsync").IsBound);
        Assert.True(new Evidence(EvidenceKind.ItemOfBound, EvidencePath.Empty, string.Empty).IsBound);
        Assert.False(new Evidence(EvidenceKind.RepeatedText, EvidencePath.Empty, "10").IsBound);
    }
}
