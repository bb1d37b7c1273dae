using System.Security.Cryptography;
using System.Text;
using Campaigns.FollowUps;
using Campaigns.Themes;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Options;
using Wolverine.Marten.Subscriptions;

namespace Campaigns.Parliament;

/// <summary>
/// The "inbreng sturen" follow-up a debate on the theme asks for: opened when missing, moved to the new due day, or
/// cancelled. One message per follow-up stream, so that one handler writes one stream.
/// </summary>
/// <param name="Cancelled">The debate was cancelled or withdrawn from the open data: cancel the follow-up if it is open.</param>
public record AlignAgendaFollowUp(FollowUpScheduled Desired, bool Cancelled, string Reason);

/// <summary>
/// Agenda alerts, off the import's path: a subscription of Marten's daemon sees every activity event and, for each theme
/// whose committees, dossiers or keywords the debate matches, sends <see cref="AlignAgendaFollowUp"/> through Wolverine's
/// outbox in the same transaction as its progress. The follow-up's id derives from the activity and the theme, so a page
/// processed twice aligns the same follow-up twice, which changes nothing the second time.
/// </summary>
public sealed class AgendaSubscription : BatchSubscription
{
    public const string Name = "parliament-agenda";
    public const string ProgressName = Name + ":All";

    /// <summary>The activities a team sends inbreng for.</summary>
    public static readonly string[] Debates = ["Commissiedebat", "Rondetafelgesprek", "Plenair debat", "Notaoverleg", "Wetgevingsoverleg"];

    public AgendaSubscription() : base(Name)
    {
        IncludeType<ActivityScheduled>();
        IncludeType<ActivityRescheduled>();
        IncludeType<ActivityCancelled>();
        IncludeType<ActivityChanged>();
        IncludeType<ParliamentItemRemoved>();
        IncludeType<WrittenQuestionsFiled>();
        IncludeType<ThemeParliamentScopeSet>();
        Options.BatchSize = 500;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        var themes = (await operations.Query<Theme>().ToListAsync(cancellationToken)).Where(t => t.Parliament is { IsEmpty: false }).ToList();
        if (themes.Count == 0) return;
        foreach (var e in page.Events)
        {
            if (e.Data is ThemeParliamentScopeSet scopeSet)
            {
                // A theme that gets its scope after the import: the debates still to come ask for inbreng too. From the
                // day the scope was set (the event's timestamp, not the clock), so a replay decides the same.
                var theme = themes.FirstOrDefault(t => t.Slug == scopeSet.Slug);
                if (theme is null) continue;
                var from = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
                var coming = await operations.Query<ParliamentItem>()
                    .Where(i => !i.Removed && i.Kind == ParliamentKinds.Activiteit && i.On >= from).ToListAsync(cancellationToken);
                foreach (var debate in coming.Where(d => d.Activity is { Status: not ParliamentImport.Geannuleerd }))
                foreach (var message in Align(debate.Id, debate.Activity!, [theme], e.UserName, cancelled: false, "Thema gekoppeld aan de Kamer"))
                    await bus.PublishAsync(message);
                continue;
            }
            if (e.Data is WrittenQuestionsFiled asked)
            {
                foreach (var message in NoteQuestions(asked, themes)) await bus.PublishAsync(message);
                continue;
            }
            var activity = e.Data switch
            {
                ActivityScheduled s => s.Activity,
                ActivityRescheduled r => r.Activity,
                ActivityCancelled c => c.Activity,
                ActivityChanged c => c.Activity,
                _ => null
            };
            if (e.Data is ParliamentItemRemoved removed)
            {
                // Only the stream's snapshot still knows what the removed activity was.
                var item = await operations.LoadAsync<ParliamentItem>(removed.TkId, cancellationToken);
                if (item?.Activity is null) continue;
                foreach (var message in Align(item.Id, item.Activity, themes, e.UserName, cancelled: true, "Debat verwijderd uit de open data van de Tweede Kamer"))
                    await bus.PublishAsync(message);
                continue;
            }
            if (activity is null) continue;
            var (isCancelled, reason) = e.Data switch
            {
                ActivityCancelled => (true, "Debat geannuleerd"),
                ActivityRescheduled r => (false, $"Debat verplaatst van {(r.PreviousAanvangstijd is { } was ? Web.Dutch.Date(DateOnly.FromDateTime(was.DateTime)) : "onbekend")}"),
                _ => (activity.Status == ParliamentImport.Geannuleerd, "Debat gepland")
            };
            foreach (var message in Align(e.StreamId, activity, themes, e.UserName, isCancelled, reason))
                await bus.PublishAsync(message);
        }
    }

    /// <summary>One message per theme the debate concerns. Pure: a replayed event decides the same.</summary>
    public static IEnumerable<AlignAgendaFollowUp> Align(Guid activityId, ActivityDetails activity, IEnumerable<Theme> themes, string? importedBy, bool cancelled, string reason)
    {
        if (!Debates.Contains(activity.Soort, StringComparer.OrdinalIgnoreCase) || activity.Aanvangstijd is not { } start) yield break;
        var item = new ParliamentItem(activityId, ParliamentKinds.Activiteit, activity.Soort, activity.Nummer, activity.Onderwerp, activity.Onderwerp,
            null, null, activity, null, [], [], false, 0);
        var on = DateOnly.FromDateTime(start.DateTime);
        foreach (var theme in themes.Where(t => ParliamentMatching.Matches(t.Parliament, item)))
        {
            var scope = theme.Parliament!;
            var committee = activity.Commissies.FirstOrDefault()?.Afkorting;
            var scheduled = new FollowUpScheduled(IdFor(activityId, theme.Slug), FollowUpKind.Inbreng,
                $"Inbreng sturen: {activity.Soort} {activity.Onderwerp} op {Web.Dutch.Date(on)}" + (committee is null ? "" : $" ({committee})"),
                WorkingDays.Before(on, scope.LeadWorkingDays), scope.Owner ?? importedBy ?? "tk-import", null, [], [theme.Slug], null, null, null);
            yield return new AlignAgendaFollowUp(scheduled, cancelled, reason);
        }
    }

    /// <summary>Schriftelijke vragen on a theme's dossiers or keywords go on the theme's timeline.</summary>
    public static IEnumerable<NoteWrittenQuestions> NoteQuestions(WrittenQuestionsFiled asked, IEnumerable<Theme> themes)
    {
        var item = new ParliamentItem(asked.TkId, ParliamentKinds.Zaak, asked.Zaak.Soort, asked.Zaak.Nummer, asked.Zaak.Titel, asked.Zaak.Onderwerp,
            asked.Zaak.GestartOp, asked.Zaak, null, null, [], [], false, 0);
        return themes.Where(t => ParliamentMatching.Matches(t.Parliament, item)).Select(t => new NoteWrittenQuestions(t.Id, asked.TkId));
    }

    public static Guid IdFor(Guid activityId, string themeSlug) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"inbreng:{activityId}:{themeSlug}")).AsSpan(0, 16));
}

public static class AlignAgendaFollowUpHandler
{
    public static async Task<OutgoingMessages> Handle(AlignAgendaFollowUp message, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct)
    {
        var desired = message.Desired;
        var stream = await session.Events.FetchForWriting<FollowUp>(desired.FollowUpId, ct);
        if (stream.Aggregate is null)
            return message.Cancelled ? [] : FollowUpScheduling.Start(desired, session, options.Value);
        if (!stream.Aggregate.IsOpen) return [];
        if (message.Cancelled)
        {
            stream.AppendOne(new FollowUpCancelled(desired.FollowUpId, message.Reason, null));
            return [];
        }
        if (stream.Aggregate.DueOn == desired.DueOn) return [];
        stream.AppendOne(new FollowUpRescheduled(desired.FollowUpId, desired.DueOn, message.Reason));
        return FollowUpScheduling.Remind(desired.FollowUpId, desired.DueOn, options.Value);
    }
}

/// <summary>Puts schriftelijke vragen on the theme's stream, with the indieners we know as contacts.</summary>
public record NoteWrittenQuestions(Guid ThemeId, Guid TkId);

/// <summary>Kamervragen on the theme: on its timeline, with the indieners linked to their contacts (by TK person id).</summary>
public record WrittenQuestionsNoted(string Slug, Guid TkId, string? Nummer, string? Onderwerp, DateOnly? AskedOn, IReadOnlyList<string> Indieners, IReadOnlyList<Guid> ContactIds);

public static class NoteWrittenQuestionsHandler
{
    public static async Task Handle(NoteWrittenQuestions message, [WriteAggregate] IEventStream<Theme> stream, IQuerySession session, CancellationToken ct)
    {
        // Once per theme and item: a replayed page or a second import finds it noted.
        if (stream.Aggregate is not { } theme || theme.QuestionsNoted.Contains(message.TkId)) return;
        var item = await session.LoadAsync<ParliamentItem>(message.TkId, ct);
        if (item is null) return;
        var indieners = item.Actors.Where(a => a.Relatie is "Indiener" or "Medeindiener").ToList();
        var persons = indieners.Select(a => a.PersoonId).OfType<Guid>().Select(p => p.ToString("D")).ToList();
        var contacts = persons.Count == 0 ? [] : await session.Query<Contacts.Contact>().Where(c => c.TkPersoonId != null && c.TkPersoonId.IsOneOf(persons)).ToListAsync(ct);
        stream.AppendOne(new WrittenQuestionsNoted(theme.Slug, item.Id, item.Nummer, item.Onderwerp, item.On,
            indieners.Select(a => a.Naam + (a.Fractie is null ? "" : $" ({a.Fractie})")).ToList(),
            contacts.Where(c => !c.Forgotten).Select(c => c.Id).Distinct().ToList()));
    }
}

public static class ParliamentSetup
{
    public static void AddCampaignsParliament(this IServiceCollection services) => services.SubscribeToEvents(new AgendaSubscription());
}
