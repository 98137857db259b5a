using System.Diagnostics;
using System.Text;
using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// Reads a consent-management export into one consent batch (schema/consent.md, "Import"). All or nothing:
/// any bad row — a time without a zone, an unknown purpose or basis, a malformed digest — refuses the whole
/// file, listing each error with its line; repeats and subjects in no subject set are warnings.
/// </summary>
public static class ConsentImporter
{
    private const int WarningLines = 10;

    private static readonly (byte[] Utf8, LawfulBasis Basis)[] BasisNames =
        [.. Enum.GetValues<LawfulBasis>().Select(b => (Encoding.UTF8.GetBytes(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(b.ToString())), b))];

    public static ConsentImport Read(ConsentImportRequest request, SubjectPseudonymizer pseudonymizer)
    {
        var clock = Stopwatch.StartNew();
        foreach (var field in request.Mapping.Keys)
        {
            if (!ConsentFields.All.Contains(field))
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.UnknownField(field));
            }
        }
        var rows = ExportRows.Open(request.Path, request.Format ?? ExportFormats.Parse(null, request.Path), request.Delimiter);
        var file = rows.File;
        var columns = ConsentFields.All.ToDictionary(f => f, f => request.Mapping.GetValueOrDefault(f, f));
        int? Column(string field)
        {
            var index = rows.ColumnOf(columns[field]);
            if (index is null && (ConsentFields.Required.Contains(field) || request.Mapping.ContainsKey(field)))
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.NoColumn(file, field, columns[field], rows.Columns));
            }
            return index;
        }
        var subject = Column(ConsentFields.Subject)!.Value;
        var purpose = Column(ConsentFields.Purpose)!.Value;
        var granted = Column(ConsentFields.GrantedAt)!.Value;
        var basis = Column(ConsentFields.Basis);
        var expires = Column(ConsentFields.ExpiresAt);
        var withdrawn = Column(ConsentFields.WithdrawnAt);
        var evidenceDigest = Column(ConsentFields.EvidenceDigest);
        var evidencePath = Column(ConsentFields.EvidencePath);

        var errors = new List<string>();
        var errorCount = 0;
        void Error(string message)
        {
            if (++errorCount <= request.MaxErrorsShown)
            {
                errors.Add(message);
            }
        }
        var purposes = new PurposeMatcher(request.KnownPurposes);
        var evidenceFiles = new Dictionary<string, Digest?>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(request.Path))!;
        var accepted = new ImportedRows(rows.LineCount);
        while (rows.Next())
        {
            var line = rows.Line;
            var id = rows.Field(subject);
            if (id.IsEmpty)
            {
                Error(ConsentConnectorMessages.Missing(file, line, ConsentFields.Subject, columns[ConsentFields.Subject]));
                continue;
            }
            if (rows.Field(purpose).IsEmpty)
            {
                Error(ConsentConnectorMessages.Missing(file, line, ConsentFields.Purpose, columns[ConsentFields.Purpose]));
                continue;
            }
            if (!purposes.TryMatch(rows.Field(purpose), out var purposeText))
            {
                Error(ConsentConnectorMessages.UnknownPurpose(file, line, rows.Text(purpose), request.KnownPurposes));
                continue;
            }
            var lawfulBasis = LawfulBasis.Consent;
            if (basis is { } basisColumn && !rows.Field(basisColumn).IsEmpty && !TryBasis(rows.Field(basisColumn), out lawfulBasis))
            {
                Error(ConsentConnectorMessages.UnknownBasis(file, line, rows.Text(basisColumn)));
                continue;
            }
            if (!Time(rows, granted, ConsentFields.GrantedAt, line, Error, out var grantedAt) || grantedAt is null)
            {
                if (grantedAt is null && rows.Field(granted).IsEmpty)
                {
                    Error(ConsentConnectorMessages.Missing(file, line, ConsentFields.GrantedAt, columns[ConsentFields.GrantedAt]));
                }
                continue;
            }
            if (!Time(rows, expires, ConsentFields.ExpiresAt, line, Error, out var expiresAt) || !Time(rows, withdrawn, ConsentFields.WithdrawnAt, line, Error, out var withdrawnAt))
            {
                continue;
            }
            if (expiresAt < grantedAt)
            {
                Error(ConsentConnectorMessages.ExpiresBeforeGranted(file, line));
                continue;
            }
            if (withdrawnAt < grantedAt)
            {
                Error(ConsentConnectorMessages.WithdrawnBeforeGranted(file, line));
                continue;
            }
            Digest? evidence = null;
            if (evidenceDigest is { } digestColumn && !rows.Field(digestColumn).IsEmpty)
            {
                if (!Digest.TryParse(rows.Text(digestColumn), out var digest))
                {
                    Error(ConsentConnectorMessages.BadDigest(file, line, rows.Text(digestColumn)));
                    continue;
                }
                evidence = digest;
            }
            else if (evidencePath is { } pathColumn && !rows.Field(pathColumn).IsEmpty)
            {
                var path = rows.Text(pathColumn);
                if (!evidenceFiles.TryGetValue(path, out evidence))
                {
                    var full = Path.GetFullPath(path, folder);
                    evidence = File.Exists(full) ? Digest.Of(File.ReadAllBytes(full)) : null;
                    evidenceFiles[path] = evidence;
                }
                if (evidence is null)
                {
                    Error(ConsentConnectorMessages.NoEvidenceFile(file, line, path));
                    continue;
                }
            }
            accepted.Add(line, id, purposeText, lawfulBasis, grantedAt.Value, expiresAt, withdrawnAt, evidence);
        }
        if (errorCount > 0)
        {
            if (errorCount > errors.Count)
            {
                errors.Add(ConsentConnectorMessages.TooManyErrors(errors.Count, errorCount));
            }
            throw LineageHubException.InvalidInput($"{ConsentConnectorMessages.Refused(file, errorCount)}\n  {string.Join("\n  ", errors)}");
        }
        if (accepted.Count == 0)
        {
            throw LineageHubException.InvalidInput($"{file}: {ConsentConnectorMessages.EmptyFile}");
        }

        // After the whole file is checked, so a refused file costs no hashing; the rows hash in parallel.
        accepted.Pseudonymize(pseudonymizer);
        var batch = ConsentRecordBatch.Of(accepted, out var repeats);
        var warnings = new List<string>();
        warnings.AddRange(repeats.OrderBy(r => r.Repeat).Take(WarningLines).Select(r => ConsentConnectorMessages.Duplicate(file, accepted.LineOf(r.Repeat), accepted.LineOf(r.First))));
        if (repeats.Count > WarningLines)
        {
            warnings.Add($"{file}: {repeats.Count} duplicate records in all");
        }
        if (request.KnownSubject is { } known)
        {
            var unseen = Enumerable.Range(0, accepted.Count).Where(i => !known(accepted.SubjectOf(i))).ToArray();
            if (unseen.Length > 0)
            {
                warnings.Add(ConsentConnectorMessages.NeverSeen(file, unseen.Length, unseen.Take(WarningLines).Select(accepted.LineOf)));
            }
        }
        var fact = new ConsentBatch(batch.Root, batch.Count, request.Source, [.. purposes.Matched.Order(StringComparer.Ordinal)]);
        return new ConsentImport(batch, fact, accepted.Count, warnings, clock.Elapsed);
    }

    private static bool TryBasis(ReadOnlySpan<byte> text, out LawfulBasis basis)
    {
        // Most exports write the names exactly as the enum's snake case; only other spellings pay for normalising.
        foreach (var (utf8, value) in BasisNames)
        {
            if (text.SequenceEqual(utf8))
            {
                basis = value;
                return true;
            }
        }
        var name = Encoding.UTF8.GetString(text).Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        foreach (var value in Enum.GetValues<LawfulBasis>())
        {
            if (System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()) == name)
            {
                basis = value;
                return true;
            }
        }
        basis = LawfulBasis.Consent;
        return false;
    }

    // False when the column holds a bad time (the error is reported); true with null when it is empty or absent.
    private static bool Time(ExportRows rows, int? column, string field, long line, Action<string> error, out DateTimeOffset? time)
    {
        time = null;
        if (column is not { } index || rows.Field(index).IsEmpty)
        {
            return true;
        }
        switch (ZonedTime.TryParse(rows.Field(index), out var parsed))
        {
            case ZonedTime.Result.Ok:
                time = parsed;
                return true;
            case ZonedTime.Result.NoZone:
                error(ConsentConnectorMessages.NoZone(rows.File, line, field, rows.Text(index)));
                return false;
            default:
                error(ConsentConnectorMessages.BadTime(rows.File, line, field, rows.Text(index)));
                return false;
        }
    }
}
