namespace LineageHub.Security;

/// <summary>What an API key may do: readers and auditors read, auditors also re-verify the ledger, writers also register, admins do everything and manage keys.</summary>
public enum ApiRole
{
    Reader,
    Writer,
    Auditor,
    Admin,
}
