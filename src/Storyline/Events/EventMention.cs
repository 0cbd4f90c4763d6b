using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Events;

/// <summary>A PLOVER event in a clause: type, actor and target entity ids, location and date.</summary>
/// <remarks>The span is the clause; the init-only properties say where each part came from, so a wrong answer can be
/// traced (<see cref="By"/> names the rule).</remarks>
public sealed record EventMention(TextSpan Span, string Type, string? Actor, string? Target, string? Location, string? Date)
{
    /// <summary>The cue verb or phrase ("offered", "met with", "paused").</summary>
    public TextSpan? CueSpan { get; init; }

    /// <summary>The PLOVER mode ("visit", "discontinue", "troops"), when the CAMEO code gives one.</summary>
    public string? Mode { get; init; }

    /// <summary>The CAMEO code the cue pattern gave ("036"); the type is derived from it.</summary>
    public string? Cameo { get; init; }

    public TextSpan? ActorSpan { get; init; }

    public TextSpan? TargetSpan { get; init; }

    public TextSpan? LocationSpan { get; init; }

    public TextSpan? DateSpan { get; init; }

    /// <summary>CAMEO actor codes from the Phoenix dictionaries ("RUSGOV"), when known.</summary>
    public string? ActorCode { get; init; }

    public string? TargetCode { get; init; }

    /// <summary>The country part of the actor code ("RUS" for "the Kremlin").</summary>
    public string? ActorCountry { get; init; }

    public string? TargetCountry { get; init; }

    /// <summary>All actors of a compound actor ("Gondor and Osgiliath"): PLOVER codes one event with a list (2.4.2).
    /// Empty when there is one actor or none.</summary>
    public ImmutableArray<ActorMention> Actors { get; init; } = [];

    public ImmutableArray<ActorMention> Targets { get; init; } = [];

    /// <summary>PLOVER's auxiliary mode "negation" (2.3): "did not attack". The event is kept and marked.</summary>
    public bool Negated { get; init; }

    /// <summary>The rule that decided: "cue/pattern", "cue/verb-default", with "+future" or "+passive" when they applied.</summary>
    public string By { get; init; } = "";
}
