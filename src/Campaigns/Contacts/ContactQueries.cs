
namespace Campaigns.Contacts;

public sealed record ContactView(
    Guid Id, string Name, ContactKind Kind, string Organisation, string? Email, string? Phone, string? Notes,
    RolePeriod? CurrentRole, IReadOnlyList<RolePeriod> Roles, RolePeriod? RoleOn, long Version,
    LawfulBasis LawfulBasis, DateOnly? InformedOn, bool Forgotten, string? TkPersoonId);

public static class ContactQueries
{
    [WolverineGet("/api/contacts", OperationId = "ListContacts"), Tags("Contacts"), EndpointSummary("Search the contacts."), EndpointDescription("Returns contacts (people and organisations) matching the optional search text and kind.")]
    public static async Task<IReadOnlyList<ContactView>> List(string? search, ContactKind? kind, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Contact>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(c => c.Name.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        if (kind is not null) query = query.Where(c => c.Kind == kind.Value);
        var contacts = await query.OrderBy(c => c.Name).Take(500).ToListAsync(ct);
        return contacts.Select(c => View(c, null, 0)).ToList();
    }

    /// <summary>With <c>?on=2025-03-01</c> the answer also says what the person was on that date.</summary>
    [WolverineGet("/api/contacts/{id}", OperationId = "GetContact"), Tags("Contacts"), EndpointSummary("Read one contact."), EndpointDescription("Returns the contact with its roles, optionally as they stood on a given date (`on`).")]
    public static async Task<IResult> Get(Guid id, DateOnly? on, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var contact = await session.LoadAsync<Contact>(id, ct);
        if (contact is null) return Results.NotFound();
        var version = (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;
        HttpCommands.WriteETag(context, version);
        return Results.Ok(View(contact, on, version));
    }

    /// <summary>Contacts (not forgotten) whose name is close to <paramref name="name"/>: see <see cref="NameMatching"/>.</summary>
    public static async Task<IReadOnlyList<PossibleDuplicate>> CloseMatchesAsync(IQuerySession session, string name, CancellationToken ct, Guid? except = null)
    {
        if (NameMatching.Words(name).Count == 0) return [];
        var contacts = await session.Query<Contact>().Where(c => !c.Forgotten).ToListAsync(ct);
        return contacts.Where(c => c.Id != except && NameMatching.Close(c.Name, name))
            .OrderBy(c => c.Name).Take(10)
            .Select(c => new PossibleDuplicate(c.Id, c.Name, c.Kind, c.Organisation)).ToList();
    }

    private static ContactView View(Contact c, DateOnly? on, long version) =>
        new(c.Id, c.Name, c.Kind, c.Organisation, c.Email, c.Phone, c.Notes, c.CurrentRole, c.Roles,
            on is null ? null : c.RoleOn(on.Value), version, c.LawfulBasis, c.InformedOn, c.Forgotten, c.TkPersoonId);
}
