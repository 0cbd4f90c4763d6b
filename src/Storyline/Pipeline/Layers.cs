namespace Storyline.Pipeline;

/// <summary>The annotation layers an article can carry; stages declare which they need and which they add.</summary>
[Flags]
public enum Layers
{
    None = 0,
    /// <summary>The text itself and its metadata: every article has it.</summary>
    Text = 1 << 0,
    /// <summary>Header and boilerplate spans, marked by ingestion.</summary>
    Ignored = 1 << 1,
    Tokens = 1 << 2,
    Sentences = 1 << 3,
    PartsOfSpeech = 1 << 4,
    Entities = 1 << 5,
    Times = 1 << 6,
    Quotes = 1 << 7,
    Events = 1 << 8,
}
