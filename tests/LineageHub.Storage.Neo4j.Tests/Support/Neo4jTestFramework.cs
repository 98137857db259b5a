using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("LineageHub.Storage.Neo4j.Tests.Support.Neo4jTestFramework", "LineageHub.Storage.Neo4j.Tests")]

namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>
/// xunit's framework, except that the tests of a <see cref="RequiresNeo4jAttribute"/> class are reported
/// as skipped, with the reason, when no Neo4j can be had. It works at discovery, so the contract
/// suite's inherited tests — including ones added to it later — are skipped too, never passed.
/// Not a test class: <see cref="Neo4jTestFrameworkTests"/> discovers this assembly through it and checks what it reports.
/// </summary>
public sealed class Neo4jTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        private bool _reasonReported;

        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var needsNeo4j = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresNeo4jAttribute)).Any();
            var isTest = testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any();
            if (!needsNeo4j || !isTest || Neo4jTarget.SkipReason is null)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            if (!_reasonReported)
            {
                // Said once, as a diagnostic message (shown by the console runner at every verbosity, with
                // diagnosticMessages on in xunit.runner.json), so a CI log says why these tests were skipped.
                _reasonReported = true;
                DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"tests needing a real Neo4j are skipped: {Neo4jTarget.SkipReason}"));
            }
            var skipped = new SkippedWithoutNeo4jTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
