namespace Storyline.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units into an article's text.</summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>Orders by start, then by end, so spans sort the way a reader meets them.</summary>
    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public static bool operator <(TextSpan left, TextSpan right) => left.CompareTo(right) < 0;
    public static bool operator >(TextSpan left, TextSpan right) => left.CompareTo(right) > 0;
    public static bool operator <=(TextSpan left, TextSpan right) => left.CompareTo(right) <= 0;
    public static bool operator >=(TextSpan left, TextSpan right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"[{Start},{End})";
}
