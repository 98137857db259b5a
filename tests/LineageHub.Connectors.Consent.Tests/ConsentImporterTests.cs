using LineageHub.Connectors.Consent.Tests.Support;
using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Connectors.Consent.Tests;

public sealed class ConsentImporterTests : IDisposable
{
    private const string Header = "subject_id,purpose,lawful_basis,granted_at,expires_at,withdrawn_at\n";
    private static readonly IReadOnlySet<string> Purposes = new HashSet<string>(["credit-scoring", "marketing"]);
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ConsentImport Import(string path, Func<Core.Subjects.SubjectPseudonym, bool>? known = null, Dictionary<string, string>? mapping = null) =>
        ConsentImporter.Read(new ConsentImportRequest(path, "consent-hub", Purposes) { KnownSubject = known, Mapping = mapping ?? [] }, TestSecret.Pseudonymizer);

    private static string Refusal(string path) => Assert.Throws<LineageHubException>(() => Import(path)).Message;

    [Fact]
    public void Read_Csv_PseudonymisesSubjectsAndKeepsEveryField()
    {
        var path = _folder.File("c.csv", Header + "cust-1,credit-scoring,contract,2026-01-01T10:00:00+02:00,2027-01-01T00:00:00Z,\n");

        var record = Assert.Single(Import(path).Batch.Records());

        Assert.Equal(TestSecret.Pseudonymizer.Pseudonymize("cust-1"), record.Subject);
        Assert.Equal(LawfulBasis.Contract, record.Basis);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero), record.GrantedAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), record.ExpiresAt);
        Assert.Null(record.WithdrawnAt);
    }

    [Fact]
    public void Read_JsonLinesWithAMapping_ReadsTheMappedMembers()
    {
        var path = _folder.File("c.jsonl",
            "{\"customer\":\"cust-1\",\"purpose\":\"marketing\",\"consented\":\"2026-01-01T00:00:00Z\",\"revoked\":null}\n" +
            "{\"customer\":\"cust-2\",\"purpose\":\"marketing\",\"consented\":\"2026-01-01T00:00:00Z\",\"revoked\":\"2026-02-01T00:00:00.5Z\"}\n");

        var import = Import(path, mapping: new() { ["subject_id"] = "customer", ["granted_at"] = "consented", ["withdrawn_at"] = "revoked" });

        Assert.Equal(2, import.Batch.Count);
        Assert.Single(import.Batch.Records(), r => r.WithdrawnAt == new DateTimeOffset(2026, 2, 1, 0, 0, 0, 500, TimeSpan.Zero));
    }

    [Fact]
    public void Read_ATimestampWithoutZone_IsRefusedNamingFileLineAndField()
    {
        var path = _folder.File("c.csv", Header + "cust-1,credit-scoring,consent,2026-01-01T00:00:00Z,,\ncust-2,credit-scoring,consent,2026-01-01T10:00:00,,\n");

        var message = Refusal(path);

        Assert.Contains(ConsentConnectorMessages.NoZone("c.csv", 3, "granted_at", "2026-01-01T10:00:00"), message, StringComparison.Ordinal);
        Assert.Contains(ConsentConnectorMessages.Refused("c.csv", 1), message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnUnknownPurpose_IsRefusedWithTheRow()
    {
        var path = _folder.File("c.csv", Header + "cust-1,credit_scoring,consent,2026-01-01T00:00:00Z,,\n");

        Assert.Contains(ConsentConnectorMessages.UnknownPurpose("c.csv", 2, "credit_scoring", Purposes), Refusal(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AFileMixingEncodings_IsRefusedNamingTheLineAndByte()
    {
        var path = Path.Combine(_folder.Path, "c.csv");
        // Line 2 is UTF-8, line 3 the same text in Latin-1: é is 0xE9 at column 6.
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(Header + "cust-\u00e9,credit-scoring,consent,2026-01-01T00:00:00Z,,\n"), .. System.Text.Encoding.Latin1.GetBytes("cust-\u00e9,credit-scoring,consent,2026-01-01T00:00:00Z,,\n")]);

        Assert.Equal(ConsentConnectorMessages.NotUtf8("c.csv", 3, 6, 0xE9), Refusal(path));
    }

    [Fact]
    public void Read_AnUnknownBasisAndABadDigest_AreBothListed()
    {
        var path = _folder.File("c.csv", "subject_id,purpose,lawful_basis,granted_at,evidence_digest\ncust-1,marketing,opt-in,2026-01-01T00:00:00Z,\ncust-2,marketing,consent,2026-01-01T00:00:00Z,abc\n");

        var message = Refusal(path);

        Assert.Contains(ConsentConnectorMessages.UnknownBasis("c.csv", 2, "opt-in"), message, StringComparison.Ordinal);
        Assert.Contains(ConsentConnectorMessages.BadDigest("c.csv", 3, "abc"), message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateRecords_AreKeptOnceWithAWarningNamingBothLines()
    {
        var row = "cust-1,credit-scoring,consent,2026-01-01T00:00:00Z,,\n";
        var path = _folder.File("c.csv", Header + row + "cust-2,credit-scoring,consent,2026-01-01T00:00:00Z,,\n" + row);

        var import = Import(path);

        Assert.Equal(2, import.Batch.Count);
        Assert.Equal(ConsentConnectorMessages.Duplicate("c.csv", 4, 2), Assert.Single(import.Warnings));
    }

    [Fact]
    public void Read_RecordsForSubjectsNeverSeen_AreAWarningNamingTheLines()
    {
        var path = _folder.File("c.csv", Header + "cust-1,marketing,consent,2026-01-01T00:00:00Z,,\ncust-2,marketing,consent,2026-01-01T00:00:00Z,,\n");
        var known = TestSecret.Pseudonymizer.Pseudonymize("cust-1");

        var import = Import(path, s => s == known);

        Assert.Equal(ConsentConnectorMessages.NeverSeen("c.csv", 1, [3]), Assert.Single(import.Warnings));
    }

    [Fact]
    public void Read_TheSameExportTwice_GivesTheSameBatchRoot()
    {
        var path = _folder.File("c.csv", Header + "cust-2,marketing,consent,2026-01-01T00:00:00Z,,\ncust-1,marketing,consent,2026-01-01T00:00:00Z,,\n");
        var reordered = _folder.File("d.csv", Header + "cust-1,marketing,consent,2026-01-01T00:00:00Z,,\ncust-2,marketing,consent,2026-01-01T00:00:00Z,,\n");

        Assert.Equal(Import(path).Batch.Root, Import(path).Batch.Root);
        Assert.Equal(Import(path).Batch.Root, Import(reordered).Batch.Root);
    }

    [Fact]
    public void Read_AMissingRequiredColumn_NamesTheColumnsThereAre()
    {
        var path = _folder.File("c.csv", "customer,purpose,granted_at\ncust-1,marketing,2026-01-01T00:00:00Z\n");

        Assert.Equal(ConsentConnectorMessages.NoColumn("c.csv", "subject_id", "subject_id", ["customer", "purpose", "granted_at"]), Refusal(path));
    }

    [Fact]
    public void Read_AWithdrawalBeforeTheGrant_IsRefused()
    {
        var path = _folder.File("c.csv", Header + "cust-1,marketing,consent,2026-01-02T00:00:00Z,,2026-01-01T00:00:00Z\n");

        Assert.Contains(ConsentConnectorMessages.WithdrawnBeforeGranted("c.csv", 2), Refusal(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheBatchFact_NamesOnlyThePurposesTheRowsUse()
    {
        var onlyScoring = _folder.File("c.csv", Header + "cust-1,credit-scoring,consent,2026-01-01T00:00:00Z,,\ncust-2,credit-scoring,consent,2026-01-01T00:00:00Z,,\n");
        var onlyMarketing = _folder.File("d.csv", Header + "cust-1,marketing,consent,2026-01-01T00:00:00Z,,\ncust-2,marketing,consent,2026-01-01T00:00:00Z,,\n");

        Assert.Equal(["credit-scoring"], Import(onlyScoring).Fact.Purposes);
        Assert.Equal(["marketing"], Import(onlyMarketing).Fact.Purposes);
    }

    [Fact]
    public void Read_ABasisSpelledAnotherWay_IsReadAsTheSameBasis()
    {
        var path = _folder.File("c.csv", Header + "cust-1,marketing,\" Legal-Obligation \",2026-01-01T00:00:00Z,,\ncust-2,marketing,legal_obligation,2026-01-01T00:00:00Z,,\n");

        Assert.All(Import(path).Batch.Records(), r => Assert.Equal(LawfulBasis.LegalObligation, r.Basis));
    }

    [Fact]
    public void Read_AKnownPurposeLongerThanARecordHolds_IsRefusedAsUnknown()
    {
        var purpose = new string('p', 257);
        var path = _folder.File("c.csv", Header + $"cust-1,{purpose},consent,2026-01-01T00:00:00Z,,\n");
        var known = new HashSet<string>([purpose]);

        var error = Assert.Throws<LineageHubException>(() => ConsentImporter.Read(new ConsentImportRequest(path, "consent-hub", known), TestSecret.Pseudonymizer));

        Assert.Contains(ConsentConnectorMessages.UnknownPurpose("c.csv", 2, purpose, known), error.Message, StringComparison.Ordinal);
    }
}
