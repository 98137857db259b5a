namespace LineageHub.Connectors.Consent.Tests.Support;

/// <summary>The pseudonymisation secret the tests use; never a deployment's.</summary>
public static class TestSecret
{
    public static SubjectSecret Secret { get; } = SubjectSecret.FromBytes("test-secret-of-32-bytes-long-abc"u8);

    public static SubjectPseudonymizer Pseudonymizer { get; } = new(Secret);
}
