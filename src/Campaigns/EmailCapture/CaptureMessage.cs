using Campaigns.Contacts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.EmailCapture;

/// <summary>
/// One message from the mailbox becomes one draft, once: the draft and its ledger entry commit together, and a message
/// whose ledger entry exists is left alone, whatever became of its draft.
/// </summary>
public sealed class MessageCapture(IDocumentStore store, IOptions<EmailCaptureOptions> options, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>True when this call stored a new draft; false for a message already in the ledger.</summary>
    public async Task<bool> CaptureAsync(MimeMessage message, CancellationToken ct)
    {
        var key = CapturedMessage.KeyFor(message.MessageId, () =>
        {
            using var bytes = new MemoryStream();
            message.WriteTo(bytes, ct);
            return bytes.ToArray();
        });
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<CapturedMessage>(key, ct) is not null) return false;

        var read = MailReading.Read(message);
        var addresses = new[] { read.From, read.ForwardedBy }.Concat(read.To).Concat(read.Cc).OfType<MailPerson>()
            .Select(p => p.Address).Distinct().ToList();
        var contacts = (await session.Query<Contact>().Where(c => c.Email != null && !c.Forgotten).ToListAsync(ct))
            .Where(c => addresses.Contains(c.Email!.Trim().ToLowerInvariant()))
            .ToDictionary(c => c.Email!.Trim().ToLowerInvariant(), c => c.Id);
        var team = new List<string>();
        foreach (var address in addresses)
            if (TeamMember(address) is { } name && await session.LoadAsync<UserAccount>(UserAccount.IdFor(name), ct) is { IsActive: true } account)
                team.Add(account.Name);

        var draft = Draft(read, key, clock.GetUtcNow(), contacts,
            address => TeamMember(address) is { } name && team.Contains(name, StringComparer.OrdinalIgnoreCase) ? name : null,
            address => TeamMember(address) is not null, options.Value.OwnAddress);
        session.Insert(new CapturedMessage(key, draft.Id, CaptureOutcome.Drafted, clock.GetUtcNow()));
        session.Insert(draft);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (CommandBus.IsLostRace(e))
        {
            // Another poll stored this message first: one draft, as intended.
            return false;
        }
        return true;
    }

    /// <summary>The account name of a team address (<c>name@TeamDomain</c>), or null.</summary>
    private string? TeamMember(string address)
    {
        var domain = options.Value.TeamDomain is { Length: > 0 } d ? d : configuration["Campaigns:Smtp:AssigneeDomain"];
        if (string.IsNullOrWhiteSpace(domain)) return null;
        var at = address.LastIndexOf('@');
        return at > 0 && address[(at + 1)..].Equals(domain.Trim(), StringComparison.OrdinalIgnoreCase) ? address[..at] : null;
    }

    /// <summary>
    /// The draft for a read mail: the officer is whoever of the team sent or forwarded it; addresses of contacts are
    /// suggested; any other address, except the team's and the mailbox's own, is offered as a new contact.
    /// </summary>
    public static CapturedEmail Draft(ReadMail read, string key, DateTimeOffset now, IReadOnlyDictionary<string, Guid> contactsByAddress,
        Func<string, string?> officerOf, Func<string, bool> isTeamAddress, string? ownAddress)
    {
        var people = new[] { read.From }.Concat(read.To).Concat(read.Cc).OfType<MailPerson>().DistinctBy(p => p.Address).ToList();
        var officer = new[] { read.ForwardedBy, read.From }.OfType<MailPerson>().Select(p => officerOf(p.Address)).FirstOrDefault(o => o is not null)
                      ?? people.Select(p => officerOf(p.Address)).FirstOrDefault(o => o is not null);
        bool Own(MailPerson p) => ownAddress is not null && p.Address.Equals(ownAddress, StringComparison.OrdinalIgnoreCase);
        var sentAt = read.SentAt == DateTimeOffset.MinValue ? now : read.SentAt;
        return new CapturedEmail
        {
            Id = CapturedMessage.DraftIdFor(key),
            MessageKey = key,
            CapturedAt = now,
            SentAt = sentAt.ToUniversalTime(),
            SentOn = Web.Dutch.Day(sentAt),
            Subject = read.Subject.Length > Check.ShortText ? read.Subject[..Check.ShortText] : read.Subject,
            Summary = read.Body is { Length: > Check.LongText } long_ ? long_[..(Check.LongText - 1)] + "…" : read.Body,
            From = read.From,
            To = read.To.Where(p => !Own(p)).ToList(),
            Cc = read.Cc.Where(p => !Own(p)).ToList(),
            Officer = officer,
            ContactIds = people.Where(p => contactsByAddress.ContainsKey(p.Address)).Select(p => contactsByAddress[p.Address]).Distinct().ToList(),
            UnknownAddresses = people.Where(p => !contactsByAddress.ContainsKey(p.Address) && !isTeamAddress(p.Address) && !Own(p)).ToList(),
            Attachments = read.Attachments,
            Forwarded = read.Forwarded
        };
    }
}
