using System.Text.Json;
using Alba;
using Campaigns.EmailCapture;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;
using Xunit.Abstractions;

namespace Campaigns.Tests.EmailCapture;

/// <summary>
/// The capture mailbox end to end: real MIME messages appended to the dovecot of ops/imap, the app's durable poll reading
/// them over IMAP into drafts on a database of its own, and officers confirming or discarding them through the API.
/// </summary>
public class capturing_mail_from_the_mailbox(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const string Anna = AppFixture.Officer; // anna.officer@metaalunie.nl: the team domain of TestMailbox.Settings
    private const string AnnaAddress = Anna + "@metaalunie.nl";
    private const string Capture = "vastleggen@metaalunie.nl";
    private const string BontenbalAddress = "h.bontenbal@tweedekamer.nl", VanZwolAddress = "r.vanzwol@minaz.nl";

    private string _connectionString = "";
    private readonly TestMailbox _mailbox = new();
    private Guid _campaign, _bontenbal, _vanZwol;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("campaigns_mail");
        if (ImapFactAttribute.SkipReason is null) await _mailbox.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _mailbox.DisposeAsync();
        await TestDatabase.DropAsync(_connectionString);
    }

    private Task<IAlbaHost> StartAsync(bool solo = true, Action<IServiceCollection>? services = null, TestMailbox? mailbox = null) =>
        AppFixture.StartHostAsync(_connectionString, solo, services, (mailbox ?? _mailbox).Settings());

    /// <summary>A campaign and two contacts with e-mail addresses; the first request also provisions Anna's account.</summary>
    private async Task SeedAsync(IAlbaHost host)
    {
        _campaign = await CreateAsync(host, "/api/campaigns", new { name = "Formatie 2025", goal = "Vakmanschap in het regeerakkoord", startsOn = "2025-11-01" });
        _bontenbal = await CreateAsync(host, "/api/contacts", new
        {
            name = "Henri Bontenbal", kind = "kamerlid", organisation = "CDA", effectiveOn = "2021-03-31", email = "H.Bontenbal@TweedeKamer.nl"
        });
        _vanZwol = await CreateAsync(host, "/api/contacts", new
        {
            name = "Richard van Zwol", kind = "informateur", organisation = "Ministerie van Algemene Zaken", effectiveOn = "2025-11-01", email = VanZwolAddress
        });
    }

    private static async Task<Guid> CreateAsync(IAlbaHost host, string url, object body)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(201);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<CapturedEmail>> DraftsAsync(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<CapturedEmail>().ToListAsync()).ToList();
    }

    private static async Task<List<CapturedMessage>> LedgerAsync(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<CapturedMessage>().ToListAsync()).ToList();
    }

    /// <summary>Until the folder is empty and this many drafts exist (Wolverine's own timer polls; no fixed sleeps).</summary>
    private async Task<List<CapturedEmail>> WaitForDraftsAsync(IAlbaHost host, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var drafts = await DraftsAsync(host);
            if (drafts.Count >= count && (await _mailbox.MessageIdsAsync()).Count == 0) return drafts;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not within {Patience}: {count} drafts and an empty folder ({drafts.Count} drafts)");
            await Task.Delay(200);
        }
    }

    // ---- the six kinds of mail the issue names ----

    private static MimeMessage Plain() => TestMailbox.Mail(AnnaAddress, [BontenbalAddress], "Re: Praktijkleren in het regeerakkoord",
        "Beste Henri,\n\nZoals besproken: de SPL moet naar EUR 2.700 per student.\n\nGroet, Anna\n\nOp 10 nov. 2025 om 09:12 schreef Henri Bontenbal <h.bontenbal@tweedekamer.nl>:\n> Stuur me de cijfers.\n> Henri",
        fromName: "Anna Officer");

    private static MimeMessage Bcc()
    {
        var message = TestMailbox.Mail(AnnaAddress, [VanZwolAddress], "Netcongestie: onze drie wensen", "Beste heer Van Zwol,\n\nHierbij onze wensen.",
            cc: ["secretariaat@minaz.nl"]);
        message.Bcc.Add(MailboxAddress.Parse(Capture));
        return message;
    }

    private static MimeMessage ForwardedInline() => TestMailbox.Mail(AnnaAddress, [Capture], "Fwd: Reactie op uw brief",
        "Ter vastlegging.\n\n---------- Forwarded message ---------\nFrom: Richard van Zwol <r.vanzwol@minaz.nl>\nDate: Mon, 3 Nov 2025 at 14:05\nSubject: Reactie op uw brief\nTo: Anna Officer <anna.officer@metaalunie.nl>\nCc: <h.bontenbal@tweedekamer.nl>\n\nDank voor uw brief. Ik neem de wensen mee.\n\nMet vriendelijke groet,\nRichard van Zwol",
        date: new DateTimeOffset(2025, 11, 14, 16, 0, 0, TimeSpan.FromHours(1)));

    private static MimeMessage ForwardedAsAttachment()
    {
        var original = TestMailbox.Mail(VanZwolAddress, [AnnaAddress], "Uitnodiging gesprek", "Graag spreek ik u op 20 november.",
            date: new DateTimeOffset(2025, 11, 5, 9, 30, 0, TimeSpan.FromHours(1)), fromName: "Richard van Zwol");
        var forward = TestMailbox.Mail(AnnaAddress, [Capture], "FW: Uitnodiging gesprek", "Zie bijlage.",
            date: new DateTimeOffset(2025, 11, 15, 8, 0, 0, TimeSpan.FromHours(1)));
        forward.Body = new Multipart("mixed") { new TextPart("plain") { Text = "Zie bijlage." }, new MessagePart { Message = original } };
        return forward;
    }

    private static MimeMessage HtmlOnly()
    {
        var message = TestMailbox.Mail(AnnaAddress, [BontenbalAddress], "Vakmensen", "");
        message.Body = new TextPart("html")
        {
            Text = "<html><head><style>p { color: red }</style></head><body><p>Beste Henri,</p><p>Vakmensen &amp; praktijkleren: <b>graag</b> aandacht.</p><div>Anna</div></body></html>"
        };
        return message;
    }

    private static MimeMessage WithAttachments()
    {
        var message = TestMailbox.Mail(AnnaAddress, [BontenbalAddress], "Onze wensen op papier", "");
        var body = new BodyBuilder { TextBody = "Bijgaand de wensen." };
        body.Attachments.Add("wensen-2025.pdf", "%PDF-1.4 test"u8.ToArray(), new ContentType("application", "pdf"));
        body.Attachments.Add("toelichting SPL.docx", "docx"u8.ToArray(), new ContentType("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static MimeMessage UnknownSender() => TestMailbox.Mail("j.jansen@vno-ncw.nl", [Capture], "Samen optrekken op netcongestie",
        "Zullen we een gezamenlijke brief sturen?", fromName: "Jan Jansen");

    [ImapFact]
    public async Task each_mail_becomes_a_draft_with_its_contacts_officer_date_body_and_attachments()
    {
        await using var host = await StartAsync();
        await SeedAsync(host);
        var mails = new[] { Plain(), Bcc(), ForwardedInline(), ForwardedAsAttachment(), HtmlOnly(), WithAttachments(), UnknownSender() };
        await _mailbox.AppendAsync(mails);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var drafts = (await WaitForDraftsAsync(host, mails.Length)).ToDictionary(d => d.Subject);
        output.WriteLine($"{mails.Length} messages drafted and moved {clock.Elapsed.TotalSeconds:0.0} s after they were appended");
        Assert.Equal(mails.Length, drafts.Count);

        var plain = drafts["Praktijkleren in het regeerakkoord"];
        Assert.Equal([_bontenbal], plain.ContactIds);
        Assert.Equal(Anna, plain.Officer);
        Assert.Equal(new DateOnly(2025, 11, 12), plain.SentOn);
        Assert.Equal("Beste Henri,\n\nZoals besproken: de SPL moet naar EUR 2.700 per student.\n\nGroet, Anna", plain.Summary);
        Assert.Empty(plain.UnknownAddresses);

        var bcc = drafts["Netcongestie: onze drie wensen"];
        Assert.Equal([_vanZwol], bcc.ContactIds);
        Assert.Equal(Anna, bcc.Officer);
        Assert.Equal(["secretariaat@minaz.nl"], bcc.UnknownAddresses.Select(p => p.Address));

        var inline = drafts["Reactie op uw brief"];
        Assert.True(inline.Forwarded);
        Assert.Equal(VanZwolAddress, inline.From!.Address);
        Assert.Equal(new DateOnly(2025, 11, 3), inline.SentOn);
        Assert.Equal([_vanZwol, _bontenbal], inline.ContactIds);
        Assert.Equal(Anna, inline.Officer);
        Assert.StartsWith("Dank voor uw brief.", inline.Summary);
        Assert.DoesNotContain("Ter vastlegging", inline.Summary);

        var attached = drafts["Uitnodiging gesprek"];
        Assert.True(attached.Forwarded);
        Assert.Equal(VanZwolAddress, attached.From!.Address);
        Assert.Equal(new DateOnly(2025, 11, 5), attached.SentOn);
        Assert.Equal([_vanZwol], attached.ContactIds);
        Assert.Equal(Anna, attached.Officer);
        Assert.Equal("Graag spreek ik u op 20 november.", attached.Summary);

        var html = drafts["Vakmensen"];
        Assert.Equal("Beste Henri,\n\nVakmensen & praktijkleren: graag aandacht.\n\nAnna", html.Summary);

        var withFiles = drafts["Onze wensen op papier"];
        Assert.Equal(["wensen-2025.pdf", "toelichting SPL.docx"], withFiles.Attachments);
        Assert.Equal("wensen-2025.pdf; toelichting SPL.docx", withFiles.DocumentRef);

        var unknown = drafts["Samen optrekken op netcongestie"];
        Assert.Null(unknown.Officer);
        Assert.Empty(unknown.ContactIds);
        Assert.Equal(["j.jansen@vno-ncw.nl"], unknown.UnknownAddresses.Select(p => p.Address));
        Assert.Equal("Jan Jansen", unknown.UnknownAddresses[0].Name);

        // Every message moved to the processed folder, and the ledger holds a hash per message, no addresses or text.
        Assert.Equal(mails.Select(m => m.MessageId).Order(), (await _mailbox.MessageIdsAsync(_mailbox.ProcessedFolder)).Order());
        var ledger = await LedgerAsync(host);
        Assert.Equal(mails.Length, ledger.Count);
        var ledgerJson = JsonSerializer.Serialize(ledger);
        Assert.DoesNotContain("@", ledgerJson);
        Assert.DoesNotContain("Bontenbal", ledgerJson);

        // The API lists them; the page shows them with "nieuw contact vastleggen" for the unknown sender.
        var listed = await (await host.Scenario(x => x.Get.Url("/api/captured-emails"))).ReadAsTextAsync();
        Assert.Contains("Samen optrekken op netcongestie", listed);
        var page = await (await host.Scenario(x => x.Get.Url("/te-verwerken"))).ReadAsTextAsync();
        Assert.Contains("Reactie op uw brief", page);
        var form = await (await host.Scenario(x => x.Get.Url($"/te-verwerken/{unknown.Id}"))).ReadAsTextAsync();
        Assert.Contains("nieuw contact vastleggen", form);
        Assert.Contains("/contacten/nieuw?email=j.jansen%40vno-ncw.nl&amp;name=Jan%20Jansen", form);
    }

    [ImapFact]
    public async Task confirming_logs_the_email_through_the_log_command_and_discarding_deletes_the_draft_for_good()
    {
        await using var host = await StartAsync();
        await SeedAsync(host);
        var plain = Plain();
        var unknown = UnknownSender();
        await _mailbox.AppendAsync(plain, unknown);
        var drafts = (await WaitForDraftsAsync(host, 2)).ToDictionary(d => d.Subject);
        var toConfirm = drafts["Praktijkleren in het regeerakkoord"];
        var toDiscard = drafts["Samen optrekken op netcongestie"];

        // Bad input: a 4xx naming the field, nothing stored, the draft still there.
        await host.Scenario(x =>
        {
            x.Post.Json(new { themes = new[] { "bestaat-niet" } }).ToUrl($"/api/captured-emails/{toConfirm.Id}/confirm");
            x.StatusCodeShouldBe(400);
            x.ContentShouldContain("campaignId");
            x.ContentShouldContain("themes");
        });
        await host.Scenario(x =>
        {
            x.Post.Json(new { campaignId = _campaign }).ToUrl($"/api/captured-emails/{Guid.NewGuid()}/confirm");
            x.StatusCodeShouldBe(404);
        });
        await host.Scenario(x =>
        {
            x.Post.Json(new { campaignId = _campaign, sentOn = "2999-01-01" }).ToUrl($"/api/captured-emails/{toConfirm.Id}/confirm");
            x.StatusCodeShouldBe(400);
            x.ContentShouldContain("sentOn");
        });
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            Assert.Equal(0, await session.Events.QueryRawEventDataOnly<EmailSent>().CountAsync());
        Assert.Equal(2, (await DraftsAsync(host)).Count);

        var confirmed = await host.Scenario(x =>
        {
            x.Post.Json(new { campaignId = _campaign }).ToUrl($"/api/captured-emails/{toConfirm.Id}/confirm");
            x.StatusCodeShouldBe(201);
        });
        Assert.Equal($"/api/interactions/{toConfirm.Id}", confirmed.Context.Response.Headers.Location.ToString());
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var stream = await session.Events.FetchStreamAsync(toConfirm.Id);
            var sent = Assert.IsType<EmailSent>(Assert.Single(stream).Data);
            Assert.Equal(_campaign, sent.CampaignId);
            Assert.Equal([_bontenbal], sent.ContactIds);
            Assert.Equal("Praktijkleren in het regeerakkoord", sent.Subject);
            Assert.Equal(new DateOnly(2025, 11, 12), sent.HappenedOn);
            Assert.Equal([Anna], sent.OurSide);
            Assert.Equal(Anna, stream.Single().UserName);
        }

        // A second confirm (a retry) stores nothing more.
        await host.Scenario(x =>
        {
            x.Post.Json(new { campaignId = _campaign }).ToUrl($"/api/captured-emails/{toConfirm.Id}/confirm");
            x.StatusCodeShouldBe(404);
        });

        await host.Scenario(x =>
        {
            x.Post.Url($"/api/captured-emails/{toDiscard.Id}/discard");
            x.StatusCodeShouldBe(204);
        });
        await host.Scenario(x =>
        {
            x.Post.Url($"/api/captured-emails/{toDiscard.Id}/discard");
            x.StatusCodeShouldBe(404);
        });
        Assert.Empty(await DraftsAsync(host));
        // Deleted for real: no row left with the sender's address anywhere in the document tables.
        await using (var connection = new Npgsql.NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("select count(*) from campaigns.mt_doc_capturedemail", connection);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        Assert.Equal([CaptureOutcome.Confirmed, CaptureOutcome.Discarded],
            (await LedgerAsync(host)).OrderBy(l => l.Outcome).Select(l => l.Outcome));

        // The same messages delivered again never come back as drafts.
        await _mailbox.AppendAsync(plain, unknown);
        await WaitForDraftsAsync(host, 0);
        Assert.Empty(await DraftsAsync(host));
        Assert.Equal(2, (await LedgerAsync(host)).Count);
    }

    [ImapFact]
    public async Task a_message_read_twice_makes_one_draft()
    {
        await using var host = await StartAsync();
        await SeedAsync(host);
        var mail = Bcc();
        // The same message twice in the folder (a mail server's duplicate delivery)...
        await _mailbox.AppendAsync(mail, mail);
        var drafts = await WaitForDraftsAsync(host, 1);
        Assert.Single(drafts);
        Assert.Equal(2, (await _mailbox.MessageIdsAsync(_mailbox.ProcessedFolder)).Count);

        // ...and read at once by two captures racing each other: one draft.
        var capture = host.Services.GetRequiredService<MessageCapture>();
        var other = Plain();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => capture.CaptureAsync(other, CancellationToken.None))));
        Assert.Single(results, stored => stored);
        Assert.Equal(2, (await DraftsAsync(host)).Count);
        Assert.Equal(2, (await LedgerAsync(host)).Count);
    }

    /// <summary>Stops a poll after it stored its first draft and before that message moved: the host goes down there.</summary>
    private sealed class StallAfterFirstCapture : CapturePollHooks
    {
        public readonly TaskCompletionSource Stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public override async Task AfterCapturedAsync(CancellationToken ct)
        {
            if (Interlocked.Increment(ref _calls) != 1) return;
            Stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    [ImapFact]
    public async Task the_app_restarting_in_the_middle_of_a_poll_loses_and_doubles_nothing()
    {
        var mails = new[] { Plain(), Bcc(), UnknownSender() };
        var stall = new StallAfterFirstCapture();
        var first = await StartAsync(services: s => s.AddSingleton<CapturePollHooks>(stall));
        await SeedAsync(first);
        await _mailbox.AppendAsync(mails);

        await stall.Stalled.Task.WaitAsync(Patience);
        // Down mid-poll: one draft committed, its message not yet moved, the others not yet read.
        Assert.Single(await DraftsAsync(first));
        Assert.Equal(3, (await _mailbox.MessageIdsAsync()).Count);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await first.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await first.DisposeAsync();
        output.WriteLine($"stopped in {clock.Elapsed}");

        await using var second = await StartAsync();
        var drafts = await WaitForDraftsAsync(second, mails.Length);
        output.WriteLine($"caught up {clock.Elapsed} after the stop began");
        Assert.Equal(mails.Length, drafts.Count);
        Assert.Equal(mails.Select(m => m.MessageId).Order(), (await _mailbox.MessageIdsAsync(_mailbox.ProcessedFolder)).Order());
        Assert.Equal(mails.Length, (await LedgerAsync(second)).Count);
    }

    [ImapFact]
    public async Task two_nodes_polling_at_once_make_each_draft_once()
    {
        await using var nodeA = await StartAsync(solo: false);
        await using var nodeB = await StartAsync(solo: false);
        await SeedAsync(nodeA);
        var mails = Enumerable.Range(1, 12).Select(n =>
            TestMailbox.Mail(AnnaAddress, [n % 2 == 0 ? BontenbalAddress : VanZwolAddress], $"Bericht {n}", $"Tekst {n}")).ToArray();
        await _mailbox.AppendAsync(mails);

        // Besides the scheduled chain, both nodes poll by hand at the same moment: the advisory lock lets one through.
        var pollers = new[] { nodeA, nodeB, nodeA, nodeB }.Select(h => h.Services.GetRequiredService<CaptureMailboxPoller>()).ToList();
        await Task.WhenAll(pollers.Select(p => Task.Run(() => p.PollAsync(CancellationToken.None))));

        var drafts = await WaitForDraftsAsync(nodeA, mails.Length);
        Assert.Equal(mails.Length, drafts.Count);
        Assert.Equal(mails.Select(m => m.Subject).Order(), drafts.Select(d => d.Subject).Order());
        Assert.Equal(mails.Length, (await LedgerAsync(nodeB)).Count);
        Assert.Equal(mails.Select(m => m.MessageId).Order(), (await _mailbox.MessageIdsAsync(_mailbox.ProcessedFolder)).Order());

        // One chain of polls in the cluster: one schedule, and at most one poll waiting in Wolverine's inbox.
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var waiting = new Npgsql.NpgsqlCommand(
            "select count(*) from campaigns.wolverine_incoming_envelopes where message_type like '%PollCaptureMailbox%' and status in ('Scheduled', 'Incoming')", connection);
        Assert.InRange((long)(await waiting.ExecuteScalarAsync())!, 0L, 1L);
    }

    [ImapFact]
    public async Task a_full_mailbox_drains_a_batch_per_poll()
    {
        var settings = _mailbox.Settings();
        settings["Campaigns:EmailCapture:MaxMessagesPerPoll"] = "25";
        await using var host = await AppFixture.StartHostAsync(_connectionString, settings: settings);
        await SeedAsync(host);
        var mails = Enumerable.Range(1, 100).Select(n => TestMailbox.Mail(AnnaAddress, [BontenbalAddress], $"Bericht {n}", $"Tekst {n}")).ToArray();
        await _mailbox.AppendAsync(mails);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var drafts = await WaitForDraftsAsync(host, mails.Length);
        output.WriteLine($"{mails.Length} messages drafted and moved in {clock.Elapsed.TotalSeconds:0.0} s (batches of 25, a poll a second)");
        Assert.Equal(mails.Length, drafts.Count);
        Assert.All(drafts, d => Assert.Equal([_bontenbal], d.ContactIds));
        Assert.Equal(mails.Length, (await _mailbox.MessageIdsAsync(_mailbox.ProcessedFolder)).Count);
    }

    [ImapFact]
    public async Task forgetting_a_person_deletes_the_drafts_that_name_them()
    {
        await using var host = await StartAsync();
        await SeedAsync(host);
        await _mailbox.AppendAsync(Plain(), Bcc(), UnknownSender());
        await WaitForDraftsAsync(host, 3);

        var forgotten = await host.Scenario(x =>
        {
            x.Post.Url($"/api/contacts/{_bontenbal}/forget");
            x.StatusCodeShouldBe(200);
        });
        Assert.Equal(1, JsonDocument.Parse(await forgotten.ReadAsTextAsync()).RootElement.GetProperty("capturedEmailsDeleted").GetInt32());
        var left = await DraftsAsync(host);
        Assert.Equal(["Netcongestie: onze drie wensen", "Samen optrekken op netcongestie"], left.Select(d => d.Subject).Order());
        Assert.DoesNotContain(left, d => d.Addresses.Contains(BontenbalAddress));
    }

    [ImapFact]
    public async Task capture_is_off_by_default()
    {
        var off = new TestMailbox();
        await off.CreateAsync();
        await using var _ = off;
        await using var host = await AppFixture.StartHostAsync(_connectionString, settings: off.Settings(enabled: false));
        await off.AppendAsync(Plain());
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailCaptureOptions>>().Value;
        Assert.False(new EmailCaptureOptions().Enabled);
        Assert.False(options.Enabled);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
            Assert.Null(await session.LoadAsync<CaptureMailboxSchedule>(CaptureMailboxSchedule.TheId));

        // A poll left waiting from when capture was on reads nothing and schedules no next one.
        var token = Guid.NewGuid();
        await using (var session = store.LightweightSession())
        {
            session.Store(new CaptureMailboxSchedule(CaptureMailboxSchedule.TheId, token, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        await host.Services.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new PollCaptureMailbox(token));
        await using (var session = store.QuerySession())
            Assert.Equal(token, (await session.LoadAsync<CaptureMailboxSchedule>(CaptureMailboxSchedule.TheId))!.Token);
        Assert.Single(await off.MessageIdsAsync());
        Assert.Empty(await DraftsAsync(host));
    }
}
