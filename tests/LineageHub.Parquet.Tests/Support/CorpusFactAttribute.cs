namespace LineageHub.Parquet.Tests.Support;

/// <summary>A fact that is skipped, saying why, when the shared corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.ParquetTesting is null)
        {
            Skip = Corpus.MissingMessage;
        }
    }
}
