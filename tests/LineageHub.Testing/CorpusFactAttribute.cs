namespace LineageHub.Testing;

/// <summary>A fact over corpus files; reported as skipped, with the missing folder named, when the corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string folder)
    {
        Skip = Corpus.MissingReason(folder);
    }
}
