namespace LineageHub.Core.Snapshots;

/// <summary>The type tag of a canonical value: one ASCII byte written before the value's text (schema/snapshot.md).</summary>
public enum ValueTag : byte
{
    Null = (byte)'N',
    Boolean = (byte)'B',
    Number = (byte)'R',
    Date = (byte)'D',
    Timestamp = (byte)'T',
    String = (byte)'S',
    Json = (byte)'J',
    Binary = (byte)'X',
}
