using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Admin;

/// <summary>One account's API tokens: issue one (the secret is shown once, in this answer) or revoke one, through the bus.</summary>
public sealed class UserModel(UserDirectory users, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public string Name { get; set; } = "";
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public Guid? TokenId { get; set; }

    [BindNever] public UserAccount Account { get; private set; } = null!;
    [BindNever] public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    [BindNever] public IssuedToken? Issued { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { [nameof(Label)] = "Omschrijving" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var result = await SendAsync(bus, new IssueToken(Label) { UserName = Name }, ct);
        if (result is not null)
        {
            // Not a redirect: the secret is in this answer only.
            Issued = (IssuedToken)result.Details!;
            Label = null;
            await LoadAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        // Only this account's own tokens are offered here.
        if (TokenId is not { } id || Tokens.All(t => t.Id != id)) return NotFound();
        var result = await SendAsync(bus, new RevokeToken { TokenId = id }, ct);
        if (result is null) return Page();
        Flash($"Token ingetrokken: {Tokens.First(t => t.Id == id).Label ?? "zonder omschrijving"}. Hij werkt vanaf nu niet meer.");
        return Redirect($"/beheer/gebruikers/{Account.Name}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = await users.FindAsync(Name, ct);
        if (account is null) return false;
        Account = account;
        Tokens = await users.TokensAsync(Name, ct);
        return true;
    }
}
