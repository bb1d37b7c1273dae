using Campaigns.Accounts;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.FollowUps;

/// <summary>Tell the assignee that a follow-up is due or overdue.</summary>
public record NotifyAssignee(Guid FollowUpId, string Assignee, string Description, DateOnly DueOn, bool Overdue);

/// <summary>SMTP delivery, off unless <c>Campaigns:Smtp:Host</c> is set. Assignees are user names; the domain makes them addresses.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Campaigns:Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "campaigns@localhost";
    /// <summary>Appended to an assignee without '@', e.g. "metaalunie.nl".</summary>
    public string? AssigneeDomain { get; set; }
}

public static class NotifyAssigneeHandler
{
    public static async Task Handle(NotifyAssignee message, IOptions<SmtpOptions> options, UserDirectory users, ILogger<NotifyAssignee> logger, CancellationToken ct)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return;

        // Mail goes to team members only: never to an address that came in as an assignee, nor to a disabled account.
        if (!Secrets.IsValidUserName(message.Assignee) || await users.FindAsync(message.Assignee, ct) is not { IsActive: true } account)
        {
            logger.LogWarning("Follow-up {FollowUpId}: no reminder mailed, its assignee is no active user", message.FollowUpId);
            return;
        }
        var to = $"{account.Name}@{smtp.AssigneeDomain ?? "localhost"}";
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Subject = message.Overdue ? $"Achterstallige follow-up: {message.Description}" : $"Follow-up vandaag: {message.Description}";
        mail.Body = new TextPart("plain")
        {
            Text = $"{message.Description}\nDeadline: {message.DueOn:dd-MM-yyyy}\n\nCampaigns, follow-up {message.FollowUpId}"
        };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mailed follow-up {FollowUpId} reminder to {Assignee}", message.FollowUpId, message.Assignee);
    }
}
