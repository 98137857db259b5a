using LineageHub.Api.Tests.Support;
using LineageHub.Connectors.Consent;
using LineageHub.Testing;
using LineageHub.Testing.Consent;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>Query.consentProof on issue 8's bank, small: the verdict the CLI's bundle carries, over GraphQL.</summary>
public sealed class ConsentProofQueryTests
{
    [Fact]
    public async Task ConsentProof_OfV1_ListsTheViolationsAndCountsPerSource()
    {
        await using var server = await ApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("lineagehub-consent-api-").FullName;
        var scenario = new ConsentScenario(500, folder, new ManualTimeProvider(ConsentScenario.T0), new SubjectPseudonymizer(SubjectSecret.FromBytes("api-test-secret-of-enough-bytes"u8)));
        await scenario.BuildV1Async(server.Store, server.Store);

        var data = await server.QueryAsync("""
            query($m: ID!) { consentProof(modelVersion: $m, purpose: "credit-scoring") {
              outcome decisionTime subjectsChecked violationCount missingSubjectSets
              sources { source basis subjects none expired withdrawn wrongPurpose }
              violations(first: 3) { subject source reason } } }
            """, new { m = scenario.ModelV1.ToString() });

        var proof = data.GetProperty("consentProof");
        Assert.Equal("fail", proof.GetProperty("outcome").GetString());
        Assert.Equal(scenario.ExpectedV1Violations(afterSecondExport: false).Count, proof.GetProperty("violationCount").GetInt32());
        Assert.Equal(3, proof.GetProperty("violations").GetArrayLength());
        Assert.Equal(7, proof.GetProperty("sources").GetArrayLength());
        Assert.Contains(proof.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "fraud-vendor" && s.GetProperty("basis").GetString() == "contract");
        Directory.Delete(folder, recursive: true);
    }
}
