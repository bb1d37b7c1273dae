using Campaigns.Accounts;

namespace Campaigns.DemoData;

/// <summary>
/// With the demo data on, the first start also creates an officer and a manager account named after the demo set's
/// team members, so a newcomer can sign in as either role and find follow-ups and contact moments of their own.
/// </summary>
public static class DemoAccounts
{
    public static async Task<IReadOnlyList<NewCredentials>> CreateAsync(IConfiguration configuration, UserDirectory users, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>(DemoDataOnStartup.Setting)) return [];
        return
        [
            await users.AddAsync(DemoDataSet.Team.DemoOfficer, Roles.Officer, "demodata", ct),
            await users.AddAsync(DemoDataSet.Team.DemoManager, Roles.Manager, "demodata", ct)
        ];
    }
}
