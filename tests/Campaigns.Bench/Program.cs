using Campaigns.Bench;

// Campaigns.Bench: the tools behind ops/bench and ops/drill (issue 9). Every command prints progress on stderr and its
// figures as one JSON line on stdout, which the scripts collect.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Campaigns.Bench load|post|reads|search|scan|badinput|retry|verify-crash|dump-timelines|report [options]");
    return 2;
}

return args[0] switch
{
    "load" => await Loader.Run(args),
    "post" => await LoadGenerator.Run(args),
    "reads" => await Reads.Run(args),
    "search" => await SearchReads.Run(args),
    "scan" => await Scan.Run(args),
    "badinput" => await BadInput.Run(args),
    "retry" => await RetryDrill.Run(args),
    "verify-crash" => await DrillChecks.VerifyCrash(args),
    "dump-timelines" => await DrillChecks.DumpTimelines(args),
    "report" => await Report.Run(args),
    "explain" => await Explain.Run(args),
    _ => Unknown(args[0])
};

static int Unknown(string command)
{
    Console.Error.WriteLine($"unknown command '{command}'");
    return 2;
}
