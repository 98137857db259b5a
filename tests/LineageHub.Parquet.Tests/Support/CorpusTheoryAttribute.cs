namespace LineageHub.Parquet.Tests.Support;

/// <summary>A theory that is skipped, saying why, when the shared corpus is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (Corpus.ParquetTesting is null)
        {
            Skip = Corpus.MissingMessage;
        }
    }
}
