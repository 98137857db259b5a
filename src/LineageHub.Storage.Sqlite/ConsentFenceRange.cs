namespace LineageHub.Storage.Sqlite;

/// <summary>
/// The stretch of a consent batch's records blob where a subject's records can be: bytes
/// [<paramref name="Start"/>, <paramref name="End"/>), which hold <paramref name="Records"/> records and
/// begin at fence <paramref name="FirstFence"/>; fence <paramref name="EndFence"/> (when there is one)
/// names the record right after.
/// </summary>
internal readonly record struct ConsentFenceRange(int FirstFence, int EndFence, long Start, long End, long Records)
{
    public bool IsEmpty => Records == 0;
}
