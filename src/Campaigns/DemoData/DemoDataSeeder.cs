using System.Security.Claims;
using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Infrastructure;
using Campaigns.Interactions;
using Campaigns.Themes;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Http;

namespace Campaigns.DemoData;

public sealed record DemoSeedResult(
    bool AlreadyPresent, int Themes, int Contacts, int Campaigns, int Demands, int Interactions, int Events,
    int FollowUps = 0, bool RefusedNotEmpty = false)
{
    public static DemoSeedResult Present { get; } = new(true, 0, 0, 0, 0, 0, 0);

    /// <summary>The store holds events that are not the demo set's: real data, which the demo must never mix with.</summary>
    public static DemoSeedResult NotEmpty { get; } = new(false, 0, 0, 0, 0, 0, 0, 0, true);

    public bool Seeded => !AlreadyPresent && !RefusedNotEmpty;

    public override string ToString() => (AlreadyPresent, RefusedNotEmpty) switch
    {
        (true, _) => "Demo data already present; nothing seeded.",
        (_, true) => "The store already holds data; the demo set is only loaded into an empty store. Nothing seeded.",
        _ => $"Demo data seeded: {Themes} themes, {Contacts} contacts, {Campaigns} campaigns, {Demands} demands, " +
             $"{Interactions} interactions, {FollowUps} follow-ups settled or scheduled by hand, {Events} events."
    };
}

/// <summary>
/// Loads <see cref="DemoDataSet"/> through the same code a user's request runs: each endpoint's Validate functions
/// (a refusal stops the seeding), then its Decide or Post function, appended with Marten as the named team member.
/// Each step commits on its own; an advisory lock keeps a second node from seeding at the same time, and the
/// <see cref="DemoDataSeeded"/> record written last makes a second run do nothing. A store that holds any other event
/// (also a seeding that stopped halfway) is refused: the demo set never mixes with a team's real data.
/// </summary>
public sealed class DemoDataSeeder(
    IDocumentStore store, TimeProvider clock, IOptions<FollowUpPolicyOptions> policies, ILogger<DemoDataSeeder> logger)
{
    /// <summary>Serialises seeders on one database: "demodata" as a number.</summary>
    private const long AdvisoryLockKey = 0x64656d6f64617461;

    private const int StepsPerTransaction = 50;

    public Task<DemoSeedResult> SeedAsync(CancellationToken ct = default) =>
        SeedAsync(DemoDataSet.For(policies.Value.Today(clock)), ct);

    internal async Task<DemoSeedResult> SeedAsync(IReadOnlyList<DemoStep> steps, CancellationToken ct)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var seeding = await SessionAdvisoryLock.TakeAsync(store, AdvisoryLockKey, ct);
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DemoDataSeeded>(DemoDataSeeded.TheId, ct) is not null)
            {
                logger.LogDebug("Demo data present since an earlier start; not seeding");
                return DemoSeedResult.Present;
            }
            if (await query.Events.QueryAllRawEvents().AnyAsync(ct))
            {
                logger.LogWarning("The event store is not empty; the demo data is only loaded into an empty store");
                return DemoSeedResult.NotEmpty;
            }
        }

        var counts = new Counts();
        await using (var accounts = store.LightweightSession())
        {
            await EnsureTeamAccountsAsync(accounts, steps, ct);
            await accounts.SaveChangesAsync(ct);
        }
        // Short transactions of a few dozen steps, each step flushed into it as a request would be: the timeline
        // subscription follows the events as they commit. One long transaction holding hundreds of sequence numbers for
        // seconds can be skipped by the daemon as a gap; one commit per step pays a disk flush per step.
        foreach (var chunk in steps.Chunk(StepsPerTransaction))
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            foreach (var step in chunk)
            {
                // Marten stamps every event of this unit of work with the acting user, as the HTTP pipeline does with the signed-in user.
                session.LastModifiedBy = step.Actor;
                await RunAsync(step, session, counts, ct);
                counts.Events += session.PendingChanges.Streams().Sum(s => s.Events.Count);
                await session.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }

        await using (var done = store.LightweightSession())
        {
            done.Store(new DemoDataSeeded { SeededAt = clock.GetUtcNow(), Events = counts.Events });
            await done.SaveChangesAsync(ct);
        }
        return counts.ToResult();
    }

    /// <summary>
    /// Schedules the reminders of the demo's follow-ups that are still open and due today or later, as the app does when
    /// one is opened: a newcomer sees them arrive. Runs in the started app only (the <c>seed</c> command has no running bus).
    /// </summary>
    public async Task<int> ScheduleRemindersAsync(IMessageBus bus, CancellationToken ct)
    {
        var today = policies.Value.Today(clock);
        await using var session = store.QuerySession();
        var open = await session.Query<FollowUp>()
            .Where(f => f.Status == FollowUpStatus.Open && f.DueOn >= today)
            .Select(f => new { f.Id, f.DueOn })
            .ToListAsync(ct);
        foreach (var followUp in open)
            await bus.ScheduleAsync(new RemindFollowUp(followUp.Id, followUp.DueOn), policies.Value.ReminderAt(followUp.DueOn));
        return open.Count;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task RunAsync(DemoStep step, IDocumentSession session, Counts counts, CancellationToken ct)
    {
        // A request without If-Match: the endpoints' concurrency checks let it through, as they would a client's.
        var http = new DefaultHttpContext();

        switch (step)
        {
            case AddThemeStep s:
            {
                var problem = await AddThemeHandler.ValidateAsync(s.Command, session, ct);
                // A theme with this slug was added by a user already: the demo set uses it as it is.
                if (problem.Status == StatusCodes.Status409Conflict) return;
                Ensure(problem, step);
                var (_, start) = AddThemeHandler.Handle(s.Command);
                start.Execute(session);
                counts.Themes++;
                break;
            }
            case RegisterContactStep s:
                Ensure(RegisterContactHandler.Validate(s.Command, clock), step);
                session.Events.StartStream<Contact>(s.ContactId, RegisterContactHandler.Decide(s.Command, s.ContactId, Today));
                counts.Contacts++;
                break;
            case ChangeContactRoleStep s:
            {
                var command = s.Command with { ContactId = s.ContactId };
                var contact = await FetchAsync<Contact>(session, s.ContactId, step, ct);
                Ensure(ChangeContactRoleHandler.Validate(command, contact), step);
                contact.AppendMany(ChangeContactRoleHandler.Handle(command, contact).Item2);
                break;
            }
            case EndContactRoleStep s:
            {
                var command = s.Command with { ContactId = s.ContactId };
                var contact = await FetchAsync<Contact>(session, s.ContactId, step, ct);
                Ensure(EndContactRoleHandler.Validate(command, contact), step);
                contact.AppendMany(EndContactRoleHandler.Handle(command, contact).Item2);
                break;
            }
            case StartCampaignStep s:
                Ensure(await StartCampaignHandler.ValidateAsync(s.Command, session, ct), step);
                session.Events.StartStream<Campaign>(s.CampaignId, StartCampaignHandler.Decide(s.Command, s.CampaignId));
                counts.Campaigns++;
                break;
            case CloseCampaignStep s:
            {
                var command = s.Command with { CampaignId = s.CampaignId };
                var campaign = await FetchAsync<Campaign>(session, s.CampaignId, step, ct);
                Ensure(CloseCampaignHandler.Validate(command, campaign), step);
                campaign.AppendMany(CloseCampaignHandler.Handle(command, campaign).Item2);
                break;
            }
            case FormulateDemandStep s:
            {
                var command = s.Command with { CampaignId = s.CampaignId };
                Ensure(await FormulateDemandHandler.ValidateAsync(command, session, clock, ct), step);
                session.Events.StartStream<Demand>(s.DemandId, FormulateDemandHandler.Decide(command, s.DemandId, Today));
                counts.Demands++;
                break;
            }
            case RecordSupportStep s:
            {
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(await RecordSupportHandler.ValidateAsync(s.Command with { DemandId = s.DemandId }, demand, session, clock, ct), step);
                demand.AppendOne(RecordSupportHandler.Decide(s.Command, demand.Aggregate!));
                break;
            }
            case AdoptDemandStep s:
            {
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(await AdoptDemandHandler.ValidateAsync(s.Command with { DemandId = s.DemandId }, demand, session, clock, ct), step);
                var adopted = AdoptDemandHandler.Decide(s.Command, demand.Aggregate!);
                var adoptedAt = demand.CurrentVersion.GetValueOrDefault() + 1;
                demand.AppendOne(adopted);
                if (FollowUpPolicies.AfterAdoption(adopted, adoptedAt, demand.Aggregate!, s.Actor, policies.Value) is { } check)
                    session.Events.StartStream<FollowUp>(check.FollowUpId, check);
                break;
            }
            case RejectDemandStep s:
            {
                var command = new RejectDemand(s.Command.OccurredOn, s.Command.Note) { DemandId = s.DemandId };
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(RejectDemandHandler.Validate(command, demand, clock), step);
                demand.AppendOne(RejectDemandHandler.Decide(command, demand.Aggregate!));
                break;
            }
            case WithdrawDemandStep s:
            {
                var command = new WithdrawDemand(s.Command.OccurredOn, s.Command.Note) { DemandId = s.DemandId };
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(WithdrawDemandHandler.Validate(command, demand, clock), step);
                demand.AppendOne(WithdrawDemandHandler.Decide(command, demand.Aggregate!));
                break;
            }
            case LogInteractionStep s:
            {
                var (problem, logged) = s.Command switch
                {
                    SendLetter c => (await LogInteraction.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<LetterSent>(c, s.InteractionId, s.Actor)),
                    LogMeeting c => (await LogInteraction.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<MeetingHeld>(c, s.InteractionId, s.Actor)),
                    LogCall c => (await LogInteraction.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<CallMade>(c, s.InteractionId, s.Actor)),
                    LogEmail c => (await LogInteraction.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<EmailSent>(c, s.InteractionId, s.Actor)),
                    LogHearing c => (await LogInteraction.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<HearingAttended>(c, s.InteractionId, s.Actor)),
                    _ => throw new InvalidOperationException($"No endpoint logs a {s.Command.GetType().Name}.")
                };
                Ensure(problem, step);
                session.Events.StartStream<Interaction>(logged.InteractionId, logged);
                foreach (var raise in DemandStreams.Raises(logged.DemandIds, logged.InteractionId, logged.HappenedOn, logged.ContactIds))
                    (await FetchAsync<Demand>(session, raise.DemandId, step, ct)).AppendOne(
                        new DemandRaised(raise.DemandId, raise.InteractionId, raise.RaisedOn, raise.ContactIds));
                // What the follow-up policies cascade in the app, applied in the same step: a later contact settles a chaser,
                // and new follow-ups open. The demo's reminders lie in the past, so no reminder messages are scheduled.
                var openChasers = await session.Query<FollowUp>().Where(FollowUpLookups.OpenChasers(logged.CampaignId)).ToListAsync(ct);
                foreach (var settled in FollowUpPolicies.SettledBy(logged, openChasers))
                    session.Events.Append(settled.FollowUpId, settled);
                foreach (var scheduled in FollowUpPolicies.AfterInteraction(logged, await session.LoadManyAsync<Contact>(ct, logged.ContactIds), s.Actor, policies.Value))
                    session.Events.StartStream<FollowUp>(scheduled.FollowUpId, scheduled);
                counts.Interactions++;
                break;
            }
            case CorrectInteractionStep s:
            {
                var command = s.Command with { InteractionId = s.InteractionId };
                var interaction = await FetchAsync<Interaction>(session, s.InteractionId, step, ct);
                Ensure(await CorrectInteractionHandler.ValidateAsync(command, interaction, session, clock, ct), step);
                var (_, corrected, messages) = CorrectInteractionHandler.Handle(command, interaction);
                interaction.AppendMany(corrected);
                foreach (var raise in messages.OfType<RaiseDemand>())
                    (await FetchAsync<Demand>(session, raise.DemandId, step, ct)).AppendOne(
                        new DemandRaised(raise.DemandId, raise.InteractionId, raise.RaisedOn, raise.ContactIds));
                await WithdrawMentionsAsync(session, messages.OfType<WithdrawDemandMention>(), step, ct);
                foreach (var move in messages.OfType<RedateDemandMention>())
                    await OnDemandAsync(session, move.DemandId, step, events => DemandStreams.Redate(move.DemandId, events, move.InteractionId, move.RaisedOn), ct);
                break;
            }
            case RetractInteractionStep s:
            {
                var command = s.Command with { InteractionId = s.InteractionId };
                var interaction = await FetchAsync<Interaction>(session, s.InteractionId, step, ct);
                Ensure(RetractInteractionHandler.Validate(command, interaction), step);
                var (_, retracted, messages) = RetractInteractionHandler.Handle(command, interaction);
                interaction.AppendMany(retracted);
                await WithdrawMentionsAsync(session, messages.OfType<WithdrawDemandMention>(), step, ct);
                break;
            }
            case ScheduleFollowUpStep s:
                Ensure(await ScheduleFollowUpHandler.ValidateAsync(s.Command, session, ct), step);
                // Its reminder is not scheduled: the seeder writes events only (see the README).
                FollowUpScheduling.Start(ScheduleFollowUpHandler.Decide(s.Command, s.FollowUpId, s.Actor), session, policies.Value);
                counts.FollowUps++;
                break;
            case CompleteFollowUpStep s:
            {
                var followUp = await session.Events.FetchForWriting<FollowUp>(s.FollowUpId, ct);
                if (followUp.Aggregate is null) return;
                var command = s.Command with { FollowUpId = s.FollowUpId };
                Ensure(await CompleteFollowUpHandler.ValidateAsync(command, followUp, Envelope(s.Actor), session, ct), step);
                followUp.AppendMany(CompleteFollowUpHandler.Handle(command, followUp, policies, clock).Item2);
                counts.FollowUps++;
                break;
            }
            case CancelFollowUpStep s:
            {
                var followUp = await session.Events.FetchForWriting<FollowUp>(s.FollowUpId, ct);
                if (followUp.Aggregate is null) return;
                var command = s.Command with { FollowUpId = s.FollowUpId };
                Ensure(await CancelFollowUpHandler.ValidateAsync(command, followUp, Envelope(s.Actor), session, ct), step);
                followUp.AppendMany(CancelFollowUpHandler.Handle(command, followUp).Item2);
                counts.FollowUps++;
                break;
            }
            case RescheduleFollowUpStep s:
            {
                var followUp = await FetchAsync<FollowUp>(session, s.FollowUpId, step, ct);
                var command = s.Command with { FollowUpId = s.FollowUpId };
                Ensure(await RescheduleFollowUpHandler.ValidateAsync(command, followUp, Envelope(s.Actor), session, ct), step);
                followUp.AppendMany(RescheduleFollowUpHandler.Handle(command, followUp, policies).Item2);
                counts.FollowUps++;
                break;
            }
            default:
                throw new InvalidOperationException($"Unknown demo step {step.GetType().Name}.");
        }
    }

    /// <summary>What WithdrawDemandMentionHandler does in the app, applied in the same step.</summary>
    private static async Task WithdrawMentionsAsync(IDocumentSession session, IEnumerable<WithdrawDemandMention> withdrawals, DemoStep step, CancellationToken ct)
    {
        foreach (var withdrawal in withdrawals)
            await OnDemandAsync(session, withdrawal.DemandId, step, events => DemandStreams.Withdraw(withdrawal.DemandId, events, withdrawal.InteractionId), ct);
    }

    private static async Task OnDemandAsync(IDocumentSession session, Guid demandId, DemoStep step, Func<IReadOnlyList<IEvent>, object?> decide, CancellationToken ct) =>
        await DemandStreams.DecideAsync(await FetchAsync<Demand>(session, demandId, step, ct), session, decide, ct);

    /// <summary>What <c>[WriteAggregate]</c> does for an endpoint: the current state, and the version to append after.</summary>
    private static async Task<IEventStream<T>> FetchAsync<T>(IDocumentSession session, Guid id, DemoStep step, CancellationToken ct)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(id, ct);
        return stream.Aggregate is null
            ? throw new InvalidOperationException($"Demo step {Describe(step)} points at {typeof(T).Name} {id}, which does not exist.")
            : stream;
    }

    /// <summary>The team member as the endpoints see a signed-in officer: they settle their own follow-ups.</summary>
    private static Envelope Envelope(string actor) => new() { UserName = actor };

    /// <summary>
    /// Follow-ups go to active team members only, so the demo's team members get accounts too. Their one-time passwords
    /// are never shown: nobody signs in as them. The demo officer and manager made at first start keep theirs.
    /// </summary>
    private async Task EnsureTeamAccountsAsync(IDocumentSession session, IReadOnlyList<DemoStep> steps, CancellationToken ct)
    {
        foreach (var actor in steps.Select(s => s.Actor).Distinct())
        {
            if (await session.LoadAsync<UserAccount>(UserAccount.IdFor(actor), ct) is not null) continue;
            var role = actor == DemoDataSet.Team.DemoManager ? Roles.Manager : Roles.Officer;
            var (account, token, _) = UserDirectory.NewAccount(actor, role, "demodata", clock.GetUtcNow());
            session.Insert(account);
            session.Insert(token);
        }
    }

    private static void Ensure(ProblemDetails problem, DemoStep step)
    {
        if (ReferenceEquals(problem, WolverineContinue.NoProblems) || problem.Status is null or < 400) return;
        var detail = problem is ValidationProblemDetails validation
            ? string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : problem.Detail;
        throw new InvalidOperationException($"Demo step {Describe(step)} was refused ({problem.Status} {problem.Title}): {detail}");
    }

    private static string Describe(DemoStep step) => $"{step.GetType().Name} by {step.Actor}";

    private sealed class Counts
    {
        public int Themes, Contacts, Campaigns, Demands, Interactions, Events, FollowUps;

        public DemoSeedResult ToResult() => new(false, Themes, Contacts, Campaigns, Demands, Interactions, Events, FollowUps);
    }
}

/// <summary>Written when the whole demo set has been loaded.</summary>
public sealed class DemoDataSeeded
{
    public const string TheId = "demo-data";
    public string Id { get; set; } = TheId;
    public DateTimeOffset SeededAt { get; set; }
    public int Events { get; set; }
}
