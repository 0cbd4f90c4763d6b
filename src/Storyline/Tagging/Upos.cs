using System.Collections.Immutable;

namespace Storyline.Tagging;

/// <summary>The Universal Dependencies part-of-speech tags, in the order the POS model's classes use.</summary>
public static class Upos
{
    public static readonly ImmutableArray<string> Tags =
        ["NOUN", "PUNCT", "VERB", "PRON", "ADP", "DET", "ADJ", "AUX", "PROPN", "ADV", "CCONJ", "PART", "NUM", "SCONJ", "SYM", "INTJ", "X"];

    public const int Noun = 0, Punct = 1, Verb = 2, Pron = 3, Adp = 4, Det = 5, Adj = 6, Aux = 7, Propn = 8, Adv = 9,
        Cconj = 10, Part = 11, Num = 12, Sconj = 13, Sym = 14, Intj = 15, X = 16;
}
