using System.Text.Json;
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

    [Fact]
    public async Task SubjectImpact_OfASubjectLeftOutOfV2_FindsV1AndProvesAbsenceFromTheNewVersion()
    {
        await using var server = await ApiServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("lineagehub-consent-api-").FullName;
        var scenario = new ConsentScenario(500, folder, new ManualTimeProvider(ConsentScenario.T0), new SubjectPseudonymizer(SubjectSecret.FromBytes("api-test-secret-of-enough-bytes"u8)));
        await scenario.BuildV1Async(server.Store, server.Store);
        await scenario.RecordWithdrawalsAsync(server.Store, server.Store);
        await scenario.BuildV2Async(server.Store, server.Store);
        const string query = """
            query($s: String!) { subjectImpact(subject: $s) {
              subject containedIn downstream modelVersions
              consentRecords { batch purpose basis grantedAt withdrawnAt }
              absentFrom { datasetVersion root proof } } }
            """;
        const int leftOut = 7, kept = 2;
        Assert.True(ConsentScenario.LeftOutOfV2(leftOut) && !ConsentScenario.LeftOutOfV2(kept));
        var source = ConsentScenario.Internal[ConsentScenario.InternalSourceOf(leftOut)];
        Assert.Equal(source, ConsentScenario.Internal[ConsentScenario.InternalSourceOf(kept)]);

        var gone = (await server.QueryAsync(query, new { s = scenario.Pseudonym(leftOut).ToString() })).GetProperty("subjectImpact");
        var stays = (await server.QueryAsync(query, new { s = scenario.Pseudonym(kept).ToString() })).GetProperty("subjectImpact");
        var (status, bad) = await server.PostAsync(query, new { s = "cust-0000007" });

        static string[] Ids(JsonElement impact, string field) => [.. impact.GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(scenario.Pseudonym(leftOut).ToString(), gone.GetProperty("subject").GetString());
        Assert.Contains(scenario.SourceVersion(source, 1).Key.ToString(), Ids(gone, "containedIn"));
        Assert.DoesNotContain(scenario.SourceVersion(source, 2).Key.ToString(), Ids(gone, "containedIn"));
        Assert.Equal([scenario.ModelV1.ToString()], Ids(gone, "modelVersions"));
        var absence = Assert.Single(gone.GetProperty("absentFrom").EnumerateArray());
        Assert.Equal(scenario.SourceVersion(source, 2).Key.ToString(), absence.GetProperty("datasetVersion").GetString());
        Assert.Equal(JsonValueKind.Object, absence.GetProperty("proof").ValueKind);
        Assert.Contains(scenario.SourceVersion(source, 2).Key.ToString(), Ids(stays, "containedIn"));
        Assert.Equal(new[] { scenario.ModelV1.ToString(), scenario.ModelV2.ToString() }.Order(), Ids(stays, "modelVersions").Order());
        Assert.Empty(stays.GetProperty("absentFrom").EnumerateArray());
        Assert.Equal("INVALID_INPUT", bad.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Directory.Delete(folder, recursive: true);
    }
}
