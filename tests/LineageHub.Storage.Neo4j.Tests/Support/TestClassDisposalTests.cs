using System.Reflection;

namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>
/// xunit 2 never calls <see cref="IAsyncDisposable.DisposeAsync"/> on a test class: only
/// <see cref="IAsyncLifetime"/> gets an asynchronous clean-up. A class here that starts a fake Query API
/// or fills a temporary folder and is disposable only the first way leaves both behind after every test.
/// </summary>
public sealed class TestClassDisposalTests
{
    [Fact]
    public void EveryAsynchronouslyDisposableTestClass_IsDisposedByXunit()
    {
        var testClasses = typeof(TestClassDisposalTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>().Any()))
            .ToList();

        Assert.NotEmpty(testClasses);
        var leaking = testClasses
            .Where(type => typeof(IAsyncDisposable).IsAssignableFrom(type) && !typeof(IAsyncLifetime).IsAssignableFrom(type))
            .Select(type => type.FullName)
            .ToList();
        Assert.Empty(leaking);
    }
}
