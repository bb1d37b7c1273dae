using System.Text;
using Campaigns.Timelines;
using Marten;
using Marten.Linq;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// <c>explain --connection CS --out FILE</c>: the profile for the timeline reads. Builds the app's queries with the same LINQ
/// as TimelineQueries.ReadCurrent (Marten's own SQL, via ToCommand) and the hand-written ones from <see cref="Reads"/>, and
/// writes EXPLAIN (ANALYZE, BUFFERS) of each for the busiest theme's first and deep page and the busiest contact.
/// </summary>
public static class Explain
{
    public static async Task<int> Run(string[] args)
    {
        var connectionString = Args.Get(args, "--connection");
        var output = Args.Get(args, "--out");
        const string table = "campaigns.mt_doc_timelineentry";

        var theme = await Store.Scalar<string>(connectionString,
            $"select t from {table}, jsonb_array_elements_text(data->'themes') t group by t order by count(*) desc limit 1");
        var contact = Guid.Parse(await Store.Scalar<string>(connectionString,
            $"select c from {table}, jsonb_array_elements_text(data->'contactIds') c group by c order by count(*) desc, c limit 1"));
        var total = await Store.Scalar<long>(connectionString,
            $"select count(*) from {table} where data @> '{{\"themes\":[\"{theme}\"]}}'::jsonb and (data->>'retracted')::boolean is not true");
        var deep = await Store.Column<string>(connectionString,
            $$"""
              select happened_on::text || '|' || recorded_at::text || '|' || id::text from {{table}}
              where data @> '{"themes":["{{theme}}"]}'::jsonb and (data->>'retracted')::boolean is not true
              order by happened_on, recorded_at, id offset {{total * 9 / 10}} limit 1
              """);
        var parts = deep[0].Split('|');
        var on = DateOnly.Parse(parts[0]);
        var at = DateTimeOffset.Parse(parts[1]);
        var id = Guid.Parse(parts[2]);

        using var store = Store.Create(connectionString);
        await using var session = store.QuerySession();
        // The app's LINQ (TimelineQueries.ReadCurrent) for these three reads, verbatim but for the variables.
        var themeFirst = session.Query<TimelineEntry>().Where(e => !e.Retracted).Where(e => e.Themes.Contains(theme))
            .OrderBy(e => e.HappenedOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(51);
        var themeDeep = session.Query<TimelineEntry>().Where(e => !e.Retracted).Where(e => e.Themes.Contains(theme))
            .Where(e => e.HappenedOn > on || (e.HappenedOn == on && (e.RecordedAt > at || (e.RecordedAt == at && e.Id > id))))
            .OrderBy(e => e.HappenedOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(51);
        var contactFirst = session.Query<TimelineEntry>().Where(e => !e.Retracted).Where(e => e.ContactIds.Contains(contact))
            .OrderBy(e => e.HappenedOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(51);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        text.AppendLine($"theme '{theme}': {total:N0} entries; deep cursor after ({on:O}, {at:O}, {id}); busiest contact {contact}");

        async Task Plan(string title, NpgsqlCommand command)
        {
            await using var explain = new NpgsqlCommand("explain (analyze, buffers) " + command.CommandText, connection) { CommandTimeout = 120 };
            foreach (NpgsqlParameter p in command.Parameters) explain.Parameters.Add(p.Clone());
            await using var reader = await explain.ExecuteReaderAsync();
            text.AppendLine().AppendLine($"-- {title}").AppendLine(command.CommandText.Trim());
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }

        NpgsqlCommand Raw(string sql, params (string, object)[] parameters)
        {
            var command = new NpgsqlCommand(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            return command;
        }

        var themeFilter = $"{{\"themes\":[\"{theme}\"]}}";
        await Plan("app: theme, first page (Marten LINQ)", themeFirst.ToCommand(FetchType.FetchMany));
        await Plan("raw: theme, first page", Raw(
            $"select data::text from {table} where data @> @filter::jsonb and (data->>'retracted')::boolean is not true order by happened_on, recorded_at, id limit 51",
            ("filter", themeFilter)));
        await Plan("app: theme, deep cursor page (Marten LINQ)", themeDeep.ToCommand(FetchType.FetchMany));
        await Plan("raw: theme, deep cursor page", Raw(
            $"select data::text from {table} where data @> @filter::jsonb and (data->>'retracted')::boolean is not true and (happened_on, recorded_at, id) > (@on, @at, @id) order by happened_on, recorded_at, id limit 51",
            ("filter", themeFilter), ("on", on), ("at", at), ("id", id)));
        await Plan("app: contact, first page (Marten LINQ)", contactFirst.ToCommand(FetchType.FetchMany));
        await Plan("raw: contact, first page", Raw(
            $"select data::text from {table} where data @> @filter::jsonb and (data->>'retracted')::boolean is not true order by happened_on, recorded_at, id limit 51",
            ("filter", $"{{\"contactIds\":[\"{contact}\"]}}")));

        await File.WriteAllTextAsync(output, text.ToString());
        Console.Error.WriteLine($"explain: plans written to {output}");
        return 0;
    }
}
