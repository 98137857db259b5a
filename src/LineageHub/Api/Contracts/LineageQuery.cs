using System.Globalization;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;

namespace LineageHub.Api.Contracts;

/// <summary>A lineage question as the CLI and the HTTP API take it; <see cref="AsOf"/> is a ledger size or an ISO-8601 time with a zone.</summary>
public sealed record LineageQuery(string Start, string Direction = "upstream", int? Depth = null, int? MaxNodes = null, string? AsOf = null, string? EdgeKinds = null, double? TimeoutSeconds = null)
{
    public TraversalRequest ToRequest()
    {
        var request = new TraversalRequest(NodeKey.Parse(Start))
        {
            Direction = Direction.ToLowerInvariant() switch
            {
                "upstream" or "up" => LineageDirection.Upstream,
                "downstream" or "down" => LineageDirection.Downstream,
                "both" => LineageDirection.Both,
                _ => throw LineageHubException.InvalidInput($"direction must be upstream, downstream or both, got '{Direction}'"),
            },
            MaxDepth = Depth ?? int.MaxValue,
            MaxNodes = MaxNodes ?? TraversalRequest.DefaultMaxNodes,
            Timeout = TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TraversalRequest.DefaultTimeout,
            AsOf = AsOf is null ? null : ParsePosition(AsOf),
            EdgeKinds = EdgeKinds is null ? null : ParseKinds(EdgeKinds),
        };
        request.Validate();
        return request;
    }

    public static LedgerPosition ParsePosition(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return LedgerPosition.AtSize(size);
        }
        // A time must carry its zone: "as of 09:00" means nothing to an auditor without one.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && HasZone(text))
        {
            return LedgerPosition.AtTime(time);
        }
        throw LineageHubException.InvalidInput($"as-of must be a ledger size or an ISO-8601 time with a zone (2026-05-01T09:00:00Z), got '{text}'");
    }

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static HashSet<EdgeKind> ParseKinds(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
            EdgeRules.TryParse(name.ToUpperInvariant(), out var kind) ? kind : throw LineageHubException.InvalidInput($"unknown edge kind '{name}'"))];
}
