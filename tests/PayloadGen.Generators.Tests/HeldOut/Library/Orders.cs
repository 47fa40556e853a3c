// A layered application: a repository behind an interface, a primary constructor for DI, records with required and
// init members, generic records, nested and partial types split over two files.
using System.Text.Json.Serialization;

namespace Layered.Orders
{
    public enum OrderStatus { Pending, Paid, Shipped, Cancelled }

    public sealed record OrderKey(string CustomerId, string OrderId);

    public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

    public sealed record Order(OrderKey Key, IReadOnlyList<OrderLine> Lines)
    {
        [JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
        public OrderStatus Status { get; init; }

        public DateOnly? ShipBy { get; init; }

        public Guid CorrelationId { get; init; }
    }

    public sealed record PageRequest<TFilter>(TFilter Filter, int PageSize, string? ContinuationToken);

    public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

    public sealed record OrderFilter(string CustomerId, OrderStatus? Status);

    public sealed class Registration
    {
        public required string Email { get; init; }
        public string? DisplayName { get; init; }
    }

    public sealed record Receipt(Guid Id, string Email);

    public interface IOrderRepository
    {
        Task<Order?> FindAsync(OrderKey key, CancellationToken cancellationToken);
        IAsyncEnumerable<Order> QueryAsync(OrderFilter filter, CancellationToken cancellationToken);
    }

    public partial class OrderFunctions(IOrderRepository repository)
    {
        // expect: wrap PG0003 -- instance handler of a class with only a primary constructor: Lambda cannot create it
        [ClaimCheck]
        public Task<Order?> GetOrder(OrderKey key, CancellationToken cancellationToken) => repository.FindAsync(key, cancellationToken);

        // expect: wrap -- static handler in the same class needs no constructor
        [ClaimCheck]
        public static Order Normalize(Order order) => order with { Lines = order.Lines.Where(line => line.Quantity > 0).ToList() };
    }

    public static partial class Handlers
    {
        public partial class Pages
        {
            public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

            // expect: wrap -- nested in a static partial class; generic records as request and response
            [ClaimCheck]
            public Page<Order> List(PageRequest<OrderFilter> request)
                => new(Enumerable.Range(1, request.PageSize)
                    .Select(i => new Order(new OrderKey(request.Filter.CustomerId, "o-" + i), new[] { new OrderLine("sku-" + i, i, 1.5m) })
                    {
                        Status = request.Filter.Status ?? OrderStatus.Pending,
                        ShipBy = new DateOnly(2026, 12, i),
                        CorrelationId = new Guid(i, 0, 0, new byte[8]),
                    })
                    .ToList(), request.PageSize < 50 ? null : "next");
        }
    }

    public partial class Registrations
    {
        // expect: wrap -- a class with required/init members as the request
        [ClaimCheck]
        public static Receipt Register(Registration registration) => new(Guid.Empty, registration.Email);

        // expect: wrap -- an enum as the whole response, Guid? and DateOnly as request members elsewhere
        [ClaimCheck]
        public static OrderStatus Next(Order order) => order.Status == OrderStatus.Paid ? OrderStatus.Shipped : order.Status;
    }

    public partial class Repository<TEntity>
        where TEntity : class
    {
        // expect: PG0002 -- a method of a generic type: Lambda cannot supply type arguments
        [ClaimCheck]
        public TEntity? Find(string id) => id.Length == 0 ? null : default;
    }

    public partial class Outer<T>
    {
        public partial class Inner
        {
            // expect: PG0002 -- enclosing type generic
            [ClaimCheck]
            public Receipt Echo(Receipt receipt) => receipt;
        }
    }

    public partial class Api
    {
        public class V1
        {
            // expect: PG0001 -- the declaring nested type is not partial
            [ClaimCheck]
            public Receipt Echo(Receipt receipt) => receipt;
        }
    }

    public partial class Generic
    {
        // expect: PG0002 -- a generic method
        [ClaimCheck]
        public Page<T> Echo<T>(Page<T> page) => page;
    }
}
