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
/// Everything is one database transaction, so the demo set is either fully there or not at all, and a second run
/// (or a second node starting at the same time) finds the demo campaign and does nothing. A store that holds any other
/// event is refused: the demo set never mixes with a team's real data.
/// </summary>
public sealed class DemoDataSeeder(
    IDocumentStore store, TimeProvider clock, IOptions<FollowUpPolicyOptions> policies, ILogger<DemoDataSeeder> logger)
{
    /// <summary>Serialises seeders on one database: "demodata" as a number.</summary>
    private const long AdvisoryLockKey = 0x64656d6f64617461;

    public Task<DemoSeedResult> SeedAsync(CancellationToken ct = default) =>
        SeedAsync(DemoDataSet.For(policies.Value.Today(clock)), ct);

    internal async Task<DemoSeedResult> SeedAsync(IReadOnlyList<DemoStep> steps, CancellationToken ct)
    {
        await using var unit = await LockedTransaction.BeginAsync(store, AdvisoryLockKey, ct);
        var session = unit.Session;
        if (await session.Events.FetchStreamStateAsync(DemoIds.FormationCampaign, ct) is not null)
        {
            logger.LogDebug("Demo campaign {CampaignId} exists; not seeding", DemoIds.FormationCampaign);
            return DemoSeedResult.Present;
        }
        if (await session.Events.QueryAllRawEvents().AnyAsync(ct))
        {
            logger.LogWarning("The event store is not empty; the demo data is only loaded into an empty store");
            return DemoSeedResult.NotEmpty;
        }

        var counts = new Counts();
        foreach (var step in steps)
        {
            // Marten stamps every event of this unit of work with the acting user, as the HTTP pipeline does with the signed-in user.
            session.LastModifiedBy = step.Actor;
            await RunAsync(step, session, counts, ct);
            counts.Events += session.PendingChanges.Streams().Sum(s => s.Events.Count);
            await session.SaveChangesAsync(ct);
        }

        await unit.CommitAsync(ct);
        return counts.ToResult();
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
                var problem = await AddThemeEndpoint.ValidateAsync(s.Command, session, ct);
                // A theme with this slug was added by a user already: the demo set uses it as it is.
                if (problem.Status == StatusCodes.Status409Conflict) return;
                Ensure(problem, step);
                var (_, start) = AddThemeEndpoint.Post(s.Command);
                start.Execute(session);
                counts.Themes++;
                break;
            }
            case RegisterContactStep s:
                Ensure(RegisterContactEndpoint.Validate(s.Command, clock), step);
                session.Events.StartStream<Contact>(s.ContactId, RegisterContactEndpoint.Decide(s.Command, s.ContactId, Today));
                counts.Contacts++;
                break;
            case ChangeContactRoleStep s:
            {
                Ensure(ChangeContactRoleEndpoint.Validate(s.Command), step);
                Ensure(await ChangeContactRoleEndpoint.ValidateAsync(s.ContactId, http, session, ct), step);
                var contact = await FetchAsync<Contact>(session, s.ContactId, step, ct);
                contact.AppendOne(ChangeContactRoleEndpoint.Decide(s.Command, contact.Aggregate!));
                break;
            }
            case EndContactRoleStep s:
            {
                Ensure(EndContactRoleEndpoint.Validate(s.Command), step);
                var contact = await FetchAsync<Contact>(session, s.ContactId, step, ct);
                Ensure(EndContactRoleEndpoint.Validate(s.Command, contact.Aggregate!), step);
                contact.AppendOne(EndContactRoleEndpoint.Post(s.Command, contact.Aggregate!));
                break;
            }
            case StartCampaignStep s:
                Ensure(await StartCampaignEndpoint.ValidateAsync(s.Command, session, ct), step);
                session.Events.StartStream<Campaign>(s.CampaignId, StartCampaignEndpoint.Decide(s.Command, s.CampaignId));
                counts.Campaigns++;
                break;
            case CloseCampaignStep s:
            {
                Ensure(CloseCampaignEndpoint.Validate(s.Command), step);
                var campaign = await FetchAsync<Campaign>(session, s.CampaignId, step, ct);
                Ensure(CloseCampaignEndpoint.Validate(s.Command, campaign.Aggregate!), step);
                campaign.AppendOne(CloseCampaignEndpoint.Post(s.Command, campaign.Aggregate!));
                break;
            }
            case FormulateDemandStep s:
                Ensure(await FormulateDemandEndpoint.ValidateAsync(s.CampaignId, s.Command, session, clock, ct), step);
                session.Events.StartStream<Demand>(s.DemandId, FormulateDemandEndpoint.Decide(s.CampaignId, s.Command, s.DemandId, Today));
                counts.Demands++;
                break;
            case RecordSupportStep s:
            {
                Ensure(await RecordSupportEndpoint.ValidateAsync(s.DemandId, s.Command, http, session, clock, ct), step);
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(RecordSupportEndpoint.Validate(s.Command, demand.Aggregate!), step);
                demand.AppendOne(RecordSupportEndpoint.Decide(s.Command, demand.Aggregate!));
                break;
            }
            case AdoptDemandStep s:
            {
                Ensure(await AdoptDemandEndpoint.ValidateAsync(s.DemandId, s.Command, http, session, clock, ct), step);
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(AdoptDemandEndpoint.Validate(s.Command, demand.Aggregate!), step);
                var adopted = AdoptDemandEndpoint.Decide(s.Command, demand.Aggregate!);
                demand.AppendOne(adopted);
                FollowUpScheduling.AfterAdoption(adopted, demand.Aggregate!, s.Actor, session, policies.Value);
                break;
            }
            case RejectDemandStep s:
            {
                Ensure(await RejectDemandEndpoint.ValidateAsync(s.DemandId, s.Command, http, session, clock, ct), step);
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(RejectDemandEndpoint.Validate(s.Command, demand.Aggregate!), step);
                demand.AppendOne(RejectDemandEndpoint.Post(s.Command, demand.Aggregate!));
                break;
            }
            case WithdrawDemandStep s:
            {
                Ensure(await WithdrawDemandEndpoint.ValidateAsync(s.DemandId, s.Command, http, session, clock, ct), step);
                var demand = await FetchAsync<Demand>(session, s.DemandId, step, ct);
                Ensure(WithdrawDemandEndpoint.Validate(s.Command, demand.Aggregate!), step);
                demand.AppendOne(WithdrawDemandEndpoint.Post(s.Command, demand.Aggregate!));
                break;
            }
            case LogInteractionStep s:
            {
                var (problem, logged) = s.Command switch
                {
                    SendLetter c => (await SendLetterEndpoint.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<LetterSent>(c, s.InteractionId, s.Actor)),
                    LogMeeting c => (await LogMeetingEndpoint.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<MeetingHeld>(c, s.InteractionId, s.Actor)),
                    LogCall c => (await LogCallEndpoint.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<CallMade>(c, s.InteractionId, s.Actor)),
                    LogEmail c => (await LogEmailEndpoint.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<EmailSent>(c, s.InteractionId, s.Actor)),
                    LogHearing c => (await LogHearingEndpoint.ValidateAsync(c, session, clock, ct),
                        LogInteraction.Decide<HearingAttended>(c, s.InteractionId, s.Actor)),
                    _ => throw new InvalidOperationException($"No endpoint logs a {s.Command.GetType().Name}.")
                };
                Ensure(problem, step);
                // The follow-up policies react as they do to a user's request; the demo's reminders lie in the past,
                // so no reminder messages are scheduled for them.
                await logged.AppendAsync(s.Actor, session, policies.Value, ct);
                counts.Interactions++;
                break;
            }
            case CorrectInteractionStep s:
            {
                Ensure(await CorrectInteractionEndpoint.ValidateAsync(s.InteractionId, s.Command, http, session, clock, ct), step);
                var interaction = await FetchAsync<Interaction>(session, s.InteractionId, step, ct);
                Ensure(CorrectInteractionEndpoint.Validate(s.Command, interaction.Aggregate!), step);
                interaction.AppendOne(await CorrectInteractionEndpoint.Post(s.Command, interaction.Aggregate!, session, ct));
                break;
            }
            case RetractInteractionStep s:
            {
                Ensure(await RetractInteractionEndpoint.ValidateAsync(s.InteractionId, s.Command, http, session, ct), step);
                var interaction = await FetchAsync<Interaction>(session, s.InteractionId, step, ct);
                Ensure(RetractInteractionEndpoint.Validate(s.Command, interaction.Aggregate!), step);
                interaction.AppendOne(RetractInteractionEndpoint.Post(s.Command, interaction.Aggregate!));
                break;
            }
            case ScheduleFollowUpStep s:
                Ensure(await ScheduleFollowUpEndpoint.ValidateAsync(s.Command, session, ct), step);
                // Its reminder is not scheduled: the seeder writes events only (see the README).
                FollowUpScheduling.Start(ScheduleFollowUpEndpoint.Decide(s.Command, s.FollowUpId, s.Actor), session, policies.Value);
                counts.FollowUps++;
                break;
            case CompleteFollowUpStep s:
            {
                Ensure(await CompleteFollowUpEndpoint.ValidateAsync(s.Command, session, ct), step);
                var followUp = await session.Events.FetchForWriting<FollowUp>(s.FollowUpId, ct);
                if (followUp.Aggregate is null) return;
                Ensure(CompleteFollowUpEndpoint.Validate(s.Command, followUp.Aggregate, User(s.Actor)), step);
                followUp.AppendOne(CompleteFollowUpEndpoint.Post(s.Command, followUp.Aggregate, policies, clock));
                counts.FollowUps++;
                break;
            }
            case CancelFollowUpStep s:
            {
                Ensure(CancelFollowUpEndpoint.Validate(s.Command), step);
                var followUp = await session.Events.FetchForWriting<FollowUp>(s.FollowUpId, ct);
                if (followUp.Aggregate is null) return;
                Ensure(CancelFollowUpEndpoint.Validate(s.Command, followUp.Aggregate, User(s.Actor)), step);
                followUp.AppendOne(CancelFollowUpEndpoint.Post(s.Command, followUp.Aggregate));
                counts.FollowUps++;
                break;
            }
            case RescheduleFollowUpStep s:
            {
                Ensure(RescheduleFollowUpEndpoint.Validate(s.Command), step);
                var followUp = await FetchAsync<FollowUp>(session, s.FollowUpId, step, ct);
                Ensure(RescheduleFollowUpEndpoint.Validate(s.Command, followUp.Aggregate!, User(s.Actor)), step);
                var (events, _) = RescheduleFollowUpEndpoint.Post(s.Command, followUp.Aggregate!, policies);
                followUp.AppendMany(events.ToArray());
                counts.FollowUps++;
                break;
            }
            default:
                throw new InvalidOperationException($"Unknown demo step {step.GetType().Name}.");
        }
    }

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
    private static ClaimsPrincipal User(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Roles.Officer)], "demo"));

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
