using Storyline.Time;

namespace Storyline.Tests.Time;

/// <summary>The issue's bad input: nothing crashes and nothing is invented.</summary>
public sealed class TimexBadInputTests
{
    private static readonly DateOnly Reference = new(2025, 3, 5);

    [Theory]
    [InlineData("The deadline was February 30.")]
    [InlineData("The deadline was February 30, 2025.")]
    [InlineData("The deadline was 30 February 2025.")]
    [InlineData("It was filed on 2025-02-30.")]
    [InlineData("It was filed on 2/30/2025.")]
    [InlineData("It was filed on 13/13/2025.")]
    public void An_impossible_date_is_not_tagged_at_all(string text)
    {
        Assert.Empty(TimexTagger.Tag(text, Reference));
    }

    [Theory]
    [InlineData("The account number is 2882015.")]
    [InlineData("Call 555-2025 or +1 202 555 0199 for details.")]
    [InlineData("Shares cost $2,015 and the index rose 2.025 points.")]
    [InlineData("Madrid won 3-1 and then 2-0 in the replay.")]
    [InlineData("The company employs 2000 people and sold 1999 cars.")]
    [InlineData("Only 15% of the 1500 votes were counted.")]
    public void Digit_strings_that_are_not_dates_are_left_alone(string text)
    {
        Assert.Empty(TimexTagger.Tag(text, Reference));
    }

    [Fact]
    public void A_two_digit_year_is_read_against_the_reference_and_never_invented_without_one()
    {
        Assert.Equal("1998-03-05", Assert.Single(TimexTagger.Tag("It was filed on 3/5/98.", Reference)).Value);
        Assert.Empty(TimexTagger.Tag("It was filed on 3/5/98.", null));
    }

    [Theory]
    [InlineData("The temple was built in 1066 and restored in 2999.", "1066", "2999")]
    [InlineData("Rome fell in 476 and the plan runs to 2099.", null, "2099")]
    public void Dates_far_in_the_past_or_future_keep_what_the_text_says(string text, string? first, string last)
    {
        var values = TimexTagger.Tag(text, Reference).Select(t => t.Value).ToList();
        Assert.Equal(last, values[^1]);
        if (first is not null)
        {
            Assert.Equal(first, values[0]);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("'''--::///...,,,")]
    [InlineData("Feb. Jan. March, May, 31 31 31 of of the the")]
    [InlineData("\u2019\u2018\u201c 9999-99-99 99/99/9999 99:99 p.m.")]
    public void Odd_text_does_not_crash(string text)
    {
        var found = TimexTagger.Tag(text, Reference);
        Assert.All(found, t => Assert.True(t.Span.Start >= 0 && t.Span.End <= text.Length && !t.Span.IsEmpty));
    }

    [Theory]
    [InlineData("The universe formed 13.8 billion years ago.", 2025)]
    [InlineData("Life began some 3,500,000,000 years ago, and 2,000,000,000 weeks ago nothing had.", 2025)]
    [InlineData("The contract ends next year and was signed 20 centuries ago.", 9999)]
    [InlineData("The ruins are 500 years old; they were found three years ago.", 1)]
    public void Shifts_past_the_ends_of_the_calendar_give_no_day_and_no_crash(string text, int referenceYear)
    {
        // Found by the clustering benchmark: "N years ago" against a re-dated reference threw from DateOnly.AddYears.
        var found = TimexTagger.Tag(text, new DateOnly(referenceYear, 6, 1));
        Assert.All(found, t => Assert.DoesNotMatch(@"^-|^\d{5}", t.Value));
    }
}
