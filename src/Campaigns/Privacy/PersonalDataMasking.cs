using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Infrastructure;
using Campaigns.Interactions;
using Campaigns.Themes;
using Marten;

namespace Campaigns.Privacy;

/// <summary>Whom a masking pass erases: the contact, and the words (name, e-mail, phone) to erase from free text.</summary>
public sealed class Erasure
{
    public Erasure(Guid contactId, IEnumerable<string?> terms)
    {
        ContactId = contactId;
        Terms = terms.Where(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length >= 3).Select(t => t!.Trim()).Distinct().ToList();
        Pattern = Terms.Count == 0 ? null : new Regex(
            @"(?<![\p{L}\p{N}])(?:" + string.Join("|", Terms.Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public Guid ContactId { get; }
    public IReadOnlyList<string> Terms { get; }
    private Regex? Pattern { get; }

    public string? Scrub(string? text) => text is null || Pattern is null ? text : Pattern.Replace(text, Contact.ForgottenName);

    /// <summary>
    /// Marten's masking rules are registered once, at configuration time, and know nothing of whom they erase; the
    /// forget operation sets the erasure here for the duration of its masking pass (it flows with the async call).
    /// </summary>
    private static readonly AsyncLocal<Erasure?> Scope = new();

    public static Erasure? Current => Scope.Value;

    public static IDisposable Begin(Erasure erasure)
    {
        Scope.Value = erasure;
        return new End();
    }

    private sealed class End : IDisposable
    {
        public void Dispose() => Scope.Value = null;
    }
}

/// <summary>
/// Masking rules for every event type (Marten's <c>AddMaskingRuleForProtectedInformation</c>). The contact's own
/// registration loses its name, e-mail, phone and notes; any other event in scope keeps its facts, with the person's
/// name, e-mail and phone replaced by "verwijderd contact" in every text field.
/// </summary>
public static class PersonalDataMasking
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public static void AddPersonalDataMasking(this StoreOptions options)
    {
        options.Events.AddMaskingRuleForProtectedInformation<ContactRegistered>(e =>
            Erasure.Current is { } erasure && e.ContactId == erasure.ContactId
                ? e with { Name = Contact.ForgottenName, Email = null, Phone = null, Notes = null }
                : Scrub(e));

        Rule<ContactRoleChanged>(options);
        Rule<ContactRoleEnded>(options);
        Rule<DataSubjectInformed>(options);
        Rule<LetterSent>(options);
        Rule<MeetingHeld>(options);
        Rule<CallMade>(options);
        Rule<EmailSent>(options);
        Rule<HearingAttended>(options);
        Rule<InteractionCorrected>(options);
        Rule<InteractionRetracted>(options);
        Rule<DemandFormulated>(options);
        Rule<DemandRaised>(options);
        Rule<SupportRecorded>(options);
        Rule<DemandAdopted>(options);
        Rule<DemandRejected>(options);
        Rule<DemandWithdrawn>(options);
        Rule<CampaignStarted>(options);
        Rule<CampaignClosed>(options);
        Rule<ThemeAdded>(options);
        Rule<ThemeRenamed>(options);
        Rule<FollowUpScheduled>(options);
        Rule<FollowUpRescheduled>(options);
        Rule<FollowUpCompleted>(options);
        Rule<FollowUpCancelled>(options);
        Rule<FollowUpDue>(options);
        Rule<FollowUpOverdue>(options);
    }

    private static void Rule<T>(StoreOptions options) where T : notnull =>
        options.Events.AddMaskingRuleForProtectedInformation<T>(Scrub);

    /// <summary>The same value with the erased words replaced in every string, at any depth (via its JSON form).</summary>
    public static T Scrub<T>(T value) where T : notnull
    {
        if (Erasure.Current is not { } erasure) return value;
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Json);
        if (node is null || !ScrubNode(node, erasure)) return value;
        return (T)node.Deserialize(value.GetType(), Json)!;
    }

    private static bool ScrubNode(JsonNode node, Erasure erasure)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        var scrubbed = erasure.Scrub(text);
                        if (scrubbed != text) { obj[key] = scrubbed; changed = true; }
                    }
                    else if (child is not null) changed |= ScrubNode(child, erasure);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        var scrubbed = erasure.Scrub(text);
                        if (scrubbed != text) { array[i] = scrubbed; changed = true; }
                    }
                    else if (array[i] is { } child) changed |= ScrubNode(child, erasure);
                }
                break;
        }
        return changed;
    }
}
