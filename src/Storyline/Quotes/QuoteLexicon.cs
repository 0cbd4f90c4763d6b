using System.Collections.Frozen;

namespace Storyline.Quotes;

/// <summary>The closed word lists the quote rules use: cue verbs, the words that end a speaker phrase, pronouns,
/// determiners, dates. Lower case; lookups take a span and compare ignoring case.</summary>
internal static class QuoteLexicon
{
    /// <summary>Verbs of saying in the forms news uses around a quote. "say/says/said" alone are 62% of the cues of
    /// direct quotes in PolNeAR train; the rest is a long tail, of which these cover the forms seen ten times or more.</summary>
    public static readonly FrozenSet<string> CueVerbs = Set(
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
        "asked", "asks", "wrote", "writes", "write", "writing", "tweeted", "tweets", "posted", "posts",
        "announced", "announces", "insisted", "insists", "warned", "warns", "denied", "denies", "explained",
        "explains", "noted", "notes", "argued", "argues", "continued", "continues", "declared", "declares",
        "replied", "replies", "responded", "responds", "stated", "states", "claimed", "claims", "proposed",
        "recalled", "recalls", "quipped", "joked", "jokes", "shouted", "remarked", "observed", "concluded",
        "acknowledged", "acknowledges", "admitted", "admits", "complained", "complains", "urged", "urges",
        "predicted", "predicts", "suggested", "suggests", "confirmed", "confirms", "countered", "counters",
        "conceded", "concedes", "emphasized", "emphasised", "stressed", "stresses", "exclaimed", "answered",
        "echoed", "boasted", "vowed", "vows", "promised", "promises", "asserted", "asserts", "charged",
        "contended", "contends", "maintained", "mused", "wondered", "cautioned", "scoffed", "lamented",
        "reported", "reports", "read", "reads", "yelled", "chanted", "pleaded", "offered", "agreed", "agrees",
        "announced", "testified", "alleged", "alleges", "predicted", "retorted", "interjected", "recounted",
        "concludes", "confessed", "mocks", "mocked", "shot", "fired", "continues", "explains", "recalls", "marveled",
        "marvelled", "laughed", "sighed", "snapped", "whispered", "cried", "screamed", "tweets", "writes", "chimed",
        "tweeting", "posting", "declaring", "insisting", "warning", "noting", "arguing", "explaining",
        "asking", "stating", "quoted", "quipping", "joking", "responding", "replying", "concluding");

    /// <summary>Cues strong enough to introduce reported speech without a quotation mark ("Peskov said the idea had
    /// not been brought up"). Verbs like "read", "offered", "agreed" or "continued" introduce other things too often.</summary>
    public static readonly FrozenSet<string> ReportingVerbs = Set(
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "posted", "announced",
        "announces", "insisted", "insists", "warned", "warns", "denied", "denies", "explained", "noted", "notes",
        "argued", "argues", "declared", "stated", "claimed", "claims", "acknowledged", "admitted", "admits",
        "complained", "predicted", "suggested", "suggests", "confirmed", "conceded", "emphasized", "stressed",
        "asserted", "contended", "contends", "maintained", "reported", "reports", "alleged", "alleges",
        "testified", "cautioned", "believes", "believed", "thinks", "thought", "hopes", "expects", "fears",
        "feared", "worried", "predicts", "recalled", "promised", "vowed", "pledged", "indicated", "signaled");

    /// <summary>Verbs whose object is the addressee: "told reporters", "telling Reuters".</summary>
    public static readonly FrozenSet<string> TellVerbs = Set("told", "tells", "tell", "telling", "asked", "asks", "asking", "urged", "urges", "assured", "reminded", "warned");

    /// <summary>Words between a subject and its cue that are not part of the subject ("Peskov also said").</summary>
    public static readonly FrozenSet<string> AuxiliariesAndAdverbs = Set(
        "also", "has", "had", "have", "will", "would", "could", "later", "then", "again", "once", "had",
        "was", "is", "were", "are", "may", "might", "did", "does", "do", "recently", "previously", "earlier",
        "further", "separately", "simply", "just", "only", "even", "still", "reportedly", "repeatedly", "not",
        "never", "often", "frequently", "publicly", "privately", "went", "go", "goes");

    /// <summary>Words that cannot be inside a speaker phrase: a phrase read backwards from its cue stops at them.</summary>
    public static readonly FrozenSet<string> PhraseBreakers = Set(
        "and", "but", "or", "nor", "so", "yet", "that", "which", "who", "whom", "whose", "when", "where", "while",
        "as", "because", "since", "if", "unless", "although", "though", "after", "before", "until", "in", "on",
        "at", "with", "without", "by", "for", "from", "into", "about", "than", "what", "how", "why", "then",
        "there", "here", "now", "is", "was", "are", "were", "be", "been", "it's", "not", "also", "just", "to",
        "during", "over", "under", "against", "between", "through", "like", "even", "still", "once");

    /// <summary>Words that end a speaker phrase read forward after its cue ("said Peskov on Tuesday").</summary>
    public static readonly FrozenSet<string> ForwardBreakers = Set(
        "in", "on", "at", "during", "when", "while", "after", "before", "as", "who", "which", "that", "adding",
        "according", "referring", "speaking", "and", "but", "because", "since", "about", "via", "through",
        "last", "this", "yesterday", "today", "tonight", "earlier", "later", "recently", "told", "to", "with",
        "before", "following", "amid", "said", "says", "added", "wrote", "noting", "explaining", "saying");

    public static readonly FrozenSet<string> Pronouns = Set("he", "she", "they", "i", "we", "it", "you");

    /// <summary>Pronouns that stand for a person or group as speaker; "it" only for organisations.</summary>
    public static readonly FrozenSet<string> PersonPronouns = Set("he", "she");

    /// <summary>Words that may open a lower-case speaker phrase ("the spokesman", "a source", "one adviser").</summary>
    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "some", "many", "several",
        "two", "three", "four", "five", "both", "this", "these", "those", "other", "most", "few", "each",
        "senior", "top", "officials", "sources", "aides", "experts", "analysts", "critics", "supporters",
        "democrats", "republicans", "voters", "residents", "protesters", "police", "officers", "observers");

    public static readonly FrozenSet<string> Weekdays = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static readonly FrozenSet<string> Months = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    public static readonly FrozenSet<string> RelativeDays = Set("yesterday", "today", "tonight");

    /// <summary>Nouns naming the form a statement took ("in a video address", "in an interview with …").</summary>
    public static readonly FrozenSet<string> Media = Set(
        "interview", "statement", "address", "speech", "post", "tweet", "message", "letter", "briefing",
        "op-ed", "conference", "call", "email", "e-mail", "video", "podcast", "broadcast", "appearance",
        "remarks", "memo", "blog", "column", "essay", "book", "filing", "release", "rally", "debate", "hearing",
        "radio", "television", "tv", "town", "event");

    /// <summary>Abbreviations whose period does not end a sentence (in speaker phrases: "Sen.", "Mrs.", "Rep.").</summary>
    public static readonly FrozenSet<string> Abbreviations = Set(
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev", "st",
        "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "u.s", "u.k", "u.n", "d.c", "feb", "jan", "aug",
        "sept", "sep", "oct", "nov", "dec", "mar", "apr", "jun", "jul", "pres", "adm", "maj", "cmdr", "supt",
        "ft", "mt", "ave", "e.g", "i.e", "a.m", "p.m", "ala", "ariz", "calif", "colo", "conn", "del", "fla",
        "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
        "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "tex", "vt",
        "va", "wash", "wis", "wyo");

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
