using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Campaigns.Imports;

/// <summary>What every record of the Kamer's open data has: an Id and the moment it last changed.</summary>
public interface ITkRecord
{
    Guid Id { get; }
    bool Verwijderd { get; }
    DateTimeOffset? GewijzigdOp { get; }
}

/// <summary>A <c>Persoon</c> of the Tweede Kamer's open data (OData v4, gegevensmagazijn.tweedekamer.nl), as far as we use it.</summary>
public sealed record TkPersoon(
    Guid Id, string? Roepnaam, string? Voornamen, string? Initialen, string? Tussenvoegsel, string? Achternaam,
    string? Functie, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord
{
    /// <summary>"Roepnaam Tussenvoegsel Achternaam", as the Kamer writes it on its own site: "Jan de Vries".</summary>
    public string Name => string.Join(" ",
        new[] { Roepnaam ?? FirstOf(Voornamen) ?? Initialen, Tussenvoegsel, Achternaam }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    private static string? FirstOf(string? names) => names?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}

public sealed record TkFractie(Guid Id, string? Afkorting, string? NaamNL, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkFractieZetel(Guid Id, Guid? FractieId, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

/// <summary>
/// A person on a fractie's seat from <c>Van</c> up to and including <c>TotEnMet</c> ("tot en met": the last day is
/// still a member's day).
/// </summary>
public sealed record TkFractieZetelPersoon(
    Guid Id, Guid? FractieZetelId, Guid? PersoonId, string? Functie, DateOnly? Van, DateOnly? TotEnMet, bool Verwijderd,
    DateTimeOffset? GewijzigdOp) : ITkRecord;

/// <summary>A record the import refuses, named by entity and Id (or by file and position when it has no Id).</summary>
public sealed record TkProblem(string Record, string Message)
{
    public override string ToString() => $"{Record}: {Message}";
}

/// <summary>
/// Everything read from one upload or folder: the four entity sets, merged by Id. When a record comes more than once
/// (pages that overlap, a later SyncFeed change), the one changed last (<c>GewijzigdOp</c>) counts.
/// </summary>
public sealed partial class TkDataSet
{
    public const string Persoon = "Persoon", Fractie = "Fractie", FractieZetel = "FractieZetel", FractieZetelPersoon = "FractieZetelPersoon";

    private static readonly string[] Entities = [Persoon, Fractie, FractieZetel, FractieZetelPersoon, Zaak, ZaakActor, Besluit, Stemming, Activiteit, Agendapunt, Kamerstukdossier, Commissie, Toezegging];

    public Dictionary<Guid, TkPersoon> Personen { get; } = [];
    public Dictionary<Guid, TkFractie> Fracties { get; } = [];
    public Dictionary<Guid, TkFractieZetel> Zetels { get; } = [];
    public Dictionary<Guid, TkFractieZetelPersoon> Lidmaatschappen { get; } = [];

    /// <summary>Problems found while reading: bad JSON, unknown entities, missing or malformed fields.</summary>
    public List<TkProblem> Problems { get; } = [];

    public int Files { get; private set; }

    /// <summary>A folder (its .json and .zip files), a .zip, or one .json file.</summary>
    public static TkDataSet FromPath(string path)
    {
        var data = new TkDataSet();
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0) data.Problems.Add(new TkProblem(path, "De map bevat geen .json- of .zip-bestanden."));
            foreach (var file in files) data.AddFile(Path.GetRelativePath(path, file), File.ReadAllBytes(file));
        }
        else if (File.Exists(path))
            data.AddFile(Path.GetFileName(path), File.ReadAllBytes(path));
        else
            data.Problems.Add(new TkProblem(path, "Bestand of map niet gevonden."));
        return data;
    }

    /// <summary>
    /// Limits for unpacking a zip: a zip bomb (a few KB that unpack to gigabytes) is refused while it is read, whatever
    /// sizes its headers claim. The Tweede Kamer's four entity sets, paged, are a few dozen files of a few MB.
    /// </summary>
    public const int MaxZipEntries = 200;
    public const long MaxZipEntryBytes = 32 * 1024 * 1024, MaxZipTotalBytes = 64 * 1024 * 1024;

    private long _unzipped;

    /// <summary>One file: an OData JSON answer, or a zip of them.</summary>
    public void AddFile(string name, byte[] content)
    {
        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || IsZip(content))
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                if (zip.Entries.Count > MaxZipEntries)
                {
                    Problems.Add(new TkProblem(name, $"Het zip-bestand bevat {zip.Entries.Count} bestanden; ten hoogste {MaxZipEntries}."));
                    return;
                }
                var entries = zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
                if (entries.Count == 0) Problems.Add(new TkProblem(name, "Het zip-bestand bevat geen .json-bestanden."));
                foreach (var entry in entries)
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    var limit = Math.Min(MaxZipEntryBytes, MaxZipTotalBytes - _unzipped);
                    if (!CopyAtMost(stream, copy, limit))
                    {
                        Problems.Add(new TkProblem($"{name}/{entry.FullName}", limit == MaxZipEntryBytes
                            ? $"Uitgepakt groter dan {MaxZipEntryBytes / 1024 / 1024} MB per bestand; het zip-bestand is geweigerd."
                            : $"Uitgepakt samen groter dan {MaxZipTotalBytes / 1024 / 1024} MB; het zip-bestand is geweigerd."));
                        return;
                    }
                    _unzipped += copy.Length;
                    AddJson($"{name}/{entry.FullName}", copy.ToArray());
                }
            }
            catch (InvalidDataException e)
            {
                Problems.Add(new TkProblem(name, $"Geen geldig zip-bestand ({e.Message})."));
            }
            return;
        }
        AddJson(name, content);
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; false when the source holds more.</summary>
    private static bool CopyAtMost(Stream source, Stream target, long limit)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += read;
            if (copied > limit) return false;
            target.Write(buffer, 0, read);
        }
        return true;
    }

    private static bool IsZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    /// <summary>
    /// <c>{"@odata.context": "…/$metadata#Persoon", "value": [ … ]}</c>. The entity set comes from the context, else from
    /// the file name (Persoon.json, FractieZetelPersoon-2.json). Expanded navigation properties (<c>$expand=Persoon,
    /// FractieZetel($expand=Fractie)</c>) are read as records of their own.
    /// </summary>
    public void AddJson(string name, byte[] content)
    {
        Files++;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            Problems.Add(new TkProblem(name, $"Geen geldige JSON (regel {e.LineNumber + 1}, positie {e.BytePositionInLine + 1})."));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(new TkProblem(name, "Verwacht een OData-antwoord: een object met \"value\"."));
                return;
            }
            var entity = EntityOf(root, name);
            if (entity is null)
            {
                Problems.Add(new TkProblem(name,
                    $"Onbekende entiteit: noem het bestand naar {string.Join(", ", Entities)}, of laat \"@odata.context\" staan."));
                return;
            }
            if (root.TryGetProperty("value", out var value))
            {
                if (value.ValueKind != JsonValueKind.Array)
                {
                    Problems.Add(new TkProblem(name, "\"value\" is geen lijst."));
                    return;
                }
                var index = 0;
                foreach (var record in value.EnumerateArray()) Add(entity, record, $"{name} #{++index}", null);
            }
            else
                // A single entity: …/Persoon(id) answers the record itself.
                Add(entity, root, $"{name} #1", null);
        }
    }

    private static string? EntityOf(JsonElement root, string fileName)
    {
        if (root.TryGetProperty("@odata.context", out var context) && context.ValueKind == JsonValueKind.String)
        {
            var text = context.GetString()!;
            var hash = text.IndexOf('#');
            if (hash >= 0)
            {
                var set = new string(text[(hash + 1)..].TakeWhile(char.IsLetterOrDigit).ToArray());
                var known = Entities.FirstOrDefault(e => e.Equals(set, StringComparison.OrdinalIgnoreCase));
                if (known is not null) return known;
            }
        }
        var stem = new string(Path.GetFileNameWithoutExtension(fileName.Split('/').Last()).TakeWhile(char.IsLetter).ToArray());
        return Entities.FirstOrDefault(e => e.Equals(stem, StringComparison.OrdinalIgnoreCase));
    }

    /// <param name="parent">For an expanded record: the entity and Id it was nested in, which stands in for a missing foreign key.</param>
    private void Add(string entity, JsonElement record, string position, (string Entity, Guid Id)? parent)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(new TkProblem(position, $"Een {entity}-record moet een object zijn."));
            return;
        }
        var reader = new RecordReader(entity, record, position, Problems);
        var id = reader.Id();
        if (id is null) return;

        Guid? Parent(string parentEntity) => parent is { } p && p.Entity == parentEntity ? p.Id : null;
        var deleted = reader.Bool("Verwijderd") ?? false;
        var changed = reader.Timestamp("GewijzigdOp");
        switch (entity)
        {
            case Persoon:
                Keep(Personen, new TkPersoon(id.Value, reader.Text("Roepnaam"), reader.Text("Voornamen"), reader.Text("Initialen"),
                    reader.Text("Tussenvoegsel"), reader.Text("Achternaam"), reader.Text("Functie"), deleted, changed));
                break;
            case Fractie:
                Keep(Fracties, new TkFractie(id.Value, reader.Text("Afkorting"), reader.Text("NaamNL"), deleted, changed));
                break;
            case FractieZetel:
                Keep(Zetels, new TkFractieZetel(id.Value, reader.Guid("Fractie_Id") ?? Parent(Fractie), deleted, changed));
                break;
            case FractieZetelPersoon:
                Keep(Lidmaatschappen, new TkFractieZetelPersoon(id.Value, reader.Guid("FractieZetel_Id") ?? Parent(FractieZetel),
                    reader.Guid("Persoon_Id") ?? Parent(Persoon), reader.Text("Functie"), reader.Date("Van"), reader.Date("TotEnMet"),
                    deleted, changed));
                break;
            default:
                AddParliament(entity, reader, id.Value, deleted, changed, parent);
                break;
        }

        // Expanded navigation properties: FractieZetelPersoon?$expand=Persoon,FractieZetel($expand=Fractie), or the other way round.
        foreach (var property in record.EnumerateObject())
        {
            var nested = NestedEntity(property.Name);
            if (nested is null) continue;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                if (!IsReference(nested, property.Value)) Add(nested, property.Value, $"{position} → {nested}", (entity, id.Value));
                Link(entity, id.Value, nested, property.Value);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    index++;
                    if (!IsReference(nested, item)) Add(nested, item, $"{position} → {nested} #{index}", (entity, id.Value));
                    Link(entity, id.Value, nested, item);
                }
            }
        }
    }

    private static void Keep<T>(Dictionary<Guid, T> records, T record) where T : ITkRecord
    {
        if (records.TryGetValue(record.Id, out var earlier) &&
            (earlier.GewijzigdOp ?? DateTimeOffset.MinValue) > (record.GewijzigdOp ?? DateTimeOffset.MinValue)) return;
        records[record.Id] = record;
    }

    /// <summary>Reads the fields of one record, noting every malformed one under the record's name.</summary>
    private sealed class RecordReader(string entity, JsonElement record, string position, List<TkProblem> problems)
    {
        private string? _name;

        private string Name => _name ?? position;

        public Guid? Id()
        {
            var raw = Raw("Id");
            if (raw is not { ValueKind: JsonValueKind.String } || !System.Guid.TryParse(raw.Value.GetString(), out var id))
            {
                problems.Add(new TkProblem($"{entity} ({position})", raw is null ? "Id ontbreekt." : "Id is geen GUID."));
                return null;
            }
            _name = $"{entity} {id}";
            return id;
        }

        public string? Text(string field)
        {
            var raw = Raw(field);
            if (raw is null || raw.Value.ValueKind == JsonValueKind.Null) return null;
            if (raw.Value.ValueKind == JsonValueKind.String) return string.IsNullOrWhiteSpace(raw.Value.GetString()) ? null : raw.Value.GetString()!.Trim();
            problems.Add(new TkProblem(Name, $"{field} is geen tekst."));
            return null;
        }

        public Guid? Guid(string field)
        {
            var text = Text(field);
            if (text is null) return null;
            if (System.Guid.TryParse(text, out var id)) return id;
            problems.Add(new TkProblem(Name, $"{field} is geen GUID: '{text}'."));
            return null;
        }

        public int? Int(string field)
        {
            var raw = Raw(field);
            if (raw is null || raw.Value.ValueKind == JsonValueKind.Null) return null;
            if (raw.Value.ValueKind == JsonValueKind.Number && raw.Value.TryGetInt32(out var number)) return number;
            problems.Add(new TkProblem(Name, $"{field} is geen geheel getal."));
            return null;
        }

        public bool? Bool(string field)
        {
            var raw = Raw(field);
            if (raw is null || raw.Value.ValueKind == JsonValueKind.Null) return null;
            if (raw.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) return raw.Value.GetBoolean();
            problems.Add(new TkProblem(Name, $"{field} is geen true of false."));
            return null;
        }

        /// <summary>
        /// "2021-03-31T00:00:00+02:00" is 31 March in the Netherlands: the day as written, never converted to UTC
        /// (which would make it 30 March).
        /// </summary>
        public DateOnly? Date(string field)
        {
            var text = Text(field);
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
                return DateOnly.FromDateTime(moment.DateTime);
            problems.Add(new TkProblem(Name, $"{field} is geen datum: '{text}'."));
            return null;
        }

        public DateTimeOffset? Timestamp(string field)
        {
            var text = Text(field);
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)) return moment;
            problems.Add(new TkProblem(Name, $"{field} is geen tijdstip: '{text}'."));
            return null;
        }

        /// <summary>OData names are case-sensitive; the SyncFeed writes some in lower case (<c>verwijderd</c>), so both are read.</summary>
        private JsonElement? Raw(string field)
        {
            if (record.TryGetProperty(field, out var exact)) return exact;
            foreach (var property in record.EnumerateObject())
                if (property.Name.Equals(field, StringComparison.OrdinalIgnoreCase)) return property.Value;
            return null;
        }
    }
}
