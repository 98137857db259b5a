using System.Diagnostics;
using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Testing;

namespace LineageHub.Tests.Cli;

/// <summary>The consent verbs run as a user runs them: snapshot with subjects, import, prove, verify, impact.</summary>
public sealed class ConsentCliTests : IDisposable
{
    private const string Secret = "a-test-deployment-secret-0123456789";
    private readonly TemporaryDirectory _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string? secret, params string[] args)
    {
        var info = LineageHubProcess.StartInfo(args);
        info.Environment.Remove("LINEAGEHUB_SUBJECT_SECRET_FILE");
        if (secret is null)
        {
            info.Environment.Remove("LINEAGEHUB_SUBJECT_SECRET");
        }
        else
        {
            info.Environment["LINEAGEHUB_SUBJECT_SECRET"] = secret;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private async Task<string> RegisterCustomersAsync()
    {
        var customers = Write("customers.csv", "customer_id,co_applicant,amount\nc1,,100\nc2,c3,200\n");
        var snapshot = await RunAsync(Secret, "snapshot", customers, "--register", "--dataset", "bank/customers", "--source", "core-banking",
            "--subject-column", "customer_id", "--subject-column", "co_applicant", "--data", Data, "--json");
        Assert.True(snapshot.ExitCode == 0, snapshot.Error);
        return JsonDocument.Parse(snapshot.Out).RootElement.GetProperty("registered").GetProperty("id").GetString()!;
    }

    private async Task TrainAsync(string version)
    {
        var job = new Job("bank", "train", JobType.Training, "credit-scoring");
        var run = new Run(Guid.NewGuid(), "bank", "train", RunStatus.Completed, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var model = new ModelVersion("credit-model", "v1");
        var changes = ChangeSet.Builder().Add(job).Add(run).Add(new Model("credit-model")).Add(model)
            .Link(EdgeKind.RunOf, run.Key, job.Key).Link(EdgeKind.Read, run.Key, NodeKey.Parse(version))
            .Link(EdgeKind.Produced, run.Key, model.Key).Link(EdgeKind.VersionOf, model.Key, new ModelId("credit-model").Key).Build();
        var file = Path.Combine(_folder.Path, "train.json");
        await File.WriteAllBytesAsync(file, ChangeSetJson.Write(changes));
        var applied = await RunAsync(null, "changeset", "apply", file, "--data", Data);
        Assert.True(applied.ExitCode == 0, applied.Error);
    }

    [Fact]
    public async Task ProveThenVerify_FindsTheSubjectsWithoutConsent_AndATamperedBundleFails()
    {
        var version = await RegisterCustomersAsync();
        var consents = Write("consents.csv", "subject_id,purpose,granted_at,withdrawn_at\nc1,credit-scoring,2026-01-01T00:00:00Z,\nc2,credit-scoring,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z\n");
        var import = await RunAsync(Secret, "consent", "import", consents, "--source", "consent-hub", "--allow-purpose", "credit-scoring", "--data", Data);
        Assert.True(import.ExitCode == 0, import.Error);
        await TrainAsync(version);
        var bundle = Path.Combine(_folder.Path, "bundle.json");
        var report = Path.Combine(_folder.Path, "report.html");

        var prove = await RunAsync(null, "consent", "prove", "credit-model@v1", "--purpose", "credit-scoring", "--out", bundle, "--html", report, "--data", Data, "--json");
        var verify = await RunAsync(null, "evidence", "verify", bundle);
        var bytes = await File.ReadAllBytesAsync(bundle);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(bundle, bytes);
        var tampered = await RunAsync(null, "evidence", "verify", bundle);

        Assert.Equal(1, prove.ExitCode);
        var verdict = JsonDocument.Parse(prove.Out).RootElement;
        Assert.Equal("fail", verdict.GetProperty("outcome").GetString());
        Assert.Equal(["withdrawn", "none"], verdict.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("reason").GetString()).Order().Reverse());
        Assert.Contains("Violations", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.EndsWith($"VALID: {bundle}\n", verify.Out, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("INVALID", tampered.Out, StringComparison.Ordinal);
    }

    // A Parquet table's subject column gives the same set as the CSV export of the same rows.
    [CorpusFact("parquet-testing/data")]
    public async Task Snapshot_OfParquet_RecordsTheSubjectSetOfItsColumn()
    {
        var folder = Corpus.Folder("parquet-testing/data")!;
        var csv = await RunAsync(Secret, "snapshot", Path.Combine(folder, "delta_byte_array_expect.csv"), "--register", "--dataset", "bank/customers-csv",
            "--subject-column", "c_customer_id", "--data", Data, "--json");
        var parquet = await RunAsync(Secret, "snapshot", Path.Combine(folder, "delta_byte_array.parquet"), "--register", "--dataset", "bank/customers",
            "--subject-column", "c_customer_id", "--data", Data, "--json");

        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.True(parquet.ExitCode == 0, parquet.Error);
        var subjects = Summary(csv.Out)[Summary(csv.Out).IndexOf("subject set of", StringComparison.Ordinal)..];
        Assert.Contains("subject set of", Summary(parquet.Out));
        Assert.EndsWith(subjects, Summary(parquet.Out));
    }

    private static string Summary(string json) => JsonDocument.Parse(json).RootElement.GetProperty("registered").GetProperty("message").GetString()!;

    [Fact]
    public async Task Sample_WrittenByProveAndBySample_IsTheSame_AndVerifiesAloneAndAgainstItsBundle()
    {
        var version = await RegisterCustomersAsync();
        var consents = Write("consents.csv", "subject_id,purpose,granted_at,withdrawn_at\nc1,credit-scoring,2026-01-01T00:00:00Z,\nc2,credit-scoring,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z\n");
        Assert.Equal(0, (await RunAsync(Secret, "consent", "import", consents, "--source", "consent-hub", "--allow-purpose", "credit-scoring", "--data", Data)).ExitCode);
        await TrainAsync(version);
        var bundle = Path.Combine(_folder.Path, "bundle.json");
        var proved = Path.Combine(_folder.Path, "proved-sample.json");
        var cut = Path.Combine(_folder.Path, "cut-sample.json");

        var prove = await RunAsync(null, "consent", "prove", "credit-model@v1", "--purpose", "credit-scoring", "--out", bundle, "--data", Data, "--sample", "2", "--sample-out", proved);
        var sample = await RunAsync(null, "evidence", "sample", bundle, "--sample", "2", "--out", cut);
        var alone = await RunAsync(null, "evidence", "verify", proved);
        var withBundle = await RunAsync(null, "evidence", "verify", proved, "--bundle", bundle);
        var all = await RunAsync(null, "evidence", "verify", bundle, "--sample", "5");
        var allWritten = await RunAsync(null, "evidence", "sample", bundle, "--sample", "5", "--out", Path.Combine(_folder.Path, "all-sample.json"));

        Assert.Equal(1, prove.ExitCode);
        Assert.Contains($"sample   {proved} (2 of 3 subjects", prove.Out, StringComparison.Ordinal);
        Assert.True(sample.ExitCode == 0, sample.Out + sample.Error);
        Assert.Equal(await File.ReadAllBytesAsync(proved), await File.ReadAllBytesAsync(cut));
        Assert.True(alone.ExitCode == 0, alone.Out + alone.Error);
        Assert.Contains("ok   subject 1/2: ", alone.Out, StringComparison.Ordinal);
        Assert.Contains("ok   subject 2/2: ", alone.Out, StringComparison.Ordinal);
        Assert.EndsWith($"VALID: {proved}\n", alone.Out, StringComparison.Ordinal);
        Assert.True(withBundle.ExitCode == 0, withBundle.Out + withBundle.Error);
        Assert.Contains("as the bundle's verdict says", withBundle.Out, StringComparison.Ordinal);
        Assert.True(all.ExitCode == 0, all.Out + all.Error);
        Assert.Contains(Core.Evidence.Sampling.SampleMessages.TookAll(5, 3), all.Out, StringComparison.Ordinal);
        Assert.Contains("ok   subject 3/3: ", all.Out, StringComparison.Ordinal);
        Assert.Contains(Core.Evidence.Sampling.SampleMessages.TookAll(5, 3), allWritten.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_BadSizes_TamperingAndAnotherBundle_AreClearErrors()
    {
        var version = await RegisterCustomersAsync();
        await TrainAsync(version);
        var bundle = Path.Combine(_folder.Path, "bundle.json");
        var other = Path.Combine(_folder.Path, "other.json");
        var sample = Path.Combine(_folder.Path, "sample.json");
        await RunAsync(null, "consent", "prove", "credit-model@v1", "--purpose", "credit-scoring", "--out", bundle, "--data", Data);
        Assert.Equal(0, (await RunAsync(null, "evidence", "sample", bundle, "--sample", "2", "--out", sample)).ExitCode);
        var consents = Write("consents.csv", "subject_id,purpose,granted_at\nc1,credit-scoring,2026-01-01T00:00:00Z\n");
        Assert.Equal(0, (await RunAsync(Secret, "consent", "import", consents, "--source", "consent-hub", "--allow-purpose", "credit-scoring", "--data", Data)).ExitCode);
        await RunAsync(null, "consent", "prove", "credit-model@v1", "--purpose", "credit-scoring", "--out", other, "--data", Data);

        var zero = await RunAsync(null, "evidence", "verify", bundle, "--sample", "0");
        var noOut = await RunAsync(null, "consent", "prove", "credit-model@v1", "--purpose", "credit-scoring", "--out", other, "--data", Data, "--sample", "3");
        var wrongBundle = await RunAsync(null, "evidence", "verify", sample, "--bundle", other);
        var bytes = await File.ReadAllBytesAsync(sample);
        bytes[bytes.Length * 2 / 3] ^= 0x01;
        await File.WriteAllBytesAsync(sample, bytes);
        var tampered = await RunAsync(null, "evidence", "verify", sample);

        Assert.Equal(2, zero.ExitCode);
        Assert.Contains(Core.Evidence.Sampling.SampleMessages.SizeTooSmall(0), zero.Error, StringComparison.Ordinal);
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--sample-out", noOut.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongBundle.ExitCode);
        Assert.Contains(Core.Evidence.Sampling.SampleMessages.OtherBundlePrefix, wrongBundle.Out, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("INVALID", tampered.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_NamesTheVersionAndModelHoldingTheSubject()
    {
        var version = await RegisterCustomersAsync();
        await TrainAsync(version);

        var impact = await RunAsync(Secret, "consent", "impact", "c3", "--data", Data, "--json");

        Assert.True(impact.ExitCode == 0, impact.Error);
        var json = JsonDocument.Parse(impact.Out).RootElement;
        Assert.Equal([version], json.GetProperty("containedIn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["model_version:credit-model|v1"], json.GetProperty("modelVersions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Import_WithoutASecret_IsAClearError()
    {
        var consents = Write("consents.csv", "subject_id,purpose,granted_at\nc1,credit-scoring,2026-01-01T00:00:00Z\n");

        var import = await RunAsync(null, "consent", "import", consents, "--source", "consent-hub", "--data", Data);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains(Connectors.Consent.ConsentConnectorMessages.NoSecret, import.Error, StringComparison.Ordinal);
    }
}
