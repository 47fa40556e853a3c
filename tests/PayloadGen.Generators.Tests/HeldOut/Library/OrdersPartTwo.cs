// The second part of a partial class: the handler is here, the injected runtime in the first part.
namespace Layered.Orders
{
    public partial class OrderFunctions
    {
        // expect: wrap PG0003 -- IAsyncEnumerable<T> response with [EnumeratorCancellation], in the second file of the class
        [ClaimCheck]
        public async IAsyncEnumerable<Order> Export(OrderFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (Order order in repository.QueryAsync(filter, cancellationToken))
            {
                yield return order;
            }
        }
    }

    public partial class Registrations
    {
        public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }
    }
}
