using Campaigns.EmailCapture;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Te verwerken": the mails read from the capture mailbox that wait for an officer, the officer's own first.</summary>
public sealed class CapturedEmailsModel(IQuerySession query, IOptions<EmailCaptureOptions> capture) : FormPage
{
    /// <summary>Whether a mailbox is read at all: off, an empty list would wrongly suggest that nothing came in.</summary>
    public bool CaptureConfigured => capture.Value is { Enabled: true, Host.Length: > 0 };

    public IReadOnlyList<CapturedEmail> Drafts { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ContactNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.Identity?.Name;
        Drafts = (await CapturedEmailQueries.WaitingAsync(query, ct))
            .OrderByDescending(d => string.Equals(d.Officer, me, StringComparison.OrdinalIgnoreCase)).ThenByDescending(d => d.SentAt).ToList();
        var ids = Drafts.SelectMany(d => d.ContactIds).Distinct().ToArray();
        ContactNames = (await query.LoadManyAsync<Contacts.Contact>(ct, ids)).ToDictionary(c => c.Id, c => c.Name);
    }
}
