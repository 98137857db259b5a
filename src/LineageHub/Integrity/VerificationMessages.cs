namespace LineageHub.Integrity;

/// <summary>Every message scheduled and on-demand verification gives, in one place so tests assert on the same texts.</summary>
public static class VerificationMessages
{
    public static string LedgerOk(long entries, long heads, long nodes, long edges) =>
        $"the ledger verifies: {entries} entries, {heads} signed tree heads, {nodes} nodes and {edges} edges checked";

    public static string LedgerFailed(int problems) => $"the ledger does not verify: {problems} problem(s)";

    public static string HeadShrank(long now, long before) =>
        $"the newest signed tree head covers {now} entries, fewer than the {before} verified at the previous check (entries were removed)";

    public static string HeadRewritten(long size) =>
        $"the signed tree head at size {size} has a different root than at the previous check (the log was rewritten)";

    public static string HeadsInconsistent(long before, long now, string failure) =>
        $"the tree head of {now} entries is not consistent with the {before} verified at the previous check: {failure}";

    public static string StoreFailed(string reason) => $"the store could not be read: {reason}";

    public static string NotADatasetVersion(string id) => $"{id} is not a registered dataset version";

    public static string NoSuchDataset(string ns, string name) => $"no dataset {ns}/{name} is registered";

    public static string BadCron(string what, string cron, string reason) => $"Verification: the cron expression of {what}, '{cron}', is not valid: {reason}";

    public static string NoRootsConfigured => "scheduled dataset verification is off: no Verification:AllowedRoots is configured";

    public static string OneTarget => "give exactly one of --dataset, --version, --ledger and --all";

    public static string VerifyNowOneOf => "give exactly one of datasetVersion, dataset, ledger and all";
}
