namespace LineageHub.Core.Lineage.Diff;

/// <summary>What one entry of a lineage diff says changed.</summary>
public enum ChangeKind
{
    /// <summary>A job whose runs are upstream on the newer side only.</summary>
    JobAdded,

    /// <summary>A job whose runs are upstream on the older side only.</summary>
    JobRemoved,

    /// <summary>A dataset with versions upstream on the newer side only.</summary>
    DatasetAdded,

    /// <summary>A dataset with versions upstream on the older side only.</summary>
    DatasetRemoved,

    /// <summary>A run of a job on both sides reads a dataset only the newer run reads.</summary>
    InputAdded,

    /// <summary>A run of a job on both sides no longer reads a dataset the older run read.</summary>
    InputRemoved,

    /// <summary>A run of a job on both sides reads one dataset in place of another.</summary>
    InputSwapped,

    /// <summary>A dataset upstream on both sides, at different versions.</summary>
    Data,

    /// <summary>A job's runs on the two sides ran different code.</summary>
    Code,

    /// <summary>A job's runs on the two sides ran with a parameter added, removed or changed.</summary>
    Parameter,

    /// <summary>A job's runs on the two sides ran in an environment with a variable added, removed or changed.</summary>
    Environment,

    /// <summary>The two model versions' metric differs.</summary>
    Metric,

    /// <summary>The consent proof's outcome differs between the two sides.</summary>
    Consent,
}
