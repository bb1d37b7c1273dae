using Campaigns.Contacts;

namespace Campaigns.Web;

/// <summary>Kind, organisation and date of a role: shared by "register a contact" and "change a role".</summary>
public sealed record RoleFields(FormPage Page, ContactKind? Kind, string? Organisation, DateOnly? EffectiveOn, string DateLabel);
