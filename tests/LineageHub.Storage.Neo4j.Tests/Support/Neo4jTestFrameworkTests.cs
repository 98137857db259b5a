using LineageHub.Storage.Neo4j.Tests.Http;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>
/// The framework that skips the real-Neo4j tests must never turn them into passes, and must leave every
/// other test alone: discover this assembly through it and look at what it reports.
/// </summary>
public sealed class Neo4jTestFrameworkTests
{
    [Fact]
    public void Discovery_SkipsEveryRealNeo4jTest_WithTheReason_AndOnlyThose()
    {
        var cases = Discover();
        var real = cases.Where(c => c.TestMethod.TestClass.Class.Name == typeof(Neo4jStoreContractTests).FullName).ToList();
        var standIn = cases.Where(c => c.TestMethod.TestClass.Class.Name == typeof(FakeQueryApiContractTests).FullName).ToList();

        // The contract suite's inherited tests count on both sides, so both classes see the whole suite.
        Assert.NotEmpty(real);
        Assert.Equal(standIn.Count, real.Count);
        Assert.All(standIn, c => Assert.Null(c.SkipReason));
        Assert.All(real, c => Assert.Equal(Neo4jTarget.SkipReason, c.SkipReason));
    }

    private static List<ITestCase> Discover()
    {
        using var framework = new Neo4jTestFramework(new NullMessageSink());
        using var discoverer = framework.GetDiscoverer(Reflector.Wrap(typeof(Neo4jTestFrameworkTests).Assembly));
        using var sink = new CollectingSink();
        discoverer.Find(includeSourceInformation: false, sink, new DefaultOptions());
        Assert.True(sink.Done.WaitOne(TimeSpan.FromMinutes(1)), "discovery did not finish within a minute");
        return sink.Cases;
    }

    // Every option at xunit's default.
    private sealed class DefaultOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }

    private sealed class CollectingSink : LongLivedMarshalByRefObject, IMessageSink, IDisposable
    {
        public List<ITestCase> Cases { get; } = [];

        public ManualResetEvent Done { get; } = new(false);

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage discovered)
            {
                Cases.Add(discovered.TestCase);
            }
            else if (message is IDiscoveryCompleteMessage)
            {
                Done.Set();
            }
            return true;
        }

        public void Dispose() => Done.Dispose();
    }
}
