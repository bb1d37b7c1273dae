using System.Text;
using Campaigns.Timelines;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// <c>explain --connection CS --out FILE</c>: the profile for the timeline reads. Takes the app's SQL from
/// TimelineQueries.PageSql and the hand-written queries of <see cref="Reads"/>, and writes EXPLAIN (ANALYZE, BUFFERS)
/// of each for the busiest theme's first and deep page and the busiest contact.
/// </summary>
public static class Explain
{
    public static async Task<int> Run(string[] args)
    {
        var connectionString = Args.Get(args, "--connection");
        var output = Args.Get(args, "--out");
        var (theme, total, contact, _, (on, at, id)) = await Reads.Targets.FindAsync(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        text.AppendLine($"theme '{theme}': {total:N0} entries; deep cursor after ({on:O}, {at:O}, {id}); busiest contact {contact}");

        async Task Plan(string title, string sql, params (string Name, object Value)[] parameters)
        {
            await using var explain = new NpgsqlCommand("explain (analyze, buffers) " + sql, connection) { CommandTimeout = 120 };
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value);
            await using var reader = await explain.ExecuteReaderAsync();
            text.AppendLine().AppendLine($"-- {title}").AppendLine(sql.Trim());
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }

        // The app's SQL (TimelineQueries.PageSql), its ? placeholders numbered for Npgsql.
        Task App(string title, string key, string? cursor)
        {
            var (sql, values) = TimelineQueries.PageSql("campaigns", new TimelineFilter { Cursor = cursor }, key, 51);
            var numbered = new StringBuilder();
            var n = 0;
            foreach (var c in sql) numbered.Append(c == '?' ? $"${++n}" : c.ToString());
            return Plan(title, numbered.ToString(), values.Select(v => ("", v)).ToArray());
        }

        const string raw = "select e.data::text from campaigns.timeline_keys k join campaigns.mt_doc_timelineentry e on e.id = k.entry_id where k.key = @key and not k.retracted";
        const string order = " order by k.happened_on, k.recorded_at, k.entry_id limit 51";
        await App("app: theme, first page", $"theme:{theme}", null);
        await Plan("raw: theme, first page", raw + order, ("key", $"theme:{theme}"));
        await App("app: theme, deep cursor page", $"theme:{theme}", Reads.Cursor(on, at, id));
        await Plan("raw: theme, deep cursor page", raw + " and (k.happened_on, k.recorded_at, k.entry_id) > (@on, @at, @id)" + order,
            ("key", $"theme:{theme}"), ("on", on), ("at", at), ("id", id));
        await App("app: contact, first page", $"contact:{contact}", null);
        await Plan("raw: contact, first page", raw + order, ("key", $"contact:{contact}"));

        await File.WriteAllTextAsync(output, text.ToString());
        Console.Error.WriteLine($"explain: plans written to {output}");
        return 0;
    }
}
