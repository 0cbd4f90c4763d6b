using System.Runtime.InteropServices;

namespace Storyline.Stories;

/// <summary>The parameters of story clustering: one set for every corpus (tuned on ECB+ and NewsWCL50 together).</summary>
public sealed record StoryOptions
{
    /// <summary>An article joins the best story when their similarity reaches this; otherwise it starts a story.
    /// B-cubed F1 (ECB+ / NewsWCL50, default shuffle) by threshold: 0.20 → 0.856 / 0.882, 0.22 → 0.866 / 0.902,
    /// 0.25 → 0.873 / 0.886, 0.28 → 0.876 / 0.903, 0.30 → 0.873 / 0.903, 0.35 → 0.844 / 0.846; 0.25 has the best mean
    /// over six further orders (0.876 / 0.938). Below, look-alike events merge; above, outlets' takes split.
    /// With mentioned days as features and <see cref="StoryClusterer.Refine"/> repairing splits, 0.28 (with merge
    /// 0.6) is best: mean over six orders 0.888 / 0.980 against 0.884 / 0.974 at 0.25, NewsWCL50 0.954 at 0.30.</summary>
    public double JoinThreshold { get; init; } = 0.28;

    /// <summary>When an article is this similar to a second story too, the two stories merge: it links them. Merges
    /// cannot be undone by <see cref="StoryClusterer.Refine"/>, so they must be sure: 0.45 → 0.6 raised ECB+ (mean
    /// over six orders, join 0.25, with Refine) 0.882 → 0.884, NewsWCL50 unchanged 0.974; 0.7 gave 0.883.</summary>
    public double MergeThreshold { get; init; } = 0.6;

    /// <summary>Stories whose dates lie further than this from a dated article's date are not candidates.</summary>
    public int DateWindowDays { get; init; } = 7;

    /// <summary>Inside the window, similarity is scaled by 1 / (1 + days / this): a day apart costs little.</summary>
    public double DateScaleDays { get; init; } = 7;

    public double EntityWeight { get; init; } = 2.0;

    public double TermWeight { get; init; } = 1.0;

    public double NumberWeight { get; init; } = 1.5;

    /// <summary>Features of an article that are scored and enter its story's centroid (its strongest by weight · IDF;
    /// all still count towards document frequencies): bounds the cost of scoring one candidate, which dominated at
    /// 10k held (a BBC article has 300–600 features). 150 leaves B-cubed F1 unchanged on ECB+ (0.874 → 0.873) and
    /// NewsWCL50 (0.886 → 0.886; mean over 6 other orders 0.933 → 0.938); 100 or fewer starts to cost NewsWCL50.</summary>
    public int ArticleFeatures { get; init; } = 150;

    /// <summary>How many of the article's strongest features are looked up in the inverted index.</summary>
    public int QueryFeatures { get; init; } = 24;

    /// <summary>Stories kept per feature in the inverted index (the most recent): bounds the cost of a lookup.</summary>
    public int PostingLimit { get; init; } = 64;

    /// <summary>Candidate stories scored per article (those sharing the most looked-up features). 16 scores the same
    /// as 32 on both corpora (and 8 too): the right story is nearly always among the first.</summary>
    public int CandidateLimit { get; init; } = 16;

    /// <summary>Features kept in a story's centroid (the strongest): bounds the cost of scoring one candidate.</summary>
    public int CentroidFeatures { get; init; } = 400;

    /// <summary>Estimated Jaccard similarity of word 5-shingles above which an article is a copy of an earlier one.</summary>
    public double DuplicateSimilarity { get; init; } = 0.7;

    /// <summary>Articles kept per LSH bucket: bounds the cost when thousands of outlets carry one wire story.</summary>
    public int BucketLimit { get; init; } = 8;
}

/// <summary>Where one article went and why (the rule that decided, for tracing).</summary>
public readonly record struct StoryAssignment(int Story, double Score, string? CopyOf, string By)
{
    /// <summary>For "story/joined-and-merged": the story that merged into <see cref="Story"/> and no longer exists
    /// (a store that keeps memberships moves that story's articles over).</summary>
    public int? Absorbed { get; init; }
}

/// <summary>
/// Incremental story clustering. Each article (in arrival order) is checked for being a copy of an earlier article
/// (MinHash/LSH), then joins the most similar story among the candidates an inverted index gives, or starts a story;
/// when it is similar enough to two stories, they merge. Similarity is the cosine of (1 + ln tf) · kind weight · IDF
/// vectors (IDF from the document frequencies seen so far, applied at scoring time so early stories are scored with
/// today's statistics), scaled down by the distance in days between the article and the story.
/// <para>Cost of one <see cref="Add"/>: O(F log F) to weigh the article's F features, O(Q · P) to collect candidates
/// (Q = <see cref="StoryOptions.QueryFeatures"/> lookups, each at most P = <see cref="StoryOptions.PostingLimit"/>
/// stories), O(C · A) to score C = <see cref="StoryOptions.CandidateLimit"/> candidates (A = <see cref="StoryOptions.ArticleFeatures"/>), O(B · L) for copies
/// (B = 16 bands, L = <see cref="StoryOptions.BucketLimit"/>), and an amortised O(K log K) centroid trim
/// (K = <see cref="StoryOptions.CentroidFeatures"/>). None of these grows with the number of stories or articles
/// held; only memory does (one centroid per story, one signature per article).</para>
/// <para>The result depends on the order articles arrive in (each decision sees only what came before; a merge
/// repairs some early splits), never on thread count: feature extraction may run in parallel, <see cref="Add"/> is
/// called in one order. Not thread-safe.</para>
/// </summary>
public sealed class StoryClusterer(StoryOptions? options = null)
{
    private readonly StoryOptions _options = options ?? new StoryOptions();
    private readonly Dictionary<string, int>[] _featureIds = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly List<int> _documentFrequency = [];
    private readonly List<StoryState> _stories = [];
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly Dictionary<ulong, List<int>> _buckets = [];
    private readonly List<ArticleEntry> _articles = [];

    // Scratch space reused by every Add (the clusterer is single-threaded): per-feature IDF, weight · IDF, and the
    // order of the strongest features; the candidate tally.
    private double[] _idf = new double[256];
    private double[] _weighted = new double[256];
    private int[] _order = new int[256];
    private (double Key, int Id, int Index)[] _rank = new (double, int, int)[256];
    private readonly Dictionary<int, int> _hits = [];
    private readonly List<(int Hits, int Story)> _candidates = [];

    public StoryOptions Options => _options;

    /// <summary>Articles added so far.</summary>
    public int Count => _articles.Count;

    /// <summary>Adds one article; returns the story it joined (an index into the stories, see <see cref="StoryOf"/>).</summary>
    public StoryAssignment Add(ArticleFeatures article)
    {
        var vector = Weigh(article);
        var index = _articles.Count;
        var copy = FindOriginal(article.Signature);
        StoryAssignment assignment;
        if (copy >= 0)
        {
            // A copy joins its original's story and counts once: it does not add weight to the centroid.
            var story = Find(_articles[copy].Story);
            assignment = new StoryAssignment(story, 1, _articles[copy].Id, "story/copy");
            _stories[story].Add(index, article.Date);
        }
        else
        {
            var scored = vector;
            var norm = Prepare(vector);
            var query = Strongest(vector);
            if (vector.Count > _options.ArticleFeatures)
            {
                scored = Keep(vector, _options.ArticleFeatures);
                norm = Prepare(scored);
                query = Math.Min(query, scored.Count);
                for (var i = 0; i < scored.Count; i++)
                {
                    _order[i] = i;
                }
            }
            var (best, bestScore, second, secondScore) = BestCandidates(scored, norm, query, article.Date);
            int story;
            if (best >= 0 && bestScore >= _options.JoinThreshold)
            {
                story = best;
                var by = "story/joined";
                int? absorbed = null;
                if (second >= 0 && secondScore >= _options.MergeThreshold)
                {
                    story = Merge(best, second);
                    absorbed = story == best ? second : best;
                    by = "story/joined-and-merged";
                }

                assignment = new StoryAssignment(story, bestScore, null, by) { Absorbed = absorbed };
            }
            else
            {
                story = _stories.Count;
                _stories.Add(new StoryState(story));
                assignment = new StoryAssignment(story, bestScore, null, "story/new");
            }

            var state = _stories[story];
            state.Add(index, article.Date);
            state.AddToCentroid(scored, _options.CentroidFeatures);
            Index(scored, query, story);
        }

        foreach (var (id, _) in vector)
        {
            _documentFrequency[id]++;
        }

        _articles.Add(new ArticleEntry(article.ArticleId, assignment.Story, copy >= 0 ? _articles[copy].Original : index, article.Signature)
        {
            Vector = copy >= 0 ? null : vector.Count > _options.ArticleFeatures ? Keep(vector, _options.ArticleFeatures) : vector,
            Date = article.Date,
        });
        IndexSignature(article.Signature, index);
        return assignment;
    }

    /// <summary>The story an article is in now (stories merge, so ask after the last <see cref="Add"/>).</summary>
    public int StoryOf(int articleIndex) => Find(_articles[articleIndex].Story);

    /// <summary>The article an article copies (itself when it is an original).</summary>
    public string OriginalOf(int articleIndex) => _articles[_articles[articleIndex].Original].Id;

    /// <summary>The stories as lists of article indexes in arrival order, largest first, then by first article.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Stories()
    {
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < _articles.Count; i++)
        {
            var story = Find(_articles[i].Story);
            if (!groups.TryGetValue(story, out var list))
            {
                groups[story] = list = [];
            }

            list.Add(i);
        }

        return [.. groups.Values.OrderByDescending(g => g.Count).ThenBy(g => g[0])];
    }

    /// <summary>
    /// A second look once a batch is in: each original article, in arrival order, is taken out of its story and placed
    /// again against every story as it now stands (today's IDF, centroids built from articles that came after it); it
    /// moves when another story scores higher than its own and reaches the join threshold; its copies move with it.
    /// Early articles were placed against a handful of stories and statistics from few documents; this repairs those
    /// decisions without rerunning the batch. Cost: one <see cref="Add"/>'s scoring per article and round, so O(N) for
    /// N articles, deterministic. Stories emptied by moves stay empty. <see cref="Add"/> may continue afterwards.
    /// Returns how many articles moved. The store's incremental path does not call it (its placements are final).
    /// </summary>
    public int Refine(int rounds = 1)
    {
        var moved = 0;
        for (var round = 0; round < rounds; round++)
        {
            var movedThisRound = 0;
            for (var i = 0; i < _articles.Count; i++)
            {
                var entry = _articles[i];
                if (entry.Vector is not { Count: > 0 } vector || entry.Original != i)
                {
                    continue;
                }

                var own = Find(entry.Story);
                var ownState = _stories[own];
                ownState.Subtract(vector);
                var norm = Prepare(vector);
                var query = Strongest(vector);

                var (best, bestScore, _, _) = BestCandidates(vector, norm, query, entry.Date);
                var ownScore = ownState.Centroid.Count == 0 ? 0 : DateFactor(ownState, entry.Date) * Cosine(vector, norm, ownState);
                var target = best >= 0 && best != own && bestScore > ownScore && bestScore >= _options.JoinThreshold ? best : own;
                var state = _stories[target];
                state.AddToCentroid(vector, _options.CentroidFeatures);
                if (target == own)
                {
                    continue;
                }

                state.Add(i, entry.Date);
                Index(vector, query, target);
                movedThisRound++;
                for (var j = i; j < _articles.Count; j++)
                {
                    if (_articles[j].Original == i && Find(_articles[j].Story) == own)
                    {
                        _articles[j] = _articles[j] with { Story = target };
                    }
                }
            }

            moved += movedThisRound;
            if (movedThisRound == 0)
            {
                break;
            }
        }

        return moved;
    }

    private readonly record struct ArticleEntry(string Id, int Story, int Original, ulong[] Signature)
    {
        /// <summary>The scored features (null for a copy), kept for <see cref="Refine"/>.</summary>
        public List<(int Id, float Weight)>? Vector { get; init; }

        public DateOnly? Date { get; init; }
    }

    /// <summary>The article's features as (feature id, raw weight) with raw weight = (1 + ln tf) · kind weight,
    /// L2-normalised (document frequencies are counted after the article is placed).</summary>
    private List<(int Id, float Weight)> Weigh(ArticleFeatures article)
    {
        var vector = new List<(int, float)>(article.Features.Length);
        double norm = 0;
        foreach (var f in article.Features)
        {
            // One table per kind: no key string is built per feature (the old "e:" + key cost one allocation each).
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_featureIds[(int)f.Kind], f.Key, out var exists);
            if (!exists)
            {
                id = _documentFrequency.Count;
                _documentFrequency.Add(0);
            }

            var weight = (1 + Math.Log(f.Count)) * f.Kind switch
            {
                FeatureKind.Entity => _options.EntityWeight,
                FeatureKind.Number => _options.NumberWeight,
                _ => _options.TermWeight,
            };
            vector.Add((id, (float)weight));
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < vector.Count; i++)
        {
            vector[i] = (vector[i].Item1, (float)(vector[i].Item2 / norm));
        }

        return vector;
    }

    /// <summary>The <paramref name="limit"/> strongest features (in <see cref="_order"/>), strongest first, their raw
    /// weights L2-normalised again.</summary>
    private List<(int Id, float Weight)> Keep(List<(int Id, float Weight)> vector, int limit)
    {
        var kept = new List<(int Id, float Weight)>(limit);
        double norm = 0;
        for (var i = 0; i < limit; i++)
        {
            var f = vector[_order[i]];
            kept.Add(f);
            norm += (double)f.Weight * f.Weight;
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < kept.Count; i++)
        {
            kept[i] = (kept[i].Id, (float)(kept[i].Weight / norm));
        }

        return kept;
    }

    /// <summary>IDF over the articles before this one, ln(1 + (N + 1) / (df + 1)): it never reaches zero, so in a
    /// small collection (two articles) a shared name still counts, only less than a name that nothing else has.</summary>
    private double Idf(int feature) => Math.Log(1 + (_articles.Count + 1.0) / (_documentFrequency[feature] + 1.0));

    /// <summary>Fills the scratch arrays with the article's side of the cosine under today's IDF (each logarithm
    /// computed once per article, not once per candidate) and returns its norm.</summary>
    private double Prepare(List<(int Id, float Weight)> vector)
    {
        if (_idf.Length < vector.Count)
        {
            var size = Math.Max(vector.Count, 2 * _idf.Length);
            _idf = new double[size];
            _weighted = new double[size];
            _order = new int[size];
            _rank = new (double, int, int)[size];
        }

        double norm = 0;
        for (var i = 0; i < vector.Count; i++)
        {
            var idf = Idf(vector[i].Id);
            _idf[i] = idf;
            _weighted[i] = vector[i].Weight * idf;
            norm += _weighted[i] * _weighted[i];
        }

        return Math.Sqrt(norm);
    }

    /// <summary>Puts the indexes of the article's strongest features first in <see cref="_order"/> (by weight · IDF,
    /// ties by feature id, so the choice does not depend on the order features come in); returns how many of them
    /// are looked up and indexed (at most <see cref="StoryOptions.QueryFeatures"/>).</summary>
    private int Strongest(List<(int Id, float Weight)> vector)
    {
        var n = vector.Count;
        for (var i = 0; i < n; i++)
        {
            _rank[i] = (-_weighted[i], vector[i].Id, i);
        }

        Array.Sort(_rank, 0, n);
        for (var i = 0; i < n; i++)
        {
            _order[i] = _rank[i].Index;
        }

        return Math.Min(_options.QueryFeatures, n);
    }

    private (int Best, double BestScore, int Second, double SecondScore) BestCandidates(List<(int Id, float Weight)> vector, double norm, int query, DateOnly? date)
    {
        if (vector.Count == 0)
        {
            return (-1, 0, -1, 0);
        }

        _hits.Clear();
        for (var q = 0; q < query; q++)
        {
            if (!_postings.TryGetValue(vector[_order[q]].Id, out var stories))
            {
                continue;
            }

            var last = -1;
            foreach (var s in stories)
            {
                var story = Find(s);
                if (story != last)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(_hits, story, out _)++;
                    last = story;
                }
            }
        }

        // The candidates: the stories sharing the most looked-up features (ties: the older story), at most C.
        _candidates.Clear();
        foreach (var (story, count) in _hits)
        {
            _candidates.Add((-count, story));
        }

        _candidates.Sort();
        int best = -1, second = -1;
        double bestScore = 0, secondScore = 0;
        for (var c = 0; c < _candidates.Count && c < _options.CandidateLimit; c++)
        {
            var story = _candidates[c].Story;
            var state = _stories[story];
            var factor = DateFactor(state, date);
            if (factor <= 0)
            {
                continue;
            }

            var score = factor * Cosine(vector, norm, state);
            if (score > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (story, score);
            }
            else if (score > secondScore)
            {
                (second, secondScore) = (story, score);
            }
        }

        return (best, bestScore, second, secondScore);
    }

    private double DateFactor(StoryState story, DateOnly? date)
    {
        if (date is not { } d || story.First is not { } first || story.Last is not { } last)
        {
            return 1;
        }

        var days = d < first ? first.DayNumber - d.DayNumber : d > last ? d.DayNumber - last.DayNumber : 0;
        return days > _options.DateWindowDays ? 0 : 1 / (1 + days / _options.DateScaleDays);
    }

    private double Cosine(List<(int Id, float Weight)> vector, double articleNorm, StoryState story)
    {
        // The story's norm under today's IDF, cached until the story changes or the collection grows by a tenth.
        if (story.NormVersion != story.Version || _articles.Count > story.NormArticles * 1.1 + 10)
        {
            double n = 0;
            foreach (var (id, w) in story.Centroid)
            {
                var v = w * Idf(id);
                n += v * v;
            }

            story.Norm = Math.Sqrt(n);
            story.NormVersion = story.Version;
            story.NormArticles = _articles.Count;
        }

        if (story.Norm == 0 || articleNorm == 0)
        {
            return 0;
        }

        double dot = 0;
        var centroid = story.Centroid;
        for (var i = 0; i < vector.Count; i++)
        {
            if (centroid.TryGetValue(vector[i].Id, out var c))
            {
                dot += _weighted[i] * c * _idf[i];
            }
        }

        return dot / (articleNorm * story.Norm);
    }

    private void Index(List<(int Id, float Weight)> vector, int query, int story)
    {
        for (var k = 0; k < query; k++)
        {
            var id = vector[_order[k]].Id;
            if (!_postings.TryGetValue(id, out var list))
            {
                _postings[id] = list = [];
            }

            if (list.Count > 0 && list[^1] == story)
            {
                continue;
            }

            list.Add(story);
            if (list.Count >= 2 * _options.PostingLimit)
            {
                list.RemoveRange(0, list.Count - _options.PostingLimit);
            }
        }
    }

    private int Merge(int into, int from)
    {
        var a = _stories[into];
        var b = _stories[from];
        // The older story survives, so story numbers stay in order of first appearance.
        if (b.Id < a.Id)
        {
            (a, b) = (b, a);
        }

        a.Absorb(b, _options.CentroidFeatures);
        b.Forward = a.Id;
        return a.Id;
    }

    private int Find(int story)
    {
        var root = story;
        while (_stories[root].Forward >= 0)
        {
            root = _stories[root].Forward;
        }

        while (_stories[story].Forward >= 0)
        {
            var next = _stories[story].Forward;
            _stories[story].Forward = root;
            story = next;
        }

        return root;
    }

    private int FindOriginal(ulong[] signature)
    {
        if (signature.Length == 0 || signature[0] == ulong.MaxValue)
        {
            return -1;
        }

        var original = -1;
        for (var band = 0; band < MinHash.Bands; band++)
        {
            if (!_buckets.TryGetValue(MinHash.BandKey(signature, band), out var bucket))
            {
                continue;
            }

            foreach (var other in bucket)
            {
                var root = _articles[other].Original;
                if ((original < 0 || root < original)
                    && MinHash.Similarity(signature, _articles[other].Signature) >= _options.DuplicateSimilarity)
                {
                    original = root;
                }
            }
        }

        return original;
    }

    private void IndexSignature(ulong[] signature, int index)
    {
        if (signature.Length == 0 || signature[0] == ulong.MaxValue)
        {
            return;
        }

        for (var band = 0; band < MinHash.Bands; band++)
        {
            var key = MinHash.BandKey(signature, band);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                _buckets[key] = bucket = [];
            }

            // A full bucket already holds enough copies to recognise the next one.
            if (bucket.Count < _options.BucketLimit)
            {
                bucket.Add(index);
            }
        }
    }

    private sealed class StoryState(int id)
    {
        public int Id { get; } = id;
        public int Forward { get; set; } = -1;
        public Dictionary<int, float> Centroid { get; } = [];
        public DateOnly? First { get; private set; }
        public DateOnly? Last { get; private set; }
        public int Version { get; private set; }
        public int NormVersion { get; set; } = -1;
        public int NormArticles { get; set; }
        public double Norm { get; set; }

        public void Add(int article, DateOnly? date)
        {
            _ = article;
            if (date is { } d)
            {
                First = First is { } f && f < d ? f : d;
                Last = Last is { } l && l > d ? l : d;
            }
        }

        public void AddToCentroid(List<(int Id, float Weight)> vector, int limit)
        {
            foreach (var (id, w) in vector)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(Centroid, id, out _) += w;
            }

            Trim(limit);
            Version++;
        }

        /// <summary>Takes an article's features back out (those the trim kept).</summary>
        public void Subtract(List<(int Id, float Weight)> vector)
        {
            foreach (var (id, w) in vector)
            {
                if (Centroid.TryGetValue(id, out var c))
                {
                    if (c - w <= 1e-6f)
                    {
                        Centroid.Remove(id);
                    }
                    else
                    {
                        Centroid[id] = c - w;
                    }
                }
            }

            Version++;
        }

        public void Absorb(StoryState other, int limit)
        {
            foreach (var (id, w) in other.Centroid)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(Centroid, id, out _) += w;
            }

            if (other.First is { } f)
            {
                Add(-1, f);
            }

            if (other.Last is { } l)
            {
                Add(-1, l);
            }

            other.Centroid.Clear();
            Trim(limit);
            Version++;
        }

        /// <summary>Keeps the strongest features once the centroid is twice the limit (amortised O(1) per feature).</summary>
        private void Trim(int limit)
        {
            if (Centroid.Count < 2 * limit)
            {
                return;
            }

            var keep = Centroid.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(limit).ToList();
            Centroid.Clear();
            foreach (var (id, w) in keep)
            {
                Centroid[id] = w;
            }
        }
    }
}
