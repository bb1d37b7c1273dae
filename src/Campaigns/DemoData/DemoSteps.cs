using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Campaigns.Themes;

namespace Campaigns.DemoData;

/// <summary>
/// One thing a team member did, as the command they would have sent to the API, with the id the API would have made up.
/// <see cref="DemoDataSeeder"/> runs each step through the endpoint's own Validate and Decide functions.
/// </summary>
public abstract record DemoStep(string Actor);

public sealed record AddThemeStep(string Actor, AddTheme Command) : DemoStep(Actor);

public sealed record RegisterContactStep(string Actor, Guid ContactId, RegisterContact Command) : DemoStep(Actor);

public sealed record ChangeContactRoleStep(string Actor, Guid ContactId, ChangeContactRole Command) : DemoStep(Actor);

public sealed record EndContactRoleStep(string Actor, Guid ContactId, EndContactRole Command) : DemoStep(Actor);

public sealed record StartCampaignStep(string Actor, Guid CampaignId, StartCampaign Command) : DemoStep(Actor);

public sealed record CloseCampaignStep(string Actor, Guid CampaignId, CloseCampaign Command) : DemoStep(Actor);

public sealed record FormulateDemandStep(string Actor, Guid CampaignId, Guid DemandId, FormulateDemand Command) : DemoStep(Actor);

public sealed record RecordSupportStep(string Actor, Guid DemandId, RecordSupport Command) : DemoStep(Actor);

public sealed record AdoptDemandStep(string Actor, Guid DemandId, AdoptDemand Command) : DemoStep(Actor);

public sealed record RejectDemandStep(string Actor, Guid DemandId, CloseDemand Command) : DemoStep(Actor);

public sealed record WithdrawDemandStep(string Actor, Guid DemandId, CloseDemand Command) : DemoStep(Actor);

/// <summary>A letter, meeting, call, email or hearing: the command's type says which.</summary>
public sealed record LogInteractionStep(string Actor, Guid InteractionId, ILogInteraction Command) : DemoStep(Actor);

public sealed record CorrectInteractionStep(string Actor, Guid InteractionId, CorrectInteraction Command) : DemoStep(Actor);

public sealed record RetractInteractionStep(string Actor, Guid InteractionId, RetractInteraction Command) : DemoStep(Actor);

public sealed record ScheduleFollowUpStep(string Actor, Guid FollowUpId, ScheduleFollowUp Command) : DemoStep(Actor);

/// <summary>
/// Settles a follow-up as its assignee would. A follow-up that a policy would have scheduled, but that the configured
/// policies did not (say thank-you notes are switched off), is skipped: there is nothing to settle.
/// </summary>
public sealed record CompleteFollowUpStep(string Actor, Guid FollowUpId, CompleteFollowUp Command) : DemoStep(Actor);

public sealed record CancelFollowUpStep(string Actor, Guid FollowUpId, CancelFollowUp Command) : DemoStep(Actor);

public sealed record RescheduleFollowUpStep(string Actor, Guid FollowUpId, RescheduleFollowUp Command) : DemoStep(Actor);
