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
        var purposes = new Dictionary<string, string>(StringComparer.Ordinal);
        var evidenceFiles = new Dictionary<string, Digest?>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(request.Path))!;
        var records = new List<ConsentRecord>();
        var lines = new List<long>();
        while (rows.Next())
        {
            var line = rows.Line;
            var id = rows.Field(subject);
            if (id.IsEmpty)
            {
                Error(ConsentConnectorMessages.Missing(file, line, ConsentFields.Subject, columns[ConsentFields.Subject]));
                continue;
            }
            var purposeText = Intern(purposes, rows.Field(purpose));
            if (purposeText.Length == 0)
            {
                Error(ConsentConnectorMessages.Missing(file, line, ConsentFields.Purpose, columns[ConsentFields.Purpose]));
                continue;
            }
            if (!request.KnownPurposes.Contains(purposeText) || Encoding.UTF8.GetByteCount(purposeText) > ConsentRecordCodec.MaxPurposeBytes)
            {
                Error(ConsentConnectorMessages.UnknownPurpose(file, line, purposeText, request.KnownPurposes));
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
            records.Add(new ConsentRecord(pseudonymizer.Pseudonymize(id), purposeText, lawfulBasis, grantedAt.Value, expiresAt, withdrawnAt, evidence));
            lines.Add(line);
        }
        if (errorCount > 0)
        {
            if (errorCount > errors.Count)
            {
                errors.Add(ConsentConnectorMessages.TooManyErrors(errors.Count, errorCount));
            }
            throw LineageHubException.InvalidInput($"{ConsentConnectorMessages.Refused(file, errorCount)}\n  {string.Join("\n  ", errors)}");
        }
        if (records.Count == 0)
        {
            throw LineageHubException.InvalidInput($"{file}: {ConsentConnectorMessages.EmptyFile}");
        }

        var batch = ConsentRecordBatch.Of(records, out var repeats);
        var warnings = new List<string>();
        warnings.AddRange(repeats.OrderBy(r => r.Repeat).Take(WarningLines).Select(r => ConsentConnectorMessages.Duplicate(file, lines[r.Repeat], lines[r.First])));
        if (repeats.Count > WarningLines)
        {
            warnings.Add($"{file}: {repeats.Count} duplicate records in all");
        }
        if (request.KnownSubject is { } known)
        {
            var unseen = Enumerable.Range(0, records.Count).Where(i => !known(records[i].Subject)).ToArray();
            if (unseen.Length > 0)
            {
                warnings.Add(ConsentConnectorMessages.NeverSeen(file, unseen.Length, unseen.Take(WarningLines).Select(i => lines[i])));
            }
        }
        var fact = new ConsentBatch(batch.Root, batch.Count, request.Source, [.. purposes.Values.Where(request.KnownPurposes.Contains).Order(StringComparer.Ordinal)]);
        return new ConsentImport(batch, fact, records.Count, warnings, clock.Elapsed);
    }

    private static string Intern(Dictionary<string, string> purposes, ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (!purposes.TryGetValue(text, out var interned))
        {
            purposes[text] = interned = text;
        }
        return interned;
    }

    private static bool TryBasis(ReadOnlySpan<byte> text, out LawfulBasis basis)
    {
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
