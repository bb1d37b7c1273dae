using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Parliament;
using Campaigns.Themes;
using JasperFx.Events;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using CampaignSnapshot = Campaigns.Campaigns.Campaign;

namespace Campaigns.Search;

/// <summary>What a search hit is: the <c>type</c> filter of the search API takes these names.</summary>
public static class SearchKinds
{
    public const string ContactMoment = "contact-moment", Demand = "demand", Contact = "contact", Campaign = "campaign", Theme = "theme",
        ParliamentItem = "parliament-item";

    public static readonly IReadOnlyList<string> All = [ContactMoment, Demand, Contact, Campaign, Theme, ParliamentItem];

    public static string Dutch(string kind, int count) => (kind, count == 1) switch
    {
        (ContactMoment, true) => "Contactmoment", (ContactMoment, false) => "Contactmomenten",
        (Demand, true) => "Wens", (Demand, false) => "Wensen",
        (Contact, true) => "Contactpersoon", (Contact, false) => "Contactpersonen",
        (Campaign, true) => "Campagne", (Campaign, false) => "Campagnes",
        (Theme, true) => "Thema", (Theme, false) => "Thema's",
        (ParliamentItem, _) => "Uit de Kamer",
        _ => kind
    };
}

/// <summary>One row of the search index: the words of one contact moment, demand, contact, campaign or theme as it reads now.</summary>
public sealed record SearchRow(
    Guid Id, string Kind, string Title, string Body, string Detail, string Url, IReadOnlyList<string> Themes, Guid? CampaignId,
    DateOnly? HappenedOn, bool Retracted);

/// <summary>
/// The search read model: table <c>search_entries</c>, one row per searchable thing with a <c>tsvector</c> built with
/// PostgreSQL's <c>dutch</c> configuration over unaccented text (title weighted above the body). Rows are written from the
/// current snapshots of the streams an event touched, so a correction, retraction, rename or forgetting is applied by
/// writing the row again, and the index converges on the snapshots whichever order events arrive in.
/// </summary>
public static partial class SearchIndex
{
    public const string TableName = "search_entries";
    public const string Configuration = "dutch";

    public static string Table(string schema) => $"\"{schema}\".{TableName}";

    /// <summary>The table, its GIN index, and <c>unaccent</c>, as Marten schema objects: created and migrated with the store.</summary>
    public static void AddSearchIndex(this StoreOptions options)
    {
        options.Storage.ExtendedSchemaObjects.Add(new Extension("unaccent"));
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("title").NotNull();
        table.AddColumn<string>("body").NotNull();
        table.AddColumn<string>("detail").NotNull();
        table.AddColumn<string>("url").NotNull();
        table.AddColumn("themes", "text[]").NotNull();
        table.AddColumn("campaign_id", "uuid").AllowNulls();
        table.AddColumn("happened_on", "date").AllowNulls();
        table.AddColumn<bool>("retracted").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        // Contact moments are almost every row: their own GIN index, and walking (kind, happened_on) from the newest finds
        // the newest matches of a common word sooner than a bitmap of all of them. The other kinds are a few thousand rows.
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_moments") { Method = IndexMethod.gin, Columns = ["document"], Predicate = $"kind = '{SearchKinds.ContactMoment}'" });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_others") { Method = IndexMethod.gin, Columns = ["document"], Predicate = $"kind <> '{SearchKinds.ContactMoment}'" });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_newest") { Columns = ["kind", "happened_on"] });
        // A parallel walk costs more in starting workers than it saves on a search that stops after a hundred rows.
        table.StorageParameters["parallel_workers"] = "0";
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    public static ValueTask EnsureAsync(IDocumentStore store, CancellationToken ct) =>
        store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);

    /// <summary>Which kind of row the stream of an event feeds; null for events that change no searchable words.</summary>
    public static string? KindOf(object data) => data switch
    {
        InteractionRecorded or InteractionCorrected or InteractionRetracted => SearchKinds.ContactMoment,
        DemandFormulated or DemandCorrected or DemandAdopted or DemandAdoptionRetracted or DemandRejected or DemandWithdrawn => SearchKinds.Demand,
        ContactRegistered or ContactDetailsChanged or ContactRoleChanged or ContactRoleEnded or ContactRoleHistoryCorrected
            or ContactForgotten => SearchKinds.Contact,
        Campaigns.CampaignStarted or Campaigns.CampaignCorrected or Campaigns.CampaignClosed => SearchKinds.Campaign,
        ThemeAdded or ThemeRenamed => SearchKinds.Theme,
        _ when ParliamentItemEvents.Contains(data.GetType()) => SearchKinds.ParliamentItem,
        _ => null
    };

    /// <summary>The events of a Kamer item's own stream (links to demands live on the demand's stream).</summary>
    private static readonly HashSet<Type> ParliamentItemEvents =
    [
        typeof(MotionFiled), typeof(WrittenQuestionsFiled), typeof(ZaakOpened), typeof(ZaakChanged), typeof(ZaakActorRecorded),
        typeof(ZaakActorRemoved), typeof(DecisionRecorded), typeof(DecisionRemoved), typeof(VoteRecorded), typeof(VoteRemoved),
        typeof(ActivityScheduled), typeof(ActivityRescheduled), typeof(ActivityCancelled), typeof(ActivityChanged),
        typeof(CommitmentMade), typeof(CommitmentChanged), typeof(ParliamentItemRemoved)
    ];

    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(LetterSent), typeof(MeetingHeld), typeof(CallMade), typeof(EmailSent), typeof(HearingAttended),
        typeof(InteractionCorrected), typeof(InteractionRetracted),
        typeof(DemandFormulated), typeof(DemandCorrected), typeof(DemandAdopted), typeof(DemandAdoptionRetracted), typeof(DemandRejected), typeof(DemandWithdrawn),
        typeof(ContactRegistered), typeof(ContactDetailsChanged), typeof(ContactRoleChanged), typeof(ContactRoleEnded),
        typeof(ContactRoleHistoryCorrected), typeof(ContactForgotten),
        typeof(Campaigns.CampaignStarted), typeof(Campaigns.CampaignCorrected), typeof(Campaigns.CampaignClosed),
        typeof(ThemeAdded), typeof(ThemeRenamed), .. ParliamentItemEvents
    ];

    /// <summary>Writes again the rows of the streams these events touched, in the caller's transaction.</summary>
    public static Task ApplyAsync(IEnumerable<IEvent> events, IDocumentOperations operations, CancellationToken ct)
    {
        var streams = new Dictionary<string, HashSet<Guid>>();
        foreach (var e in events)
        {
            if (KindOf(e.Data) is not { } kind) continue;
            if (!streams.TryGetValue(kind, out var ids)) streams[kind] = ids = [];
            ids.Add(e.StreamId);
        }
        return WriteAsync(streams, operations, ct);
    }

    /// <summary>Writes again the rows of these streams, whatever they are (after a forgetting rewrote their snapshots).</summary>
    public static Task ReindexAsync(IReadOnlyCollection<Guid> streams, IDocumentOperations operations, CancellationToken ct) =>
        WriteAsync(SearchKinds.All.ToDictionary(k => k, _ => streams.ToHashSet()), operations, ct);

    private static async Task WriteAsync(Dictionary<string, HashSet<Guid>> streams, IDocumentOperations operations, CancellationToken ct)
    {
        var rows = new List<SearchRow>();
        var gone = new List<Guid>();
        async Task Collect<T>(string kind, Func<T, Guid> id, Func<T, SearchRow?> row) where T : notnull
        {
            if (!streams.TryGetValue(kind, out var ids) || ids.Count == 0) return;
            var found = await operations.LoadManyAsync<T>(ct, ids.ToArray());
            foreach (var snapshot in found)
            {
                if (row(snapshot) is { } r) rows.Add(r);
                else gone.Add(id(snapshot));
            }
        }

        await Collect<Interaction>(SearchKinds.ContactMoment, i => i.Id, Row);
        await Collect<Demand>(SearchKinds.Demand, d => d.Id, Row);
        await Collect<Contact>(SearchKinds.Contact, c => c.Id, Row);
        await Collect<CampaignSnapshot>(SearchKinds.Campaign, c => c.Id, Row);
        await Collect<Theme>(SearchKinds.Theme, t => t.Id, Row);
        await Collect<ParliamentItem>(SearchKinds.ParliamentItem, i => i.Id, Row);

        var table = Table(operations.DocumentStore.Options.DatabaseSchemaName);
        if (gone.Count > 0) operations.QueueSqlCommand($"delete from {table} where id = any(?)", gone.ToArray());
        foreach (var r in rows) operations.QueueSqlCommand(UpsertSql(table), Parameters(r));
    }

    private static string UpsertSql(string table) => $"""
        insert into {table} (id, kind, title, body, detail, url, themes, campaign_id, happened_on, retracted, document)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
            setweight(to_tsvector('{Configuration}', unaccent(?)), 'A') || setweight(to_tsvector('{Configuration}', unaccent(?)), 'B'))
        on conflict (id) do update set kind = excluded.kind, title = excluded.title, body = excluded.body, detail = excluded.detail,
            url = excluded.url, themes = excluded.themes, campaign_id = excluded.campaign_id, happened_on = excluded.happened_on,
            retracted = excluded.retracted, document = excluded.document
        """;

    private static object[] Parameters(SearchRow r) =>
    [
        r.Id, r.Kind, r.Title, r.Body, r.Detail, r.Url, r.Themes.ToArray(), (object?)r.CampaignId ?? DBNull.Value,
        (object?)r.HappenedOn ?? DBNull.Value, r.Retracted, Searchable(r.Title), Searchable(r.Body)
    ];

    /// <summary>
    /// The text as the index reads it: PostgreSQL's parser takes "29023-612" as 29023 and the number -612, so a kamerstuk or
    /// document number would only be found as typed in full. Between digits a hyphen separates, as the query's words do.
    /// </summary>
    public static string Searchable(string text) => DigitHyphen().Replace(text, " ");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)-(?=\d)")]
    private static partial System.Text.RegularExpressions.Regex DigitHyphen();

    public static SearchRow Row(Interaction i) => new(
        i.Id, SearchKinds.ContactMoment, i.Subject, Join(i.Summary, i.Outcome, i.DocumentRef),
        $"{Web.Dutch.Interaction(i.Kind)} · {Web.Dutch.Date(i.HappenedOn)}", $"/contactmomenten/{i.Id}",
        i.Themes, i.CampaignId, i.HappenedOn, i.Retracted);

    /// <summary>A demand, with the references and notes of its adoptions ("Motie 29023-612").</summary>
    public static SearchRow Row(Demand d) => new(
        d.Id, SearchKinds.Demand, d.Code is { Length: > 0 } code ? $"{code}: {d.Text}" : d.Text,
        Join([d.Target, d.Source, .. d.Adoptions.SelectMany(a => new[] { a.Reference, a.Note })]),
        $"Wens · {Web.Dutch.Status(d.Status)}", $"/wensen/{d.Id}", [d.Theme], d.CampaignId, d.FormulatedOn, false);

    /// <summary>A forgotten person leaves the index: their row held nothing but their personal data.</summary>
    public static SearchRow? Row(Contact c) => c.Forgotten ? null : new(
        c.Id, SearchKinds.Contact, c.Name, Join([c.Organisation, .. c.Roles.Select(r => r.Organisation).Distinct(), c.Notes]),
        $"{Web.Dutch.Kind(c.Kind)} · {c.Organisation}", $"/contacten/{c.Id}", [], null, null, false);

    public static SearchRow Row(CampaignSnapshot c) => new(
        c.Id, SearchKinds.Campaign, c.Name, c.Goal, $"Campagne · sinds {Web.Dutch.Date(c.StartsOn)}", $"/campagnes/{c.Id}",
        c.Themes, c.Id, c.StartsOn, false);

    public static SearchRow Row(Theme t) => new(
        t.Id, SearchKinds.Theme, t.Label, t.Slug, "Thema", $"/themas/{t.Slug}", [t.Slug], null, null, false);

    /// <summary>A motie, debate or toezegging; its indieners' names are searchable too. A removed item leaves the index.</summary>
    public static SearchRow? Row(ParliamentItem i) => i.Removed ? null : new(
        i.Id, SearchKinds.ParliamentItem,
        string.Join(" ", new[] { i.Soort, i.Nummer }.Where(p => !string.IsNullOrWhiteSpace(p)))
            + (DemandParliamentQueries.Kamerstuk(i) is { } kamerstuk ? $" ({kamerstuk})" : "")
            + (i.Titel is { Length: > 0 } title ? $": {title}" : ""),
        Join([i.Onderwerp, i.Toezegging?.Bewindspersoon, i.Outcome, .. i.Actors.Select(a => a.Naam), .. i.Dossiers.Select(d => $"{d} {d.Titel}"),
            DemandParliamentQueries.KamerstukWrittenOut(i)]),
        string.Join(" · ", new[] { "Tweede Kamer", i.Soort, Web.Dutch.Date(i.On), i.Outcome }.Where(p => !string.IsNullOrWhiteSpace(p))),
        $"/kamer/{i.Id}", [], null, i.On, false);

    private static string Join(params IEnumerable<string?> parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct());

    /// <summary>
    /// Writes every row again from the snapshots, in pages: after an event-log import, or with <c>dotnet run -- search</c>.
    /// The subscription then carries on from the last event before the rebuild: the snapshots already hold it.
    /// </summary>
    public static async Task<int> RebuildAsync(IDocumentStore store, CancellationToken ct)
    {
        await EnsureAsync(store, ct);
        long last;
        await using (var query = store.QuerySession())
            last = await query.Events.QueryAllRawEvents().Select(e => e.Sequence).OrderByDescending(s => s).FirstOrDefaultAsync(ct);
        await using (var clear = store.LightweightSession())
        {
            clear.QueueSqlCommand($"truncate {Table(store.Options.DatabaseSchemaName)}");
            await clear.SaveChangesAsync(ct);
        }
        var count = 0;
        count += await RebuildAsync<Interaction>(store, SearchKinds.ContactMoment, ct);
        count += await RebuildAsync<Demand>(store, SearchKinds.Demand, ct);
        count += await RebuildAsync<Contact>(store, SearchKinds.Contact, ct);
        count += await RebuildAsync<CampaignSnapshot>(store, SearchKinds.Campaign, ct);
        count += await RebuildAsync<Theme>(store, SearchKinds.Theme, ct);
        count += await RebuildAsync<ParliamentItem>(store, SearchKinds.ParliamentItem, ct);
        await Infrastructure.SubscriptionProgress.AdvanceAsync(store, SearchSubscription.ProgressName, last, ct);
        return count;
    }

    private static async Task<int> RebuildAsync<T>(IDocumentStore store, string kind, CancellationToken ct) where T : notnull
    {
        const int page = 2_000;
        await using var query = store.QuerySession();
        var table = store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var ids = await query.AdvancedSql.QueryAsync<Guid>($"select id from {table}", ct);
        for (var i = 0; i < ids.Count; i += page)
        {
            await using var session = store.LightweightSession();
            await WriteAsync(new() { [kind] = ids.Skip(i).Take(page).ToHashSet() }, session, ct);
            await session.SaveChangesAsync(ct);
        }
        return ids.Count;
    }
}
