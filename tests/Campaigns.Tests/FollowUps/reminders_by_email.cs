using Campaigns.Accounts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;
using Wolverine.Tracking;

namespace Campaigns.Tests.FollowUps;

public class reminders_by_email() : OwnDatabaseTests("campaigns_smtp")
{

    [Fact]
    public async Task a_due_reminder_is_mailed_to_the_assignee_when_smtp_is_configured()
    {
        await using var smtp = new SmtpListener();
        await using var host = await AppFixture.StartHostAsync(ConnectionString, settings: new Dictionary<string, string>
        {
            ["Campaigns:Smtp:Host"] = "127.0.0.1",
            ["Campaigns:Smtp:Port"] = smtp.Port.ToString(),
            ["Campaigns:Smtp:AssigneeDomain"] = "metaalunie.test"
        });

        await new TestUsers(host.Services.GetRequiredService<IDocumentStore>()).TokenForAsync("anna.officer", Roles.Officer);
        // Not a user: nothing is sent.
        await host.InvokeMessageAndWaitAsync(new NotifyAssignee(Guid.NewGuid(), "mallory@example.com", "Lees dit", new DateOnly(2025, 11, 26), Overdue: true));
        await host.InvokeMessageAndWaitAsync(new NotifyAssignee(Guid.NewGuid(), "anna.officer", "Bedankbrief sturen aan Van Zwol", new DateOnly(2025, 11, 26), Overdue: true));

        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("To: anna.officer@metaalunie.test", mail);
        Assert.Contains("Subject: Achterstallige follow-up: Bedankbrief sturen aan Van Zwol", mail);
        Assert.Contains("Bedankbrief sturen aan Van Zwol", mail);
        Assert.Contains("26-11-2025", mail);
    }
}
