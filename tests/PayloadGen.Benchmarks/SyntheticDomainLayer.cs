using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The code around the handlers of a real solution: a domain and service layer with no Lambda types in it (orders,
/// pricing, validation, mapping, reporting), written the way business code is — records, enums, LINQ with lambdas,
/// async calls through interfaces, switch expressions, string building, exceptions. Added to
/// <see cref="SyntheticLambdaProject"/> it makes the handlers a small part of the code, which is what PayloadGen's
/// compile cost meets in a real solution: its rules must leave this code alone cheaply.
/// </summary>
internal static class SyntheticDomainLayer
{
    private const int ModulesPerFile = 10;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    /// <summary>One source file per ten modules, as (path, text); a module is about 230 lines.</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources(int modules) =>
        Enumerable.Range(0, (modules + ModulesPerFile - 1) / ModulesPerFile)
            .Select(file => (
                $"Domain{file:D3}.cs",
                Usings + string.Concat(Enumerable.Range(file * ModulesPerFile, System.Math.Min(ModulesPerFile, modules - (file * ModulesPerFile))).Select(Module))))
            .ToList();

    private static string Module(int i) => Template.Replace("$N", i.ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    private const string Template = """
        namespace Synthetic.Domain$N
        {
            public enum OrderState$N { Draft, Submitted, Paid, Shipped, Cancelled }

            public sealed record Money$N(decimal Amount, string Currency)
            {
                public static Money$N Zero(string currency) => new(0m, currency);

                public Money$N Add(Money$N other)
                {
                    if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
                    }

                    return this with { Amount = Amount + other.Amount };
                }

                public Money$N Times(int quantity) => this with { Amount = Amount * quantity };

                public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency;
            }

            public sealed class OrderLine$N
            {
                public string Sku { get; init; } = "";
                public int Quantity { get; set; }
                public Money$N UnitPrice { get; init; } = Money$N.Zero("EUR");
                public Money$N Total => UnitPrice.Times(Quantity);
            }

            public sealed class Order$N
            {
                private readonly List<OrderLine$N> _lines = new();

                public Guid Id { get; } = Guid.NewGuid();
                public string Customer { get; set; } = "";
                public OrderState$N State { get; private set; } = OrderState$N.Draft;
                public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
                public IReadOnlyList<OrderLine$N> Lines => _lines;

                public void Add(string sku, int quantity, Money$N price)
                {
                    if (State != OrderState$N.Draft)
                    {
                        throw new InvalidOperationException("Only a draft order can change.");
                    }

                    OrderLine$N? existing = _lines.FirstOrDefault(l => l.Sku == sku);
                    if (existing is null)
                    {
                        _lines.Add(new OrderLine$N { Sku = sku, Quantity = quantity, UnitPrice = price });
                    }
                    else
                    {
                        existing.Quantity += quantity;
                    }
                }

                public void Submit() => State = State == OrderState$N.Draft && _lines.Count > 0 ? OrderState$N.Submitted : throw new InvalidOperationException("Nothing to submit.");

                public void Pay() => State = State == OrderState$N.Submitted ? OrderState$N.Paid : throw new InvalidOperationException("Not submitted.");

                public void Cancel() => State = State is OrderState$N.Shipped ? throw new InvalidOperationException("Already shipped.") : OrderState$N.Cancelled;

                public Money$N Total(string currency) => _lines.Aggregate(Money$N.Zero(currency), (sum, line) => sum.Add(line.Total));
            }

            public interface IOrderStore$N
            {
                Task<Order$N?> FindAsync(Guid id, CancellationToken cancellationToken);
                Task SaveAsync(Order$N order, CancellationToken cancellationToken);
                IAsyncEnumerable<Order$N> ByCustomerAsync(string customer, CancellationToken cancellationToken);
            }

            public interface IClock$N
            {
                DateTimeOffset Now { get; }
            }

            public sealed class InMemoryOrderStore$N : IOrderStore$N
            {
                private readonly Dictionary<Guid, Order$N> _orders = new();

                public Task<Order$N?> FindAsync(Guid id, CancellationToken cancellationToken) =>
                    Task.FromResult(_orders.TryGetValue(id, out Order$N? order) ? order : null);

                public Task SaveAsync(Order$N order, CancellationToken cancellationToken)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _orders[order.Id] = order;
                    return Task.CompletedTask;
                }

                public async IAsyncEnumerable<Order$N> ByCustomerAsync(string customer, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    foreach (Order$N order in _orders.Values.Where(o => o.Customer == customer).OrderBy(o => o.Created))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await Task.Yield();
                        yield return order;
                    }
                }
            }

            public sealed class PricingPolicy$N
            {
                private readonly IReadOnlyDictionary<string, decimal> _discounts;

                public PricingPolicy$N(IReadOnlyDictionary<string, decimal> discounts) => _discounts = discounts;

                public decimal DiscountFor(Order$N order)
                {
                    decimal rate = _discounts.TryGetValue(order.Customer, out decimal customerRate) ? customerRate : 0m;
                    int items = order.Lines.Sum(l => l.Quantity);
                    decimal volume = items switch
                    {
                        >= 100 => 0.10m,
                        >= 50 => 0.05m,
                        >= 10 => 0.02m,
                        _ => 0m,
                    };
                    return Math.Min(0.25m, rate + volume);
                }

                public Money$N Price(Order$N order, string currency)
                {
                    Money$N total = order.Total(currency);
                    decimal discount = DiscountFor(order);
                    return total with { Amount = decimal.Round(total.Amount * (1 - discount), 2, MidpointRounding.ToEven) };
                }
            }

            public sealed class OrderValidator$N
            {
                public IReadOnlyList<string> Validate(Order$N order)
                {
                    var problems = new List<string>();
                    if (string.IsNullOrWhiteSpace(order.Customer))
                    {
                        problems.Add("The order has no customer.");
                    }

                    foreach (OrderLine$N line in order.Lines)
                    {
                        if (line.Quantity <= 0)
                        {
                            problems.Add($"Line {line.Sku} has quantity {line.Quantity}.");
                        }

                        if (line.UnitPrice.Amount < 0)
                        {
                            problems.Add($"Line {line.Sku} has a negative price.");
                        }
                    }

                    problems.AddRange(order.Lines.GroupBy(l => l.Sku).Where(g => g.Count() > 1).Select(g => $"Sku {g.Key} appears {g.Count()} times."));
                    return problems;
                }
            }

            public sealed record OrderSummary$N(Guid Id, string Customer, string State, int Items, string Total);

            public static class OrderMapper$N
            {
                public static OrderSummary$N ToSummary(Order$N order, PricingPolicy$N pricing) =>
                    new(order.Id, order.Customer, order.State.ToString(), order.Lines.Sum(l => l.Quantity), pricing.Price(order, "EUR").ToString());

                public static string ToCsv(IEnumerable<OrderSummary$N> summaries)
                {
                    var csv = new StringBuilder("id,customer,state,items,total\n");
                    foreach (OrderSummary$N summary in summaries)
                    {
                        csv.Append(summary.Id).Append(',').Append(summary.Customer).Append(',').Append(summary.State).Append(',')
                            .Append(summary.Items.ToString(CultureInfo.InvariantCulture)).Append(',').Append(summary.Total).Append('\n');
                    }

                    return csv.ToString();
                }
            }

            public sealed class OrderService$N
            {
                private readonly IOrderStore$N _store;
                private readonly PricingPolicy$N _pricing;
                private readonly OrderValidator$N _validator = new();
                private readonly IClock$N _clock;

                public OrderService$N(IOrderStore$N store, PricingPolicy$N pricing, IClock$N clock)
                {
                    _store = store ?? throw new ArgumentNullException(nameof(store));
                    _pricing = pricing;
                    _clock = clock;
                }

                public async Task<OrderSummary$N> SubmitAsync(Guid id, CancellationToken cancellationToken)
                {
                    Order$N order = await _store.FindAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"Order {id} not found.");
                    IReadOnlyList<string> problems = _validator.Validate(order);
                    if (problems.Count > 0)
                    {
                        throw new InvalidOperationException(string.Join(" ", problems));
                    }

                    order.Submit();
                    await _store.SaveAsync(order, cancellationToken);
                    return OrderMapper$N.ToSummary(order, _pricing);
                }

                public async Task<IReadOnlyList<OrderSummary$N>> HistoryAsync(string customer, int days, CancellationToken cancellationToken)
                {
                    DateTimeOffset since = _clock.Now.AddDays(-days);
                    var summaries = new List<OrderSummary$N>();
                    await foreach (Order$N order in _store.ByCustomerAsync(customer, cancellationToken))
                    {
                        if (order.Created >= since && order.State != OrderState$N.Cancelled)
                        {
                            summaries.Add(OrderMapper$N.ToSummary(order, _pricing));
                        }
                    }

                    return summaries.OrderByDescending(s => s.Items).ThenBy(s => s.Customer, StringComparer.Ordinal).ToList();
                }

                public async Task<string> ReportAsync(string customer, CancellationToken cancellationToken)
                {
                    IReadOnlyList<OrderSummary$N> history = await HistoryAsync(customer, 30, cancellationToken);
                    Func<OrderSummary$N, bool> large = s => s.Items > 10;
                    return OrderMapper$N.ToCsv(history.Where(large));
                }
            }
        }

        """;
}
