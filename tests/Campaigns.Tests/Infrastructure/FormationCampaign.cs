namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// The cabinet-formation letter from the seed documents as test data: informateurs Dijkgraaf and Van Zwol,
/// the themes it names and two of its numbered demands.
/// </summary>
public sealed record FormationCampaign(
    Guid CampaignId, Guid Dijkgraaf, Guid VanZwol, Guid Kamerlid, Guid Demand2d, Guid Demand3a)
{
    public static async Task<FormationCampaign> Create(IntegrationContextApi api)
    {
        await api.Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie en energie-infrastructuur" });
        await api.Create("/api/themes", new { slug = "vakmensen", label = "Technische vakmensen" });
        await api.Create("/api/themes", new { slug = "regeldruk", label = "Regeldruk" });

        var campaign = await api.Create("/api/campaigns", new
        {
            name = "Kabinetsformatie: Gemaakt in Nederland!",
            goal = "Wensen van de MKB-maakindustrie in het coalitieakkoord",
            startsOn = "2025-11-01",
            themes = new[] { "netcongestie", "vakmensen", "regeldruk" }
        });
        var dijkgraaf = await api.Create("/api/contacts", new { name = "Dijkgraaf", kind = "informateur", organisation = "Tweede Kamer", effectiveOn = "2025-11-01" });
        var vanZwol = await api.Create("/api/contacts", new { name = "Van Zwol", kind = "informateur", organisation = "Tweede Kamer", effectiveOn = "2025-11-01" });
        var kamerlid = await api.Create("/api/contacts", new { name = "Henri Bontenbal", kind = "kamerlid", organisation = "CDA", effectiveOn = "2021-03-31" });
        var demand2d = await api.Create($"/api/campaigns/{campaign}/demands", new
        {
            theme = "vakmensen", code = "2d",
            text = "Verhoog de Subsidieregeling Praktijkleren",
            target = "Subsidie Praktijkleren minimaal EUR 2.700 per student",
            source = "Brief aan de informateurs", formulatedOn = "2025-11-01"
        });
        var demand3a = await api.Create($"/api/campaigns/{campaign}/demands", new
        {
            theme = "netcongestie", code = "3a", text = "Versnel de aanpak van netcongestie voor het mkb", source = "Brief aan de informateurs", formulatedOn = "2025-11-01"
        });
        return new FormationCampaign(campaign, dijkgraaf, vanZwol, kamerlid, demand2d, demand3a);
    }

    public object Letter(string subject = "Wensen MKB-maakindustrie voor de formatie", string sentOn = "2025-11-10", Guid[]? demands = null) => new
    {
        campaignId = CampaignId,
        contactIds = new[] { Dijkgraaf, VanZwol },
        themes = new[] { "vakmensen", "netcongestie" },
        demandIds = demands ?? [Demand2d, Demand3a],
        subject,
        summary = "Brief met wensen 1a tot en met 3c",
        sentOn,
        documentRef = "brief-informateurs-2025"
    };

    public object Meeting(Guid contact, string heldOn = "2025-11-20", Guid[]? demands = null, string subject = "Gesprek over praktijkleren") => new
    {
        campaignId = CampaignId,
        contactIds = new[] { contact },
        themes = new[] { "vakmensen" },
        demandIds = demands ?? [Demand2d],
        subject,
        summary = "Toelichting op wens 2d",
        outcome = "Neemt het mee naar de onderhandelingen",
        heldOn,
        location = "Den Haag"
    };
}

/// <summary>What test data builders may call on a test.</summary>
public interface IntegrationContextApi
{
    Task<Guid> Create(string url, object body, string? user = null, string? role = null);
}

/// <summary>A test that starts from the formation campaign: wiped store, then the campaign, its contacts and demands.</summary>
public abstract class FormationContext(AppFixture fixture) : IntegrationContext(fixture)
{
    protected FormationCampaign _formation = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _formation = await FormationCampaign.Create(this);
    }
}
