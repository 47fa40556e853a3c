using PayloadGen.Generators.SizeModel;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Recognizers;

public class MediatorSendRecognizerTests
{
    private const string Requests = """

        public record AllRows : MediatR.IRequest<List<Row>>;
        public record FirstRows : MediatR.IRequest<List<Row>>;
        public class AllRowsHandler(ShopDb db) : MediatR.IRequestHandler<AllRows, List<Row>>
        {
            public Task<List<Row>> Handle(AllRows request, System.Threading.CancellationToken cancellationToken) => db.Rows.ToListAsync(cancellationToken);
        }
        public class FirstRowsHandler(ShopDb db) : MediatR.IRequestHandler<FirstRows, List<Row>>
        {
            public Task<List<Row>> Handle(FirstRows request, System.Threading.CancellationToken cancellationToken) => db.Rows.Take(5).ToListAsync(cancellationToken);
        }
        """;

    [Theory]
    [InlineData("MediatR.IMediator")]
    [InlineData("MediatR.ISender")]
    public void Send_is_answered_by_the_one_handler_of_the_requests_class(string mediator)
    {
        FlowFindings findings = FlowProbe.Trace($$"""
            public class F({{mediator}} mediator)
            {
                public async Task<List<Row>> Probe() => await mediator.Send(new AllRows());
            }
            """ + Requests);

        Evidence evidence = Assert.Single(findings.Unbounded);
        Assert.Equal(EvidenceKind.MaterializedQuery, evidence.Kind);
        Assert.Equal("AllRowsHandler.Handle()", Assert.Single(evidence.Path.Steps).Text);
    }

    [Fact]
    public void The_handler_of_a_bounded_request_bounds_the_result()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F(MediatR.IMediator mediator)
            {
                public async Task<List<Row>> Probe() => await mediator.Send(new FirstRows());
            }
            """ + Requests);

        Assert.Empty(findings.Unbounded);
        Assert.Contains(findings.Bounded, b => b.Kind == EvidenceKind.BoundingOperator);
    }

    [Fact]
    public void A_request_typed_only_by_its_interface_is_not_guessed()
    {
        FlowFindings findings = FlowProbe.Trace("""
            public class F(MediatR.IMediator mediator)
            {
                public async Task<List<Row>> Probe(MediatR.IRequest<List<Row>> request) => await mediator.Send(request);
            }
            """ + Requests);

        Assert.Empty(findings.Unbounded);
        Assert.Empty(findings.Bounded);
    }
}
