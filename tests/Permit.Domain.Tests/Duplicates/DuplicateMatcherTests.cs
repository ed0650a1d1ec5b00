using Permit.Domain.Duplicates;

namespace Permit.Domain.Tests.Duplicates;

public sealed class DuplicateMatcherTests
{
    private static readonly DateOnly Born = new(1985, 1, 1);

    // Valid numbers: the 17 digits given, then the check character, as a clerk's system recomputes it after a slip.
    private static string Id(string seventeen) => seventeen + Mod11Check.Compute(seventeen);

    private static readonly string Real = Id("33021119850101123");

    private static PersonFacts Person(string id, string name = "张伟") => new(id, name, Born);

    [Fact]
    public void Two_records_with_the_same_name_and_birth_date_and_one_mistyped_digit_are_suspected_with_the_digit_named()
    {
        var evidence = DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101128")));

        Assert.NotNull(evidence);
        Assert.Equal(DuplicateRule.IdNumberOneDigit, evidence.Rule);
        Assert.Equal(17, evidence.Position);
        Assert.Equal("3/8", evidence.Digits);
        Assert.Equal(NameVariance.None, evidence.NameVariance);
    }

    [Fact]
    public void Two_neighbouring_digits_swapped_are_a_transposition()
    {
        var evidence = DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101213")));

        Assert.NotNull(evidence);
        Assert.Equal(DuplicateRule.IdNumberTransposition, evidence.Rule);
        Assert.Equal(15, evidence.Position);
        Assert.Equal("12/21", evidence.Digits);
    }

    [Fact]
    public void Digits_swapped_that_are_not_neighbours_or_two_digits_wrong_are_not_suspected()
    {
        Assert.Null(DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101321"))));
        Assert.Null(DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101456"))));
    }

    [Fact]
    public void A_different_name_or_birth_date_is_someone_else_however_close_the_numbers()
    {
        Assert.Null(DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101128"), "李伟")));
        Assert.Null(DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101128")) with { BirthDate = Born.AddDays(1) }));
    }

    [Fact]
    public void The_same_number_under_the_same_name_is_one_record_not_a_suspicion() =>
        Assert.Null(DuplicateMatcher.Compare(Person(Real), Person(Real)));

    [Fact]
    public void An_old_fifteen_digit_number_matches_the_eighteen_digit_number_it_became()
    {
        var evidence = DuplicateMatcher.Compare(Person("330211850101123"), Person(Real));

        Assert.NotNull(evidence);
        Assert.Equal(DuplicateRule.OldAndNewIdNumber, evidence.Rule);
        Assert.Equal(Real, IdNumberForms.Upgrade("330211850101123"));
    }

    [Fact]
    public void An_old_number_matches_whichever_side_it_is_on_and_not_a_number_with_another_sequence()
    {
        Assert.NotNull(DuplicateMatcher.Compare(Person(Real), Person("330211850101123")));
        Assert.Null(DuplicateMatcher.Compare(Person(Real), Person("330211850101125")));
    }

    [Fact]
    public void Only_people_born_in_the_1900s_have_a_fifteen_digit_form()
    {
        Assert.Equal("330211850101123", IdNumberForms.FifteenDigitForm(Real));
        Assert.Null(IdNumberForms.FifteenDigitForm(Id("33021120050101123")));
    }

    [Theory]
    [InlineData("張偉", NameVariance.TraditionalForm)]
    [InlineData("张 伟", NameVariance.Spaces)]
    [InlineData("ＺＨＡＮＧ伟", NameVariance.Width)]
    public void The_same_number_under_a_name_written_another_way_is_the_name_rule(string other, NameVariance variance)
    {
        var name = other.StartsWith('Ｚ') ? "ZHANG伟" : "张伟";

        var evidence = DuplicateMatcher.Compare(Person(Real, name), Person(Real, other));

        Assert.NotNull(evidence);
        Assert.Equal(DuplicateRule.NameWrittenDifferently, evidence.Rule);
        Assert.True(evidence.NameVariance.HasFlag(variance));
    }

    [Fact]
    public void A_mistyped_digit_under_a_name_written_in_traditional_form_is_suspected_and_says_both()
    {
        var evidence = DuplicateMatcher.Compare(Person(Real, "陈丽华"), Person(Id("33021119850101128"), "陳麗華"));

        Assert.NotNull(evidence);
        Assert.Equal(DuplicateRule.IdNumberOneDigit, evidence.Rule);
        Assert.Equal(NameVariance.TraditionalForm, evidence.NameVariance);
    }

    [Fact]
    public void The_evidence_line_names_the_digit_but_never_a_whole_number()
    {
        var evidence = DuplicateMatcher.Compare(Person(Real), Person(Id("33021119850101128")))!;

        var line = evidence.Describe();

        Assert.Contains("digit 17", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Real[..10], line, StringComparison.Ordinal);
    }
}
