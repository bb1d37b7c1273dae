namespace Campaigns.Demands;

/// <summary>Which lifecycle steps a demand still allows. A refusal is a sentence for the user, null means allowed.</summary>
public static class DemandRules
{
    public static string? CanRecordSupport(Demand demand) =>
        demand.Status == DemandStatus.Withdrawn ? "Een ingetrokken wens kan geen steun meer krijgen." : null;

    public static string? CanAdopt(Demand demand) => demand switch
    {
        { Status: DemandStatus.Withdrawn } => "Een ingetrokken wens kan niet worden overgenomen.",
        { IsFullyAdopted: true } => "Deze wens is al volledig overgenomen.",
        _ => null
    };

    public static string? CanReject(Demand demand) => demand switch
    {
        { Status: DemandStatus.Withdrawn } => "Een ingetrokken wens kan niet worden afgewezen.",
        { Status: DemandStatus.Rejected } => "Deze wens is al afgewezen.",
        { IsFullyAdopted: true } => "Een volledig overgenomen wens kan niet meer worden afgewezen.",
        _ => null
    };

    public static string? CanWithdraw(Demand demand) => demand switch
    {
        { Status: DemandStatus.Withdrawn } => "Deze wens is al ingetrokken.",
        { IsFullyAdopted: true } => "Een volledig overgenomen wens kan niet meer worden ingetrokken.",
        _ => null
    };

    /// <summary>Only the latest step can be taken back: an adoption followed by a rejection or withdrawal is history.</summary>
    public static string? CanRetractAdoption(Demand demand) => demand switch
    {
        { Adoptions.Count: 0 } => "Deze wens heeft geen overname om in te trekken.",
        { Status: not DemandStatus.Adopted } => "Na de overname is de wens nog afgewezen of ingetrokken; die stap blijft staan.",
        _ => null
    };

    /// <summary>A step on the demand cannot have happened before the demand was formulated.</summary>
    public static Check NotBeforeFormulated(this Check check, string field, DateOnly? on, Demand demand) =>
        check.That(on is null || on >= demand.FormulatedOn, field,
            $"Ligt voor de dag waarop de wens is geformuleerd ({demand.FormulatedOn:d-M-yyyy}).");
}
