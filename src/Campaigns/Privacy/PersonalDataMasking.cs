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

        // Details the person gave later go with the registration's.
        options.Events.AddMaskingRuleForProtectedInformation<ContactDetailsChanged>(e =>
            Erasure.Current is { } erasure && e.ContactId == erasure.ContactId
                ? e with { Email = null, Phone = null, Notes = null }
                : Scrub(e));

        Rule<ContactRoleChanged>(options);
        Rule<ContactRoleHistoryCorrected>(options);
        Rule<FollowUpRetargeted>(options);
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
        Rule<DemandCorrected>(options);
        Rule<DemandRaised>(options);
        Rule<DemandMentionWithdrawn>(options);
        Rule<DemandMentionRedated>(options);
        Rule<SupportRecorded>(options);
        Rule<DemandAdopted>(options);
        Rule<DemandAdoptionRetracted>(options);
        Rule<DemandRejected>(options);
        Rule<DemandWithdrawn>(options);
        Rule<CampaignStarted>(options);
        Rule<CampaignCorrected>(options);
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

    /// <summary>The same value with the erased words replaced in every free-text string, at any depth (via its JSON form).</summary>
    public static T Scrub<T>(T value) where T : notnull
    {
        if (Erasure.Current is not { } erasure) return value;
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Json);
        if (node is null || !ScrubJson(node, erasure)) return value;
        return (T)node.Deserialize(value.GetType(), Json)!;
    }

    /// <summary>
    /// Properties whose strings are codes, not words: enum values ("Meeting"), event type names ("meeting_held"), theme
    /// slugs and user names. A person named "Meeting" or "Jan" must not change them.
    /// </summary>
    private static readonly HashSet<string> CodeProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "kind", "type", "eventType", "actingUser", "assignee", "createdBy", "themes", "everThemes", "theme", "slug",
        "stance", "status", "venue", "lawfulBasis", "channel", "tkPersoonId"
    };

    /// <summary>
    /// Replaces the erased words in the free-text string values of a JSON tree, in place. JSON keys, code properties and
    /// values that are ids, dates or numbers stay as they are; a string that holds JSON itself (a stored answer) is
    /// scrubbed the same way inside. Returns whether anything changed.
    /// </summary>
    public static bool ScrubJson(JsonNode node, Erasure erasure) => Visit(node, erasure, scrub: true);

    /// <summary>Whether a JSON tree names the person in a free-text value, or holds the contact's id.</summary>
    public static bool Mentions(JsonNode node, Erasure erasure) => Visit(node.DeepClone(), erasure, scrub: false);

    private static bool Visit(JsonNode node, Erasure erasure, bool scrub)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is null) continue;
                    if (CodeProperties.Contains(key))
                    {
                        if (!scrub && HoldsId(child, erasure)) return true;
                        continue;
                    }
                    if (child is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        if (!scrub && IsContactId(text, erasure)) return true;
                        if (ScrubText(text, erasure) is { } scrubbed)
                        {
                            if (!scrub) return true;
                            obj[key] = scrubbed;
                            changed = true;
                        }
                    }
                    else if (Visit(child, erasure, scrub))
                    {
                        if (!scrub) return true;
                        changed = true;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        if (!scrub && IsContactId(text, erasure)) return true;
                        if (ScrubText(text, erasure) is { } scrubbed)
                        {
                            if (!scrub) return true;
                            array[i] = scrubbed;
                            changed = true;
                        }
                    }
                    else if (array[i] is { } child && Visit(child, erasure, scrub))
                    {
                        if (!scrub) return true;
                        changed = true;
                    }
                }
                break;
        }
        return changed;
    }

    private static bool HoldsId(JsonNode node, Erasure erasure) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) && IsContactId(text, erasure);

    private static bool IsContactId(string text, Erasure erasure) => Guid.TryParse(text, out var id) && id == erasure.ContactId;

    private static readonly Regex IsoDate = new(@"^\d{4}-\d{2}-\d{2}", RegexOptions.Compiled);

    /// <summary>The text with the words replaced, or null when it has none of them. Ids and ISO dates are never words.</summary>
    private static string? ScrubText(string text, Erasure erasure)
    {
        if (Guid.TryParse(text, out _) || IsoDate.IsMatch(text)) return null;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                if (JsonNode.Parse(text) is { } inner && ScrubJson(inner, erasure)) return inner.ToJsonString(Json);
                return null;
            }
            catch (JsonException) { }
        }
        var scrubbed = erasure.Scrub(text);
        return scrubbed == text ? null : scrubbed;
    }
}
