using System.Security.Cryptography;
using System.Text;

namespace Campaigns.DemoData;

/// <summary>
/// Stable ids for the demo data: a UUID derived from a key such as <c>demo:contact:vanzwol</c> (SHA-256, first 16 bytes),
/// so that every run of the seeder writes the same streams and a second run can see that the demo set is already there.
/// </summary>
public static class DemoIds
{
    public static Guid For(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static Guid Contact(string key) => For($"demo:contact:{key}");
    public static Guid Campaign(string key) => For($"demo:campaign:{key}");
    public static Guid Demand(string campaignKey, string code) => For($"demo:demand:{campaignKey}:{code.ToLowerInvariant()}");
    public static Guid Interaction(string key) => For($"demo:interaction:{key}");

    /// <summary>The stream whose existence means "the demo set is present".</summary>
    public static Guid FormationCampaign => Campaign(DemoDataSet.Formatie);
}
