using Storyline.Ingest;
using Storyline.Text;
using Storyline.Training;

namespace Storyline.Benchmarks;

/// <summary>The BBC News corpus (2,225 real articles) from ../shared/data, read once per process.</summary>
internal static class Corpus
{
    public static string Folder =>
        SharedData.Data("corpus/bbc-news-2225/bbc") is { } path && Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException("../shared/data/corpus/bbc-news-2225 is needed for benchmarks; run from the repository with ../shared beside it.");

    // The five section folders: bbc/ also holds the corpus's README.TXT, which is not an article.
    private static readonly Lazy<IReadOnlyList<Article>> LazyArticles = new(() =>
        ArticleSource.Read(Directory.GetDirectories(Folder).Order(StringComparer.Ordinal)).OfType<ArticleRead>().Select(r => r.Article).ToList());

    public static IReadOnlyList<Article> Articles => LazyArticles.Value;

    public static long Characters => Articles.Sum(a => (long)a.Text.Length);
}
