using Storyline.Text;

namespace Storyline.Ingest;

/// <summary>What reading one input gave: an article, or an error that names the input. Bad input is a value, not an exception.</summary>
public abstract record ReadResult(string Source);

public sealed record ArticleRead(Article Article) : ReadResult(Article.Metadata.Source);

/// <summary>An input that could not be read as an article, with the reason a person can act on.</summary>
public sealed record ReadError(string Source, string Error) : ReadResult(Source);
