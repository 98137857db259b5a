using LineageHub.Connectors.Consent.Tests.Support;
using LineageHub.Core;

namespace LineageHub.Connectors.Consent.Tests;

// The secret comes from process-wide variables; these tests set them, so they run one at a time.
[Collection(nameof(SubjectSecretTests))]
public sealed class SubjectSecretTests
{
    [Fact]
    public void Load_WithNoVariableAndNoFile_IsAClearError()
    {
        using var _ = new Variables(null, null);

        var error = Assert.Throws<LineageHubException>(() => SubjectSecret.Load(null));

        Assert.Equal(ConsentConnectorMessages.NoSecret, error.Message);
    }

    [Fact]
    public void Load_FromTheFileNamedInConfiguration_MatchesTheSameSecretFromTheVariable()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.File("secret", "a-deployment-secret-of-some-length\n");
        SubjectPseudonymizer fromFile;
        using (new Variables(null, null))
        {
            fromFile = new SubjectPseudonymizer(SubjectSecret.Load(file));
        }
        using var _ = new Variables("a-deployment-secret-of-some-length", null);

        Assert.Equal(new SubjectPseudonymizer(SubjectSecret.Load(null)).Pseudonymize("cust-1"), fromFile.Pseudonymize("cust-1"));
    }

    [Fact]
    public void Load_AShortSecret_IsRefused()
    {
        using var _ = new Variables("short", null);

        Assert.Equal(ConsentConnectorMessages.SecretTooShort(5), Assert.Throws<LineageHubException>(() => SubjectSecret.Load(null)).Message);
    }

    [Fact]
    public void Pseudonymize_IsHmacSha256OfTheIdentifier()
    {
        var expected = System.Security.Cryptography.HMACSHA256.HashData("test-secret-of-32-bytes-long-abc"u8, "cust-1"u8);

        Assert.Equal(Convert.ToHexStringLower(expected), TestSecret.Pseudonymizer.Pseudonymize("cust-1").ToString());
    }

    private sealed class Variables : IDisposable
    {
        private readonly string? _secret = Environment.GetEnvironmentVariable(SubjectSecret.Variable);
        private readonly string? _file = Environment.GetEnvironmentVariable(SubjectSecret.FileVariable);

        public Variables(string? secret, string? file)
        {
            Environment.SetEnvironmentVariable(SubjectSecret.Variable, secret);
            Environment.SetEnvironmentVariable(SubjectSecret.FileVariable, file);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(SubjectSecret.Variable, _secret);
            Environment.SetEnvironmentVariable(SubjectSecret.FileVariable, _file);
        }
    }
}
