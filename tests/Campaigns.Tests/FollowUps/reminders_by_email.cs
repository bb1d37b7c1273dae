using Alba;
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
        await using var host = await StartWithMailAsync(smtp);

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

    [Fact]
    public async Task a_follow_up_planned_after_its_overdue_moment_is_mailed_once_as_overdue()
    {
        await using var smtp = new SmtpListener();
        await using var host = await StartWithMailAsync(smtp);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var bearer = "Bearer " + await new TestUsers(store).TokenForAsync("anna.officer", Roles.Officer);
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);

        await host.Scenario(x =>
        {
            x.Post.Json(new { description = "Verslag sturen aan Van Zwol", dueOn = dueOn.ToString("O") }).ToUrl("/api/follow-ups");
            x.WithRequestHeader("Authorization", bearer);
            x.StatusCodeShouldBe(201);
        });

        // The reminder fires at once, and finds the overdue moment passed too: both facts, one mail.
        Assert.Equal(1, await IntegrationContext.WaitForEvents<FollowUpOverdue>(store, 1, TimeSpan.FromSeconds(30)));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (smtp.Messages.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(1000);
        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("Subject: Achterstallige follow-up: Verslag sturen aan Van Zwol", mail);
        await using var session = store.QuerySession();
        Assert.Equal(1, await session.Events.QueryRawEventDataOnly<FollowUpDue>().CountAsync());
    }

    /// <summary>The app with mail to the test's SMTP listener, assignees at metaalunie.test.</summary>
    private Task<IAlbaHost> StartWithMailAsync(SmtpListener smtp) =>
        AppFixture.StartHostAsync(ConnectionString, settings: new Dictionary<string, string>
        {
            ["Campaigns:Smtp:Host"] = "127.0.0.1",
            ["Campaigns:Smtp:Port"] = smtp.Port.ToString(),
            ["Campaigns:Smtp:AssigneeDomain"] = "metaalunie.test"
        });
}
