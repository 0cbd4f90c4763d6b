using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>
/// Finds direct quotes (between quotation marks) and reported speech ("Peskov said the idea …") in the content of
/// an article, with the cue, the speaker mention, the addressee or medium and the date words of each. Works
/// paragraph by paragraph in one pass over the text: every window it looks at is bounded by its neighbours and a
/// fixed number of tokens, so the time is linear in the text whatever the marks (unbalanced, 10,000 of them).
/// Speaker ids are not set here; <see cref="QuoteStage"/> resolves them against the article's entities.
/// </summary>
public static class QuoteFinder
{
    /// <summary>Speaker phrases are short: 99% of PolNeAR train sources next to a direct quote have at most 9 words.</summary>
    private const int MaxSpeakerWords = 9;

    /// <summary>How far after a closing mark (in tokens) the cue of "…," he said may start.</summary>
    private const int MaxCueDistanceAfter = 12;

    public static ImmutableArray<Quote> Find(string text, IEnumerable<TextSpan> regions, CancellationToken cancellationToken = default)
    {
        var quotes = new List<Quote>();
        var paragraphs = new List<TextSpan>();
        foreach (var region in regions)
        {
            paragraphs.Clear();
            Paragraphs(text, region, paragraphs);
            var state = new ParagraphState { Pending = -1 };
            for (var p = 0; p < paragraphs.Count; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = p + 1 < paragraphs.Count ? paragraphs[p + 1] : (TextSpan?)null;
                new ParagraphReader(text, paragraphs[p], next, quotes).Read(ref state);
            }
        }

        quotes.Sort((a, b) => a.Span.CompareTo(b.Span));
        return [.. quotes];
    }

    /// <summary>Lines with something on them; a quote never crosses a line end (PolNeAR: 0 of 4,449 direct quotes do).</summary>
    private static void Paragraphs(string text, TextSpan region, List<TextSpan> into)
    {
        var start = region.Start;
        for (var i = region.Start; i <= region.End; i++)
        {
            if (i == region.End || text[i] is '\n' or '\r' or '\u2029')
            {
                var s = start;
                var e = i;
                while (s < e && char.IsWhiteSpace(text[s]))
                {
                    s++;
                }

                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }

                if (e > s)
                {
                    into.Add(new TextSpan(s, e));
                }

                start = i + 1;
            }
        }
    }

    /// <summary>What one paragraph hands to the next: the attribution a continuation quote inherits.</summary>
    private struct ParagraphState
    {
        public Attribution? Last;
        public bool EndsInsideQuote;
        public bool EndsWithColon;

        /// <summary>Index in the output of an unattributed quote that makes up the previous paragraph, or -1: the
        /// next paragraph's attribution may be its own ("…" ¶ "…," Viguerie notes.).</summary>
        public int Pending;
    }

    /// <summary>Who said it and how, as found around one quote.</summary>
    private sealed record Attribution(TextSpan? Speaker, TextSpan? Cue, TextSpan? Addressee, TextSpan? Date, string By)
    {
        public bool Colon { get; init; }
    }

    /// <summary>A quoted stretch of one paragraph: token indices of its marks (Close = -1 when the paragraph ends first).</summary>
    private readonly record struct Segment(int Open, int Close, bool ContinuesNext);

    private sealed class ParagraphReader(string text, TextSpan paragraph, TextSpan? next, List<Quote> quotes)
    {
        private readonly List<Tok> t = new();
        private readonly List<Segment> segments = new();

        /// <summary>Per token: the index of the segment it lies in (marks included), or -1.</summary>
        private int[] inside = [];

        public void Read(ref ParagraphState state)
        {
            QuoteTokens.Tokenize(text, paragraph.Start, paragraph.End, t);
            inside = new int[t.Count];
            Array.Fill(inside, -1);
            FindSegments();

            var accepted = new List<(Segment Segment, Attribution? Attribution)>();
            Attribution? previous = null;
            var first = true;
            foreach (var segment in segments)
            {
                var attribution = Attribute(segment, previous, first ? state : default, out var accept);
                first = false;
                if (!accept)
                {
                    continue;
                }

                accepted.Add((segment, attribution));
                if (attribution is { Cue: not null } or { Speaker: not null })
                {
                    previous = attribution;
                }
            }

            if (state.Pending >= 0 && accepted.Count > 0 && accepted[0].Segment.Open == 0
                && accepted[0].Attribution is { By: "speaker/cue-after-quote" or "speaker/subject-after-quote" } forward)
            {
                // PolNeAR train: a paragraph-long quote with no cue takes the speaker of the quote that opens the
                // next paragraph and names its speaker after it; the annotators join both into one attribution.
                var q = quotes[state.Pending];
                quotes[state.Pending] = q with
                {
                    SpeakerSpan = forward.Speaker, Cue = text.Substring(forward.Cue!.Value.Start, forward.Cue.Value.Length),
                    By = "speaker/continuation-before-next", CueSpan = forward.Cue, AddresseeSpan = forward.Addressee, DateSpan = forward.Date,
                };
            }

            var pending = -1;
            foreach (var (segment, attribution) in accepted)
            {
                pending = attribution is null && segment.Open == 0 ? quotes.Count : -1;
                Emit(segment, attribution);
            }

            var reported = FindReportedSpeech(accepted);
            state = new ParagraphState
            {
                Pending = pending,
                Last = previous ?? reported,
                EndsInsideQuote = segments.Count > 0 && segments[^1].ContinuesNext,
                EndsWithColon = t.Count > 0 && QuoteTokens.Is(text, t[^1], ':'),
            };
            if (state.EndsWithColon)
            {
                state.Last = ColonIntroduction(t.Count - 1, 0) ?? state.Last;
            }
        }

        private void Emit(Segment segment, Attribution? a)
        {
            var start = t[segment.Open].Start;
            var end = segment.Close >= 0 ? t[segment.Close].End : paragraph.End;
            quotes.Add(new Quote(new TextSpan(start, end), Direct: true, Speaker: null, a?.Speaker,
                a?.Cue is { } cue ? text.Substring(cue.Start, cue.Length) : null, a?.By ?? "quote/unattributed")
            {
                CueSpan = a?.Cue,
                AddresseeSpan = a?.Addressee,
                DateSpan = a?.Date,
            });
        }

        // ---------------------------------------------------------------- marks

        /// <summary>Pairs the marks left to right. A straight mark opens when nothing is open and text follows it,
        /// otherwise closes; an opening curly mark while a quote is open means the earlier one was never closed, so
        /// it is dropped and the new one opens. A quote still open at the paragraph end runs to the end, and
        /// continues in the next paragraph when that one opens with a mark (the news convention for long quotes).</summary>
        private void FindSegments()
        {
            var open = -1;
            for (var k = 0; k < t.Count; k++)
            {
                var tok = t[k];
                if (!QuoteTokens.IsMark(tok))
                {
                    continue;
                }

                if (open < 0)
                {
                    // A closing curly mark that opens a paragraph opens a quote: a typo of some copy ("”Fear. I am truly
                    // afraid…” ― Edwin G. Monroy"); PolNeAR dev: 7 quotes missed, train: 1.
                    if (tok.Kind == TokKind.OpenMark || (tok.Kind == TokKind.EitherMark && CanOpen(tok)) || (tok.Kind == TokKind.CloseMark && k == 0))
                    {
                        open = k;
                    }
                }
                else if (tok.Kind == TokKind.OpenMark)
                {
                    open = k;
                }
                else
                {
                    AddSegment(open, k, false);
                    open = -1;
                }
            }

            if (open >= 0)
            {
                AddSegment(open, -1, NextOpensWithMark());
            }
        }

        private bool CanOpen(Tok tok)
        {
            if (tok.End >= paragraph.End || char.IsWhiteSpace(text[tok.End]))
            {
                return false;
            }

            return tok.Start == paragraph.Start || !char.IsLetterOrDigit(text[tok.Start - 1]) || text[tok.Start - 1] == ':';
        }

        private void AddSegment(int open, int close, bool continuesNext)
        {
            var last = close >= 0 ? close : t.Count;
            var hasWord = false;
            for (var k = open + 1; k < last && !hasWord; k++)
            {
                hasWord = t[k].Kind == TokKind.Word;
            }

            if (!hasWord)
            {
                return;
            }

            for (var k = open; k < (close >= 0 ? close + 1 : t.Count); k++)
            {
                inside[k] = segments.Count;
            }

            segments.Add(new Segment(open, close, continuesNext));
        }

        private bool NextOpensWithMark() =>
            next is { } n && text[n.Start] is '“' or '"' or '„' or '«' or '\'';

        private int WordsIn(Segment s)
        {
            var words = 0;
            var last = s.Close >= 0 ? s.Close : t.Count;
            for (var k = s.Open + 1; k < last; k++)
            {
                if (t[k].Kind == TokKind.Word)
                {
                    words++;
                }
            }

            return words;
        }

        // ---------------------------------------------------------------- direct quotes

        private Attribution? Attribute(Segment s, Attribution? previousInParagraph, ParagraphState before, out bool accept)
        {
            var words = WordsIn(s);
            var opensParagraph = s.Open == 0;
            var midClause = !opensParagraph && IsMidClause(s.Open);
            var intro = opensParagraph ? null : CueBefore(s.Open);
            var after = s.Close >= 0 ? CueAfter(s.Close + 1) ?? Signature(s.Close + 1) : null;
            if (after is not null && s.Close > 0 && QuoteTokens.Is(text, t[s.Close - 1], '.') && (intro is not null || previousInParagraph is not null))
            {
                // "…end." He added, "…": a quote closed by a period ends its sentence; the clause after it belongs to
                // the next quote, and this one is attributed by what came before it.
                after = null;
            }

            accept = true;
            // A colon introduces the quote unless the quote ends in a comma and names its own speaker after it
            // ("…workplace: "…," the union wrote."): PolNeAR train: 17 more right speakers, 1 lost; dev: 1 more.
            if (intro is { Colon: true } && !(after is { Speaker: not null } && QuoteTokens.Is(text, t[s.Close - 1], ',')))
            {
                return intro;
            }

            if (midClause)
            {
                // A quote that opens in the middle of a clause ('the Kremlin is "positive" about') is a partial quote
                // or a scare quote: the statement is the reported speech around it.
                accept = false;
                return null;
            }

            if (after is not null)
            {
                return after;
            }

            if (intro is not null)
            {
                return intro;
            }

            // No cue of its own: a scare quote or a title ("Orange is the New Black" star) when short; a quote
            // that carries on the speaker of the one before when long.
            if (words < 3)
            {
                accept = false;
                return null;
            }

            if (previousInParagraph is not null)
            {
                return previousInParagraph with { By = "speaker/continuation-same-paragraph" };
            }

            if (!opensParagraph && PreviousSentence(s.Open) is { } told)
            {
                return told;
            }

            if (opensParagraph && before.Last is { } inherited)
            {
                return inherited with { By = before.EndsWithColon ? "speaker/colon-previous-paragraph" : "speaker/continuation-next-paragraph" };
            }

            accept = words >= 6;
            return null;
        }

        /// <summary>True when the opening mark follows a word of the same clause that is not a cue ("is "positive"").</summary>
        private bool IsMidClause(int open)
        {
            var k = open - 1;
            var tok = t[k];
            if (QuoteTokens.IsMark(tok) || QuoteTokens.IsSentenceEnd(text, tok, paragraph.End) || QuoteTokens.Is(text, tok, ':'))
            {
                return false;
            }

            if (QuoteTokens.Is(text, tok, ','))
            {
                // "He added, "…"" and "said Trump, "…"" introduce; "the sign, "…"" does not.
                for (var j = k - 1; j >= Math.Max(0, k - 5); j--)
                {
                    if (inside[j] >= 0 || QuoteTokens.IsSentenceEnd(text, t[j], paragraph.End))
                    {
                        break;
                    }

                    if (IsCue(j))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (tok.Kind == TokKind.Word)
            {
                // "Trump said "we will win"" and "told CNN "…"" introduce; "says the candidate has "…"" and
                // "said that "…"" do not: there the statement is the reported clause (PolNeAR: content starts at "the").
                if (IsCue(k))
                {
                    return false;
                }

                for (var j = k - 1; j >= Math.Max(0, k - 3); j--)
                {
                    if (t[j].Kind != TokKind.Word || inside[j] >= 0)
                    {
                        break;
                    }

                    if (IsTell(j))
                    {
                        return false;
                    }

                    if (!QuoteTokens.IsCapitalised(text, t[j + 1]) && !IsWord(j + 1, "reporters") && !IsWord(j + 1, "journalists"))
                    {
                        break;
                    }
                }
            }

            return true;
        }

        /// <summary>"…," Peskov said / "…," said Peskov / "…," he told reporters on Tuesday.</summary>
        private Attribution? CueAfter(int from)
        {
            var k = from;
            // A stray apostrophe after the closing mark is the end of a nested quote in wire copy that writes double marks
            // as two apostrophes (''…'The lesson…,''' he recalled): PolNeAR train has 9 such quotes left unattributed.
            while (k < t.Count && (QuoteTokens.Is(text, t[k], ',') || QuoteTokens.Is(text, t[k], '—') || QuoteTokens.Is(text, t[k], '–') || QuoteTokens.Is(text, t[k], '-')
                                   || QuoteTokens.Is(text, t[k], '\'') || QuoteTokens.Is(text, t[k], '’')))
            {
                k++;
            }

            var clauseEnd = ClauseEnd(k);
            if (k >= clauseEnd)
            {
                return null;
            }

            var last = Math.Min(clauseEnd, k + MaxCueDistanceAfter);
            for (var c = k; c < last; c++)
            {
                if (!IsCue(c, out var cueEnd))
                {
                    continue;
                }

                TextSpan? speaker;
                string by;
                if (c == k)
                {
                    speaker = ForwardPhrase(cueEnd, clauseEnd);
                    by = "speaker/cue-after-quote";
                }
                else
                {
                    speaker = SubjectBetween(k, c);
                    by = "speaker/subject-after-quote";
                    if (speaker is null)
                    {
                        // "…" income, he said: the words before the cue are no subject; the tail rule below reads the
                        // stretch after the last comma instead (PolNeAR train: 30 more right speakers, dev: 2).
                        break;
                    }
                }

                return Describe(speaker, c, cueEnd, clauseEnd, k, by);
            }

            return AppositiveSubjectAfter(k, clauseEnd) ?? TailAfter(k, clauseEnd);
        }

        /// <summary>"…" income, he said, rather than …: the quoted sentence goes on after the closing mark and its
        /// attribution closes a later comma's stretch (PolNeAR train: 9 quotes left without a speaker).</summary>
        private Attribution? TailAfter(int k, int clauseEnd)
        {
            if (k >= clauseEnd || clauseEnd - k > 40 || QuoteTokens.IsCapitalised(text, t[k]))
            {
                return null;
            }

            for (var comma = clauseEnd - 1; comma > k; comma--)
            {
                if (QuoteTokens.Is(text, t[comma], ',') && AttributionClause(comma + 1, NextComma(comma + 1, clauseEnd) is var n && n > 0 ? n : clauseEnd, k, "speaker/tail-after-quote") is { } tail)
                {
                    return tail;
                }
            }

            return null;
        }

        /// <summary>"…," Mr. Turry said. "…": a quote with no cue of its own after a sentence that ends in an attribution
        /// ("X said.", "…, he said in an interview.", "…, said Walter Stone, co-author of …") takes that speaker
        /// (PolNeAR train: 6 more quotes with the right speaker, dev: 2; it comes after the previous quote of the paragraph,
        /// whose attribution PolNeAR extends to the quotes that follow it).</summary>
        private Attribution? PreviousSentence(int open)
        {
            var end = open - 1;
            if (end <= 0 || !QuoteTokens.IsSentenceEnd(text, t[end], paragraph.End))
            {
                return null;
            }

            var start = end;
            while (start > 0 && end - start < 60 && inside[start - 1] < 0 && !QuoteTokens.IsSentenceEnd(text, t[start - 1], paragraph.End))
            {
                start--;
            }

            if (start > 0 && end - start >= 60)
            {
                return null;
            }

            for (var comma = end - 1; comma > start; comma--)
            {
                if (inside[comma] < 0 && QuoteTokens.Is(text, t[comma], ','))
                {
                    if (AttributionClause(comma + 1, end, start, "speaker/previous-sentence") is { } tail)
                    {
                        return tail;
                    }

                    break;
                }
            }

            return AttributionClause(start, end, start, "speaker/previous-sentence");
        }

        /// <summary>A clause that is only an attribution — "X said", "said X", "X, an adviser, said" — filling
        /// [from, end) but for a few words after the cue (a date, an addressee, "in a statement", "of the episode").
        /// <paramref name="subjectFrom"/> is where a subject read backwards from the cue may start.</summary>
        private Attribution? AttributionClause(int from, int end, int subjectFrom, string by)
        {
            while (from < end && (QuoteTokens.IsMark(t[from]) || QuoteTokens.Is(text, t[from], '\'') || QuoteTokens.Is(text, t[from], '’') || QuoteTokens.Is(text, t[from], ',')))
            {
                from++;
            }

            for (var c = from; c < Math.Min(end, from + MaxSpeakerWords + 1); c++)
            {
                if (inside[c] >= 0)
                {
                    return null;
                }

                if (!IsCue(c, out var cueEnd))
                {
                    continue;
                }

                var speaker = c == from ? ForwardPhrase(cueEnd, end) : SubjectBetween(from, c);
                var rest = cueEnd;
                if (c == from && speaker is { } forward)
                {
                    rest = TokenAfter(cueEnd, forward.End, end);
                }

                speaker ??= SubjectBefore(c, subjectFrom);
                if (speaker is null || CountWords(rest, end) > 6)
                {
                    return null;
                }

                for (var j = rest; j < end; j++)
                {
                    if (IsWord(j, "that") || IsCue(j) || inside[j] >= 0)
                    {
                        return null;
                    }
                }

                return Describe(speaker, c, cueEnd, end, subjectFrom, by);
            }

            return null;
        }

        /// <summary>"…," Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing over the rules,
        /// said: a name and a comma right after the quote, and a cue further on in the same clause than the usual window
        /// (PolNeAR train: 24 more quotes with the right speaker, dev: 5).</summary>
        private Attribution? AppositiveSubjectAfter(int k, int clauseEnd)
        {
            if (k >= clauseEnd || !QuoteTokens.IsCapitalised(text, t[k]) || !CanStartPhrase(k))
            {
                return null;
            }

            var comma = NextComma(k, Math.Min(clauseEnd, k + MaxSpeakerWords + 1));
            if (comma <= k)
            {
                return null;
            }

            for (var j = k; j < comma; j++)
            {
                if (t[j].Kind != TokKind.Word && !QuoteTokens.Is(text, t[j], '(') && !QuoteTokens.Is(text, t[j], ')') && !QuoteTokens.Is(text, t[j], '.'))
                {
                    return null;
                }
            }

            for (var c = comma + 1; c < Math.Min(clauseEnd, comma + 40); c++)
            {
                if (IsCue(c, out var cueEnd) && IsReporting(c))
                {
                    return Describe(new TextSpan(t[k].Start, t[comma - 1].End), c, cueEnd, clauseEnd, k, "speaker/appositive-subject-after-quote");
                }
            }

            return null;
        }

        /// <summary>"…" ― Karen Bobadilla: a dash and a name that end the paragraph sign the quote, as in vox-pop lists
        /// (PolNeAR dev: 18 quotes of one such list left without a speaker).</summary>
        private Attribution? Signature(int from)
        {
            if (from >= t.Count || !(QuoteTokens.Is(text, t[from], '―') || QuoteTokens.Is(text, t[from], '—') || QuoteTokens.Is(text, t[from], '–') || QuoteTokens.Is(text, t[from], '-')))
            {
                return null;
            }

            var first = from + 1;
            var last = t.Count;
            if (last > first && QuoteTokens.Is(text, t[last - 1], '.'))
            {
                last--;
            }

            if (last <= first || last - first > MaxSpeakerWords || !QuoteTokens.IsCapitalised(text, t[first]))
            {
                return null;
            }

            for (var k = first; k < last; k++)
            {
                if (t[k].Kind != TokKind.Word && !QuoteTokens.Is(text, t[k], ','))
                {
                    return null;
                }
            }

            return new Attribution(new TextSpan(t[first].Start, t[last - 1].End), new TextSpan(t[from].Start, t[from].End), null, null, "speaker/signature-after-quote");
        }

        /// <summary>Peskov said: "…" / He added, "…" / Trump told CNN "…" / according to Peskov, "…".</summary>
        private Attribution? CueBefore(int open)
        {
            var clauseStart = open;
            while (clauseStart > 0 && inside[clauseStart - 1] < 0 && !QuoteTokens.IsSentenceEnd(text, t[clauseStart - 1], paragraph.End))
            {
                clauseStart--;
            }

            if (clauseStart >= open)
            {
                return null;
            }

            var last = open - 1;
            if (QuoteTokens.Is(text, t[last], ':'))
            {
                return ColonIntroduction(last, clauseStart);
            }

            var end = QuoteTokens.Is(text, t[last], ',') ? last : open;
            for (var c = end - 1; c >= Math.Max(clauseStart, end - 6); c--)
            {
                if (!IsCue(c, out var cueEnd) || cueEnd > end)
                {
                    continue;
                }

                var speaker = cueEnd < end ? ForwardPhrase(cueEnd, end) : null;
                if (IsParticiple(c))
                {
                    // "Trump returned the compliment, telling Reuters, "…"": the subject of the main clause.
                    speaker = ClauseSubject(clauseStart, c);
                }
                else if (speaker is null || IsTell(c))
                {
                    speaker = SubjectBefore(c, clauseStart) ?? AppositiveSubjectBefore(c, clauseStart) ?? CoordinatedSubject(c, clauseStart);
                }

                return Describe(speaker, c, cueEnd, end, clauseStart, "speaker/cue-before-quote");
            }

            return null;
        }

        /// <summary>"Alex Castellanos, a veteran media consultant who earlier in the season had tried …, said, "…"": a name
        /// that opens the clause, then an appositive too long to read backwards from the cue (PolNeAR train: 10 quotes left without a speaker, dev: 1).</summary>
        private TextSpan? AppositiveSubjectBefore(int cue, int clauseStart)
        {
            var j = cue - 1;
            while (j > clauseStart && t[j].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.AuxiliariesAndAdverbs, Surface(j)))
            {
                j--;
            }

            if (j <= clauseStart || !QuoteTokens.Is(text, t[j], ','))
            {
                return null;
            }

            var comma = NextComma(clauseStart, j);
            if (comma <= clauseStart || comma - clauseStart > MaxSpeakerWords || !QuoteTokens.IsCapitalised(text, t[clauseStart]) || !CanStartPhrase(clauseStart))
            {
                return null;
            }

            for (var k = clauseStart; k < comma; k++)
            {
                if (t[k].Kind != TokKind.Word && !QuoteTokens.Is(text, t[k], '(') && !QuoteTokens.Is(text, t[k], ')') && !QuoteTokens.Is(text, t[k], '.'))
                {
                    return null;
                }
            }

            return new TextSpan(t[clauseStart].Start, t[comma - 1].End);
        }

        /// <summary>"Ms. Sherry smiled and said, "…"", "Hayek confirmed she had been and said": the subject of the first
        /// verb of the clause speaks (PolNeAR train: 11 quotes left without a speaker).</summary>
        private TextSpan? CoordinatedSubject(int cue, int clauseStart)
        {
            var j = cue - 1;
            while (j > clauseStart && t[j].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.AuxiliariesAndAdverbs, Surface(j)))
            {
                j--;
            }

            return j > clauseStart && IsWordIn(j, "and", "but") ? ClauseSubject(clauseStart, j) : null;
        }

        /// <summary>"But the 70-year-old president went on:" — a colon introduces a quote even when the verb is far
        /// from it, and introduces it with no verb at all ("His answer:").</summary>
        private Attribution? ColonIntroduction(int colon, int clauseStart)
        {
            var start = colon;
            while (start > clauseStart && inside[start - 1] < 0 && !QuoteTokens.IsSentenceEnd(text, t[start - 1], paragraph.End))
            {
                start--;
            }

            for (var c = colon - 1; c >= start; c--)
            {
                if (IsCue(c, out var cueEnd) || IsPhrasalCue(c, out cueEnd))
                {
                    var speaker = IsParticiple(c) ? ClauseSubject(start, c) : SubjectBefore(c, start);
                    if (speaker is null && cueEnd < colon && c == start)
                    {
                        speaker = ForwardPhrase(cueEnd, colon);
                    }

                    return Describe(speaker, c, cueEnd, colon, start, "speaker/cue-before-quote") with { Colon = true };
                }
            }

            // "President Clinton released the following statement:", "Cruz continued:" — the clause's subject speaks.
            var subject = ClauseSubject(start, colon);
            // With no verb the colon is the cue (as PolNeAR marks it), so the quotes it introduces stay one unit.
            return Describe(subject, colon, colon + 1, colon, start, subject is null ? "quote/colon" : "speaker/subject-of-colon-clause") with { Colon = true };
        }

        /// <summary>Adds the addressee or medium and the date words found in the cue's clause.</summary>
        private Attribution Describe(TextSpan? speaker, int cue, int cueEnd, int clauseEnd, int clauseStart, string by)
        {
            var cueSpan = new TextSpan(t[cue].Start, t[cueEnd - 1].End);
            TextSpan? addressee = null;
            if (IsTell(cue))
            {
                addressee = ForwardPhrase(cueEnd, clauseEnd, addressee: true);
            }

            addressee ??= Medium(clauseStart, clauseEnd);
            return new Attribution(speaker is { } s ? Narrow(s) : null, cueSpan, addressee, DateWords(clauseStart, clauseEnd), by);
        }

        // ---------------------------------------------------------------- reported speech

        private Attribution? FindReportedSpeech(List<(Segment Segment, Attribution? Attribution)> accepted)
        {
            Attribution? last = null;
            var covered = CoveredBefore(accepted);
            var sentenceStart = 0;
            for (var k = 0; k <= t.Count; k++)
            {
                var ends = k == t.Count || (inside[k] < 0 && QuoteTokens.IsSentenceEnd(text, t[k], paragraph.End));
                if (!ends)
                {
                    continue;
                }

                var sentenceEnd = k;
                if (sentenceEnd > sentenceStart && covered[sentenceEnd] == covered[sentenceStart])
                {
                    last = Reported(sentenceStart, sentenceEnd) ?? last;
                }

                sentenceStart = k + 1;
            }

            return last;
        }

        /// <summary>Per token, how many tokens before it lie in an accepted quote or its cue: a sentence overlaps one when
        /// the count grows across it. Built once per paragraph, so a paragraph of 20,000 quotes stays linear.</summary>
        private int[] CoveredBefore(List<(Segment Segment, Attribution? Attribution)> accepted)
        {
            var covered = new bool[t.Count];
            foreach (var (segment, attribution) in accepted)
            {
                var last = segment.Close >= 0 ? segment.Close : t.Count - 1;
                for (var k = segment.Open; k <= last; k++)
                {
                    covered[k] = true;
                }

                if (attribution?.Cue is { } cue && cue.Start >= paragraph.Start && cue.End <= paragraph.End)
                {
                    for (var k = FirstTokenEndingAfter(cue.Start); k < t.Count && t[k].Start < cue.End; k++)
                    {
                        covered[k] = true;
                    }
                }
            }

            var before = new int[t.Count + 1];
            for (var k = 0; k < t.Count; k++)
            {
                before[k + 1] = before[k] + (covered[k] ? 1 : 0);
            }

            return before;
        }

        private int FirstTokenEndingAfter(int offset)
        {
            int lo = 0, hi = t.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (t[mid].End <= offset)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        /// <summary>The three shapes of reported speech: "According to X, …", "…, X said." and "X said (that) …".</summary>
        private Attribution? Reported(int start, int end)
        {
            if (end - start < 5)
            {
                return null;
            }

            // According to Peskov, the Kremlin is "positive" about …
            if (IsWord(start, "according") && start + 1 < end && IsWord(start + 1, "to"))
            {
                var comma = NextComma(start + 2, end);
                if (comma > start + 2 && comma < end - 3)
                {
                    var source = ForwardPhrase(start + 2, comma);
                    return AddReported(comma + 1, end, source, start, start + 2, end, "reported/according-to");
                }
            }

            // … at Ground Zero, sources said. / …, Peskov told Interfax on March 5.
            var lastComma = -1;
            for (var k = end - 1; k > start + 3; k--)
            {
                if (inside[k] < 0 && QuoteTokens.Is(text, t[k], ','))
                {
                    lastComma = k;
                    break;
                }
            }

            if (lastComma > 0 && end - lastComma <= 16)
            {
                var tail = lastComma + 1;
                if (IsWord(tail, "according") && tail + 1 < end && IsWord(tail + 1, "to"))
                {
                    return AddReported(start, lastComma, ForwardPhrase(tail + 2, end), tail, tail + 2, end, "reported/according-to");
                }

                for (var c = tail; c < Math.Min(end, tail + MaxSpeakerWords + 1); c++)
                {
                    if (!IsCue(c, out var cueEnd) || !IsReporting(c))
                    {
                        continue;
                    }

                    var source = c == tail ? ForwardPhrase(cueEnd, end) : SubjectBetween(tail, c);
                    if (source is not null && CountWords(start, lastComma) >= 4)
                    {
                        return AddReported(start, lastComma, source, c, cueEnd, end, "reported/clause-then-cue");
                    }

                    break;
                }
            }

            // Kremlin spokesman Dmitry Peskov said the idea of talks in Belarus had not been brought up.
            for (var c = start + 1; c < Math.Min(end - 3, start + 14); c++)
            {
                if (inside[c] >= 0)
                {
                    break;
                }

                if (!IsCue(c, out var cueEnd) || !IsReporting(c))
                {
                    continue;
                }

                var after = t[cueEnd];
                if (after.Kind != TokKind.Word || IsWord(cueEnd, "to") || IsWord(cueEnd, "by") || IsWord(cueEnd, "in") || IsWord(cueEnd, "on"))
                {
                    // "was said to be", "said in a statement" followed by no clause, "said." and "said:" are not this shape.
                    if (!(IsWord(cueEnd, "in") || IsWord(cueEnd, "on")))
                    {
                        return null;
                    }
                }

                var subjectStart = SubjectStartBefore(c, start);
                if (subjectStart < 0)
                {
                    return null;
                }

                var contentStart = cueEnd;
                if (IsTell(c))
                {
                    var addressee = ForwardPhrase(cueEnd, end, addressee: true);
                    if (addressee is { } a)
                    {
                        contentStart = TokenAfter(cueEnd, a.End, end);
                    }
                }

                // "said in a statement that …", "said on Tuesday that …": the content starts at "that".
                for (var j = contentStart; j < Math.Min(end, contentStart + 8); j++)
                {
                    if (IsWord(j, "that"))
                    {
                        contentStart = j;
                        break;
                    }
                }

                if (CountWords(contentStart, end) < 4 || IsWord(contentStart, "in") || IsWord(contentStart, "on"))
                {
                    return null;
                }

                var speaker = new TextSpan(t[subjectStart].Start, t[c - 1 - SkippedBefore(c, subjectStart)].End);
                return AddReported(contentStart, end, speaker, c, cueEnd, end, "reported/cue-then-clause", start);
            }

            return null;
        }

        private Attribution AddReported(int contentStart, int contentEnd, TextSpan? speaker, int cue, int cueEnd, int clauseEnd, string by, int clauseStart = -1)
        {
            var attribution = Describe(speaker, cue, cueEnd, clauseEnd, clauseStart >= 0 ? clauseStart : cue, by);
            var last = contentEnd - 1;
            quotes.Add(new Quote(new TextSpan(t[contentStart].Start, t[last].End), Direct: false, Speaker: null,
                attribution.Speaker, text.Substring(attribution.Cue!.Value.Start, attribution.Cue.Value.Length), by)
            {
                CueSpan = attribution.Cue,
                AddresseeSpan = attribution.Addressee,
                DateSpan = attribution.Date,
            });
            return attribution;
        }

        // ---------------------------------------------------------------- phrases

        /// <summary>The clause after a quote ends at a sentence end, a semicolon or the next quote.</summary>
        private int ClauseEnd(int from)
        {
            var k = from;
            while (k < t.Count && inside[k] < 0 && !QuoteTokens.IsSentenceEnd(text, t[k], paragraph.End) && !QuoteTokens.Is(text, t[k], ';'))
            {
                k++;
            }

            return k;
        }

        /// <summary>The subject that fills [from, cue) exactly: "Peskov", "the Kremlin spokesman", "Peskov, the
        /// Kremlin spokesman," (the appositive is dropped), "he".</summary>
        private TextSpan? SubjectBetween(int from, int cue)
        {
            var end = cue;
            while (end > from && t[end - 1].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.AuxiliariesAndAdverbs, Surface(end - 1)) )
            {
                end--;
            }

            if (end > from && QuoteTokens.Is(text, t[end - 1], ','))
            {
                // "Peskov, the Kremlin spokesman, said": the name before the appositive.
                var comma = NextComma(from, end - 1);
                if (comma > from)
                {
                    end = comma;
                }
            }

            if (end <= from || end - from > MaxSpeakerWords)
            {
                return null;
            }

            for (var k = from; k < end; k++)
            {
                if (t[k].Kind != TokKind.Word && !QuoteTokens.Is(text, t[k], '(') && !QuoteTokens.Is(text, t[k], ')') && !QuoteTokens.Is(text, t[k], ',') && !QuoteTokens.Is(text, t[k], '.'))
                {
                    return null;
                }
            }

            // Between a closing mark and its cue there is only the subject, so a descriptor may open it in lower case
            // ("political scientist Christopher Wlezien told Bloomberg") when a name follows.
            var named = false;
            for (var k = from + 1; k < end && !named; k++)
            {
                named = QuoteTokens.IsCapitalised(text, t[k]);
            }

            if (!CanStartPhrase(from) && !(named && t[from].Kind == TokKind.Word && !QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(from))))
            {
                return null;
            }

            if (t[from].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.Pronouns, Surface(from)) && end - from > 1)
            {
                return null;
            }

            return new TextSpan(t[from].Start, t[end - 1].End);
        }

        /// <summary>The subject read backwards from a cue: "But the 70-year-old president went on" → "the 70-year-old president".</summary>
        private TextSpan? SubjectBefore(int cue, int clauseStart)
        {
            var start = SubjectStartBefore(cue, clauseStart);
            return start < 0 ? null : new TextSpan(t[start].Start, t[cue - 1 - SkippedBefore(cue, start)].End);
        }

        private int SkippedBefore(int cue, int start)
        {
            var skipped = 0;
            var k = cue - 1;
            while (k > start && t[k].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.AuxiliariesAndAdverbs, Surface(k)))
            {
                k--;
                skipped++;
            }

            if (k > start && QuoteTokens.Is(text, t[k], ','))
            {
                skipped += k - PreviousComma(k, start) ;
            }

            return skipped;
        }

        private int PreviousComma(int k, int start)
        {
            for (var j = k - 1; j > start; j--)
            {
                if (QuoteTokens.Is(text, t[j], ','))
                {
                    return j;
                }
            }

            return k;
        }

        private int SubjectStartBefore(int cue, int clauseStart)
        {
            var k = cue - 1;
            while (k >= clauseStart && t[k].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.AuxiliariesAndAdverbs, Surface(k)))
            {
                k--;
            }

            if (k >= clauseStart && QuoteTokens.Is(text, t[k], ','))
            {
                var comma = PreviousComma(k, clauseStart);
                if (comma == k || k - comma > 8)
                {
                    return -1;
                }

                k = comma - 1;
            }

            var end = k;
            while (k >= clauseStart && end - k < MaxSpeakerWords && inside[k] < 0
                   && (t[k].Kind == TokKind.Word || QuoteTokens.Is(text, t[k], ')') || QuoteTokens.Is(text, t[k], '('))
                   && !(QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(k)) && !QuoteTokens.IsCapitalised(text, t[k]) && (k != end || IsWordIn(k, "and", "or", "but", "nor")))
                   && !IsConjunctionAtStart(k))
            {
                if (QuoteLexicon.Contains(QuoteLexicon.Pronouns, Surface(k)))
                {
                    k--;
                    break;
                }

                k--;
            }

            var start = k + 1;
            if (start > end)
            {
                return -1;
            }

            // Capitalised sentence openers that are not names ("But", "And", "In") were stepped over above.
            while (start <= end && !CanStartPhrase(start))
            {
                start++;
            }

            return start > end ? -1 : start;
        }

        private bool HasCapitalised(int from, int end)
        {
            for (var k = from; k < end; k++)
            {
                if (QuoteTokens.IsCapitalised(text, t[k]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsConjunctionAtStart(int k) =>
            QuoteTokens.IsCapitalised(text, t[k]) && QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(k));

        /// <summary>The phrase after a cue ("said Peskov", "told the Russian news agency Interfax on March 5" →
        /// the agency), up to a comma, a preposition, a date or nine words.</summary>
        private TextSpan? ForwardPhrase(int from, int end, bool addressee = false)
        {
            if (from >= end || t[from].Kind != TokKind.Word)
            {
                return null;
            }

            // A pronoun is a whole phrase; "US" (the country, upper case) is not "us".
            if ((QuoteLexicon.Contains(QuoteLexicon.Pronouns, Surface(from)) || IsWordIn(from, "him", "her", "them", "me", "us"))
                && (char.IsLower(text[t[from].Start]) || t[from].Length == 1 || char.IsLower(text[t[from].Start + 1])))
            {
                return new TextSpan(t[from].Start, t[from].End);
            }

            var k = from;
            while (k < end && k - from < MaxSpeakerWords && t[k].Kind == TokKind.Word && inside[k] < 0
                   && !(QuoteLexicon.Contains(QuoteLexicon.ForwardBreakers, Surface(k)) && !(k > from && IsWord(k, "to") && !addressee))
                   && !IsDateWord(k))
            {
                k++;
            }

            // An addressee may be a bare plural ("told reporters"); a speaker opens like a phrase, or with a lower-case
            // descriptor before a name ("said former Obama adviser David Axelrod", "said pollster Frank Luntz"):
            // PolNeAR train has 41 such sources after "said" that were left without a speaker.
            if (k == from || !(CanStartPhrase(from) || (addressee && !QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(from)))
                               || (!QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(from)) && !IsWord(from, "of") && HasCapitalised(from + 1, k))))
            {
                return null;
            }

            return new TextSpan(t[from].Start, t[k - 1].End);
        }

        /// <summary>"in a video interview with US blogger Mario Nawfal" → the blogger; "in a video address" → the
        /// address; "on Twitter" → Twitter.</summary>
        private TextSpan? Medium(int start, int end)
        {
            for (var k = start; k < end - 1; k++)
            {
                if (inside[k] >= 0)
                {
                    continue;
                }

                if (IsWord(k, "in") || IsWord(k, "during"))
                {
                    for (var j = k + 1; j < Math.Min(end, k + 5); j++)
                    {
                        if (t[j].Kind != TokKind.Word)
                        {
                            break;
                        }

                        if (QuoteLexicon.Contains(QuoteLexicon.Media, Surface(j)))
                        {
                            var last = j;
                            while (last + 1 < end && t[last + 1].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.Media, Surface(last + 1)))
                            {
                                last++;
                            }

                            if (last + 1 < end && (IsWord(last + 1, "with") || IsWord(last + 1, "to")))
                            {
                                return ForwardPhrase(last + 2, end, addressee: true) ?? new TextSpan(t[k + 1].Start, t[last].End);
                            }

                            return new TextSpan(t[k + 1].Start, t[last].End);
                        }
                    }
                }
                else if ((IsWord(k, "on") && QuoteTokens.IsCapitalised(text, t[k + 1]) && !IsDateWord(k + 1))
                         || ((IsWord(k, "to") || IsWord(k, "with")) && (IsWord(k + 1, "reporters") || IsWord(k + 1, "journalists"))))
                {
                    return ForwardPhrase(k + 1, end, addressee: true);
                }
            }

            return null;
        }

        /// <summary>"on March 5", "Tuesday", "on Feb. 24", "yesterday" in the cue's clause.</summary>
        private TextSpan? DateWords(int start, int end)
        {
            for (var k = start; k < end; k++)
            {
                if (inside[k] >= 0 || !IsDateWord(k))
                {
                    continue;
                }

                var first = k > start && IsWord(k - 1, "on") ? k - 1 : k;
                var last = k;
                if (QuoteLexicon.Contains(QuoteLexicon.Months, Surface(k).TrimEnd('.')) && k + 1 < end && t[k + 1].Kind == TokKind.Word && char.IsDigit(text[t[k + 1].Start]))
                {
                    last = k + 1;
                }

                return new TextSpan(t[first].Start, t[last].End);
            }

            return null;
        }

        private bool IsDateWord(int k)
        {
            if (t[k].Kind != TokKind.Word)
            {
                return false;
            }

            var w = Surface(k).TrimEnd('.');
            if (QuoteLexicon.Contains(QuoteLexicon.Weekdays, w) || QuoteLexicon.Contains(QuoteLexicon.RelativeDays, w))
            {
                return true;
            }

            // "March 5" but not "May" the name: a month counts when a day number follows it.
            return QuoteLexicon.Contains(QuoteLexicon.Months, w) && char.IsUpper(w[0]) && k + 1 < t.Count
                   && t[k + 1].Kind == TokKind.Word && char.IsDigit(text[t[k + 1].Start]);
        }

        /// <summary>"Del. Stacey Plaskett of the Virgin Islands", "Cameron Easley for Morning Consult" → the part before
        /// the preposition, when it ends in a name of two capitalised words or more; "Secretary of State John Kerry" and
        /// "Bank of America" stay whole (PolNeAR dev: 2 speakers that were the place or the employer, none lost on train).</summary>
        private int BeforePrepositionAfterName(int start, int end)
        {
            var capitals = 0;
            var i = start;
            while (i < end)
            {
                var wordStart = i;
                while (i < end && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                var word = text.AsSpan(wordStart, i - wordStart);
                if (char.IsUpper(word[0]))
                {
                    capitals++;
                }
                else if (capitals >= 2 && char.IsUpper(text[PreviousWordStart(wordStart)])
                         && (word is "of" or "for" or "from" or "at" or "with"))
                {
                    var e = wordStart;
                    while (e > start && char.IsWhiteSpace(text[e - 1]))
                    {
                        e--;
                    }

                    return e;
                }
                else
                {
                    capitals = 0;
                }

                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }

            return end;
        }

        private int PreviousWordStart(int wordStart)
        {
            var i = wordStart;
            while (i > 0 && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            return i;
        }

        /// <summary>"Kremlin spokesperson Dmitry Peskov" → "Dmitry Peskov": the name at the end of a descriptor phrase is
        /// the mention; "the 70-year-old president" has none and stays whole.</summary>
        private TextSpan Narrow(TextSpan phrase)
        {
            var end = phrase.End;
            var open = text.IndexOf('(', phrase.Start, phrase.Length);
            if (open > phrase.Start)
            {
                end = open;
                while (end > phrase.Start && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }
            }

            end = BeforePrepositionAfterName(phrase.Start, end);

            // Walk words backwards while they are capitalised.
            var runStart = end;
            var i = end;
            var sawLower = false;
            while (i > phrase.Start)
            {
                var wordEnd = i;
                while (i > phrase.Start && !char.IsWhiteSpace(text[i - 1]))
                {
                    i--;
                }

                var word = text.AsSpan(i, wordEnd - i);
                if (word.Length > 0 && char.IsUpper(word[0]))
                {
                    runStart = i;
                }
                else
                {
                    // "the Kremlin" stays whole: only a descriptor ("spokesperson") is cut off, not an article.
                    sawLower = word.Length > 0 && !(i == phrase.Start && QuoteLexicon.Contains(QuoteLexicon.Determiners, word));
                    break;
                }

                while (i > phrase.Start && char.IsWhiteSpace(text[i - 1]))
                {
                    i--;
                }
            }

            return sawLower && runStart < end ? new TextSpan(runStart, end) : new TextSpan(phrase.Start, end);
        }

        // ---------------------------------------------------------------- words

        private ReadOnlySpan<char> Surface(int k) => text.AsSpan(t[k].Start, t[k].Length);

        private bool IsWord(int k, string word) =>
            k < t.Count && t[k].Kind == TokKind.Word && Surface(k).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsCue(int k) => IsCue(k, out _);

        /// <summary>A cue verb, or "according to"; <paramref name="end"/> is the token after it.</summary>
        private bool IsCue(int k, out int end)
        {
            end = k + 1;
            if (k >= t.Count || t[k].Kind != TokKind.Word || inside[k] >= 0)
            {
                return false;
            }

            if (IsWord(k, "according") && IsWord(k + 1, "to"))
            {
                end = k + 2;
                return true;
            }

            if (IsWord(k, "pointed") && IsWord(k + 1, "out"))
            {
                end = k + 2;
                return true;
            }

            // "Peskov says" is a cue; "Says Peskov" at a sentence start is too, and so is "Obama Says" in a headline;
            // "Read more" is not, nor "the United States".
            return QuoteLexicon.Contains(QuoteLexicon.CueVerbs, Surface(k)) && !(IsWord(k, "read") && QuoteTokens.IsCapitalised(text, t[k]))
                   && !(IsWord(k, "states") && k > 0 && IsWord(k - 1, "united"));
        }

        /// <summary>"went on:", "had this to say:" — verbs that introduce only with a colon after them.</summary>
        private bool IsPhrasalCue(int k, out int end)
        {
            end = k + 1;
            if (IsWord(k, "went") && IsWord(k + 1, "on"))
            {
                end = k + 2;
                return true;
            }

            return false;
        }

        /// <summary>"telling", "adding": the speaker is the subject of the main clause. "according (to)" is not a verb of
        /// the clause: its source follows it (PolNeAR dev: 1, train: 3 "According to X, "…"" left without a speaker).</summary>
        private bool IsParticiple(int k) => Surface(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !IsWord(k, "according");

        /// <summary>The subject at the start of a clause, after an opening adverbial ("Hours later, Trump …",
        /// "When Wallace died in 1998, President Clinton released …"): words up to the first that looks like a verb.</summary>
        private TextSpan? ClauseSubject(int start, int limit)
        {
            var s = start;
            while (s < limit && t[s].Kind == TokKind.Word && QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(s)) && IsWordIn(s, "and", "but", "so", "then", "also", "yet"))
            {
                s++;
            }

            var comma = NextComma(s, Math.Min(limit, s + 10));
            if (comma > s && comma + 1 < limit && (!CanStartPhrase(s) || QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(s)) || !QuoteTokens.IsCapitalised(text, t[s]) || t[s].Kind != TokKind.Word || char.IsLower(text[t[s + 1].Start]) || comma - s > 4))
            {
                s = comma + 1;
            }

            if (s >= limit || !CanStartPhrase(s))
            {
                return null;
            }

            var k = s;
            while (k < limit && k - s < MaxSpeakerWords && t[k].Kind == TokKind.Word && !IsCue(k)
                   && !QuoteLexicon.Contains(QuoteLexicon.AuxiliariesAndAdverbs, Surface(k))
                   && !(k > s && char.IsLower(text[t[k].Start]) && (Surface(k).EndsWith("ed", StringComparison.Ordinal) || QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, Surface(k)) && !(IsWord(k, "of") && k + 1 < limit && QuoteTokens.IsCapitalised(text, t[k + 1])))))
            {
                if (k > s && QuoteLexicon.Contains(QuoteLexicon.Pronouns, Surface(s)))
                {
                    break;
                }

                k++;
            }

            return k == s ? null : new TextSpan(t[s].Start, t[k - 1].End);
        }

        private bool IsWordIn(int k, params string[] words)
        {
            foreach (var w in words)
            {
                if (IsWord(k, w))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsTell(int k) => QuoteLexicon.Contains(QuoteLexicon.TellVerbs, Surface(k));

        private bool IsReporting(int k) =>
            QuoteLexicon.Contains(QuoteLexicon.ReportingVerbs, Surface(k)) || IsWord(k, "according");

        /// <summary>A speaker phrase opens with a capital (a name, "The Post"), a pronoun, a determiner or a number.</summary>
        private bool CanStartPhrase(int k)
        {
            if (t[k].Kind != TokKind.Word)
            {
                return false;
            }

            var w = Surface(k);
            if (QuoteLexicon.Contains(QuoteLexicon.PhraseBreakers, w))
            {
                return false;
            }

            return char.IsUpper(w[0]) || char.IsDigit(w[0]) || QuoteLexicon.Contains(QuoteLexicon.Pronouns, w)
                   || QuoteLexicon.Contains(QuoteLexicon.Determiners, w);
        }

        private int NextComma(int from, int end)
        {
            for (var k = from; k < end; k++)
            {
                if (inside[k] < 0 && QuoteTokens.Is(text, t[k], ','))
                {
                    return k;
                }
            }

            return -1;
        }

        private int TokenAfter(int from, int offset, int end)
        {
            var k = from;
            while (k < end && t[k].Start < offset)
            {
                k++;
            }

            return k;
        }

        private int CountWords(int start, int end)
        {
            var n = 0;
            for (var k = start; k < end; k++)
            {
                if (t[k].Kind == TokKind.Word)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
