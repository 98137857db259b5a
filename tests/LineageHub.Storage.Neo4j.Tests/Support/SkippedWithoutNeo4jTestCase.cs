using Xunit.Abstractions;
using Xunit.Sdk;

namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>A test case that needs Neo4j where none can be had: skipped, with <see cref="Neo4jTarget.SkipReason"/> as the message.</summary>
public sealed class SkippedWithoutNeo4jTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedWithoutNeo4jTestCase()
    {
    }

    public SkippedWithoutNeo4jTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        Neo4jTarget.SkipReason ?? base.GetSkipReason(factAttribute);
}
