using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;
using System.Text.RegularExpressions;

namespace Campaigns.Tests.Accounts;

/// <summary>With a secrets file set, the first admin's credentials go to a file only the app's user can read, not to stdout.</summary>
public partial class the_first_admin_without_logs() : OwnDatabaseTests("campaigns_firstadmin")
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"campaigns-first-admin-{Guid.NewGuid():N}.txt");

    public override async Task DisposeAsync()
    {
        File.Delete(_file);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task its_credentials_are_written_to_an_owner_only_file_and_not_printed()
    {
        var console = Console.Out;
        var printed = new StringWriter();
        Console.SetOut(printed);
        try
        {
            await using var host = await AppFixture.StartHostAsync(ConnectionString, settings: new Dictionary<string, string>
            {
                [FirstAdminOnStartup.Setting] = "true",
                [FirstAdminOnStartup.SecretsFileSetting] = _file
            });

            Assert.True(File.Exists(_file));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_file));
            var token = TokenPattern().Match(await File.ReadAllTextAsync(_file)).Value;
            Assert.StartsWith(Secrets.TokenPrefix, token);
            Assert.DoesNotContain(token, printed.ToString());
            Assert.DoesNotContain("one-time password", printed.ToString());

            // The token in the file is the admin's.
            var me = await host.Scenario(x =>
            {
                x.Get.Url("/api/me");
                x.WithRequestHeader("Authorization", "Bearer " + token);
                x.StatusCodeShouldBe(200);
            });
            Assert.Contains("\"admin\"", await me.ReadAsTextAsync());
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    [GeneratedRegex(@"cmp_[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();
}
