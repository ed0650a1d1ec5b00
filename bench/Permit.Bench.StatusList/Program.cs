using System.CommandLine;
using Permit.Bench.Status;
using Permit.CommandLine;

// The status list v2 (docs/status-list.md) at a city's scale: synthesises the status of N issued cards, then times
// building and signing the full list, a day's delta, a verifier's sync from scratch and per-card checks.
// It prints figures with the load average; it asserts nothing.
var cardsArgument = new Argument<int>("cards") { Description = "Issued cards (permits) to synthesise.", DefaultValueFactory = _ => 5_000_000 };
var changeArgument = new Argument<double>("daily-change")
{
    Description = "Fraction of the cards whose slot changes in a day (endorsed, reissued, suspended, revoked, or newly issued).",
    DefaultValueFactory = _ => 0.003,
};
var randomDatesOption = new Option<bool>("--random-dates")
{
    Description = "Extensions to dates drawn at random over the coming year instead of each permit's anniversary (the worst case for compression).",
};
var command = new RootCommand("Status list v2 at scale: full list and delta sizes, build, sync and check times.") { cardsArgument, changeArgument, randomDatesOption };
command.SetAction((parsed, _) => Task.FromResult(
    StatusListBench.Run(parsed.GetValue(cardsArgument), parsed.GetValue(changeArgument), parsed.GetValue(randomDatesOption))));
var parsed = ProgramCommandLine.Parse(command, args);
if (ProgramCommandLine.IsUsageError(parsed))
{
    foreach (var problem in ProgramCommandLine.Errors(parsed))
        Console.Error.WriteLine(problem);
    return 2;
}

return await ProgramCommandLine.InvokeAsync(parsed, Console.Out, Console.Error, CancellationToken.None);
