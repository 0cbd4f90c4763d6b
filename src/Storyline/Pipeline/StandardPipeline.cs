using Storyline.Entities;
using Storyline.Events;
using Storyline.Quotes;
using Storyline.Sentences;
using Storyline.Tagging;
using Storyline.Time;

namespace Storyline.Pipeline;

/// <summary>The per-article pipeline the CLI, the store and the server run: every stage Storyline has, in order.</summary>
public static class StandardPipeline
{
    public static AnalysisPipeline Create() => AnalysisPipeline.Build(
        new SentenceStage(), new PosStage(), new EntityStage(), new TimeStage(), new QuoteStage(), new EventStage());
}
