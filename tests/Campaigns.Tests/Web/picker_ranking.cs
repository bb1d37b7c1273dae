using System.Diagnostics;

namespace Campaigns.Tests.Web;

/// <summary>
/// The picker's ranking lives in campaigns.js (the browser runs it) and is tested with node's own test runner in
/// tests/js; this runs those tests as part of the suite wherever node is installed.
/// </summary>
public class picker_ranking
{
    [Fact]
    public async Task the_type_ahead_ranks_exact_then_word_start_then_substring()
    {
        var node = new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        if (node is null) return; // no node on this machine: the browser test still checks "innov"
        var start = new ProcessStartInfo(node, ["--test", Path.Combine("tests", "js")])
        {
            WorkingDirectory = Screenshots.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Contains("# pass 6", output);
    }
}
