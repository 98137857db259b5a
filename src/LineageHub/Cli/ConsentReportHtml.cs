using System.Globalization;
using System.Net;
using System.Text;
using LineageHub.Core.Evidence;

namespace LineageHub.Cli;

/// <summary>The human-readable report of a bundle, for the regulator: the summary first, then each source, then the violations.</summary>
public static class ConsentReportHtml
{
    /// <summary>At most this many violations are listed; the bundle holds them all.</summary>
    public const int MaxListed = 10_000;

    public static string Render(EvidenceBundle bundle)
    {
        var v = bundle.Verdict;
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Consent proof</title>\n");
        html.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px;text-align:left}.pass{color:#060}.fail,.cannot_prove{color:#a00}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Consent proof: <span class=\"{E(v.Outcome)}\">{E(v.Outcome.Replace('_', ' ').ToUpperInvariant())}</span></h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Summary</h2>\n<table><tr><th>Model version</th><td>{E(v.ModelVersion)}</td></tr><tr><th>Purpose</th><td>{E(v.Purpose)}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Judged at (training run start)</th><td>{E(v.DecisionTime?.ToString("u", CultureInfo.InvariantCulture))}</td></tr><tr><th>Subjects checked</th><td>{v.SubjectsChecked:N0}</td></tr><tr><th>Violations</th><td>{v.Violations.Count:N0}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Ledger</th><td>first {bundle.Question.LedgerSize:N0} entries; signed tree head of size {bundle.TreeHead.Size:N0}, root {E(bundle.TreeHead.Root.ToString())}, key {E(bundle.TreeHead.KeyId)}</td></tr></table>\n");
        foreach (var problem in v.Problems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"cannot_prove\">{E(problem)}</p>\n");
        }
        html.Append("<h2>Sources</h2>\n<table><tr><th>Source</th><th>Dataset version</th><th>Basis</th><th>Subjects</th><th>Covered</th><th>None</th><th>Expired</th><th>Withdrawn</th><th>Wrong purpose</th></tr>\n");
        foreach (var s in v.Sources)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Source)}</td><td>{E(s.DatasetVersion)}</td><td>{E(s.Basis)}{(s.Declaration is null ? "" : $" ({E(s.Declaration)})")}</td><td>{s.Subjects:N0}</td><td>{s.Covered:N0}</td><td>{s.None:N0}</td><td>{s.Expired:N0}</td><td>{s.Withdrawn:N0}</td><td>{s.WrongPurpose:N0}</td></tr>\n");
        }
        html.Append("</table>\n<h2>Violations</h2>\n");
        if (v.Violations.Count > MaxListed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>The first {MaxListed:N0} of {v.Violations.Count:N0}; the bundle lists them all.</p>\n");
        }
        html.Append("<table><tr><th>Subject (pseudonym)</th><th>Source</th><th>Dataset version</th><th>Why</th></tr>\n");
        foreach (var violation in v.Violations.Take(MaxListed))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(violation.Subject)}</code></td><td>{E(violation.Source)}</td><td>{E(violation.DatasetVersion)}</td><td>{E(violation.Reason.ToString())}</td></tr>\n");
        }
        html.Append("</table>\n<p>Check the bundle yourself: <code>lineagehub evidence verify BUNDLE --public-key KEY.pem</code>; spot-check subjects one by one, each with its own proof: <code>lineagehub evidence verify BUNDLE --sample 20 --challenge TEXT</code>.</p>\n</body></html>\n");
        return html.ToString();
    }
}
