using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Admin;

/// <summary>
/// Accounts for admins: add one (the one-time password and the first API token are shown once, in this answer, never
/// stored or sent again), change a role, disable. Every change is the API's command, sent through the bus.
/// </summary>
public sealed class UsersModel(UserDirectory users, IMessageBus bus) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; } = Roles.Officer;
    /// <summary>The account a role change or disabling is about.</summary>
    [BindProperty] public string? Account { get; set; }
    [BindProperty] public string? NewRole { get; set; }

    [BindNever] public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];
    /// <summary>Shown once, right after the account was created.</summary>
    [BindNever] public NewCredentials? Created { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Name)] = "Gebruikersnaam", [nameof(Role)] = "Rol", [nameof(NewRole)] = "Nieuwe rol"
    };

    public static string RoleName(string role) => role switch
    {
        Roles.Officer => "medewerker",
        Roles.Manager => "manager",
        Roles.Admin => "beheerder",
        _ => role
    };

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await users.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await SendAsync(bus, new AddUser(Name?.Trim() ?? "", Role ?? ""), ct);
        if (result is not null)
        {
            // Not a redirect: the secrets are in this answer only, not in a cookie or the next request.
            Created = (NewCredentials)result.Details!;
            Name = null;
        }
        Accounts = await users.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await SendAsync(bus, new ChangeUserRole(NewRole ?? "") { UserName = Account ?? "" }, ct,
            new Dictionary<string, string> { ["role"] = nameof(NewRole) });
        if (result is null)
        {
            Accounts = await users.ListAsync(ct);
            return Page();
        }
        Flash($"{Account} is nu {RoleName(NewRole!)}. Die rol geldt vanaf het volgende verzoek; open sessies van {Account} zijn beëindigd.");
        return Redirect("/beheer/gebruikers");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await SendAsync(bus, new DisableUser { UserName = Account ?? "" }, ct);
        if (result is null)
        {
            Accounts = await users.ListAsync(ct);
            return Page();
        }
        Flash($"{Account} is uitgeschakeld: inloggen en alle API-tokens werken niet meer. Wat {Account} vastlegde, blijft.");
        return Redirect("/beheer/gebruikers");
    }
}
