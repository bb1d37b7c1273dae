using Campaigns.EmailCapture;
using MimeKit;

namespace Campaigns.Tests.EmailCapture;

/// <summary>How a mail becomes a draft's fields: pure functions, no mailbox or store.</summary>
public class reading_captured_mail
{
    private static MimeMessage Mail(string subject, string text, string from = "anna@metaalunie.nl") =>
        Infrastructure.TestMailbox.Mail(from, ["capture@metaalunie.nl"], subject, text);

    [Fact]
    public void an_outlook_forward_uses_the_dutch_header_block()
    {
        var read = MailReading.Read(Mail("FW: Gesprek netcongestie",
            "Graag vastleggen.\n\n________________________________\nVan: Femke de Boer <f.deboer@minezk.nl>\nVerzonden: dinsdag 4 november 2025 15:30\nAan: Anna <anna@metaalunie.nl>\nCC: Piet Post [mailto:p.post@minezk.nl]\nOnderwerp: Gesprek netcongestie\n\nBeste Anna,\n\nDank voor het gesprek.\n\nFemke"));

        Assert.True(read.Forwarded);
        Assert.Equal("f.deboer@minezk.nl", read.From!.Address);
        Assert.Equal("Femke de Boer", read.From.Name);
        Assert.Equal(["anna@metaalunie.nl"], read.To.Select(p => p.Address));
        Assert.Equal(["p.post@minezk.nl"], read.Cc.Select(p => p.Address));
        Assert.Equal(new DateTime(2025, 11, 4, 15, 30, 0), read.SentAt.DateTime);
        Assert.Equal("Gesprek netcongestie", read.Subject);
        Assert.Equal("Beste Anna,\n\nDank voor het gesprek.\n\nFemke", read.Body);
        Assert.Equal("anna@metaalunie.nl", read.ForwardedBy!.Address);
    }

    [Fact]
    public void a_reply_keeps_its_own_text_and_drops_what_it_quotes()
    {
        Assert.Equal("Akkoord, tot dinsdag.", MailReading.TrimQuotes("Akkoord, tot dinsdag.\n\nOn Mon, 3 Nov 2025 at 10:00, Henri <h@tk.nl> wrote:\n> Dinsdag?"));
        Assert.Equal("Prima.", MailReading.TrimQuotes("Prima.\n\nOp ma 3 nov. 2025 om 10:00 schreef Henri <h@tk.nl>:\n> Dinsdag?"));
        Assert.Equal("Zie onder.", MailReading.TrimQuotes("Zie onder.\n-----Oorspronkelijk bericht-----\nVan: Henri"));
        Assert.Equal("Ja.\nNee.", MailReading.TrimQuotes("Ja.\n> tussendoor geciteerd\nNee."));
    }

    [Fact]
    public void a_reply_in_outlook_is_not_taken_for_a_forward()
    {
        var read = MailReading.Read(Mail("RE: Gesprek", "Dank!\n\n-----Original Message-----\nFrom: Henri <h@tk.nl>\nSent: Monday, November 3, 2025 10:00 AM\nSubject: Gesprek\n\nDinsdag?"));
        Assert.False(read.Forwarded);
        Assert.Equal("anna@metaalunie.nl", read.From!.Address);
        Assert.Equal("Gesprek", read.Subject);
        Assert.Equal("Dank!", read.Body);
    }

    [Fact]
    public void html_becomes_text_without_styles_scripts_or_tags()
    {
        Assert.Equal("Kop\nEen & twee\n\nDrie",
            MailReading.HtmlToText("<html><head><title>t</title><style>.x{}</style></head><body><h1>Kop</h1><p>Een &amp; <i>twee</i></p><script>alert(1)</script><p>Drie</p></body></html>"));
    }

    [Fact]
    public void subject_prefixes_are_dropped()
    {
        Assert.Equal("Wensen", MailReading.StripPrefixes("Fwd: RE: Doorst: Wensen"));
        Assert.Equal("Reactie: wensen", MailReading.StripPrefixes("Reactie: wensen"));
    }

    [Fact]
    public void a_message_id_keys_the_ledger_whatever_its_brackets_or_case()
    {
        var key = CapturedMessage.KeyFor("<ABC@mail.example>", () => throw new InvalidOperationException());
        Assert.Equal(key, CapturedMessage.KeyFor("abc@mail.example", () => throw new InvalidOperationException()));
        Assert.Equal(64, key.Length);
        Assert.DoesNotContain("abc", key);
        Assert.Equal(CapturedMessage.DraftIdFor(key), CapturedMessage.DraftIdFor(key));
        Assert.NotEqual(key, CapturedMessage.KeyFor(null, () => "whole message"u8.ToArray()));
    }

    [Fact]
    public void the_officer_and_contacts_are_matched_and_the_team_and_mailbox_are_never_offered_as_contacts()
    {
        var contact = Guid.NewGuid();
        var read = new ReadMail(DateTimeOffset.Parse("2025-11-03T23:30:00Z"), "Wensen", "Tekst",
            new MailPerson("anna@metaalunie.nl", "Anna"),
            [new MailPerson("h@tk.nl", "Henri"), new MailPerson("capture@metaalunie.nl", null), new MailPerson("new@vno-ncw.nl", null)],
            [new MailPerson("piet@metaalunie.nl", null)], [], false, null);
        var draft = MessageCapture.Draft(read, new string('a', 64), DateTimeOffset.UtcNow, new Dictionary<string, Guid> { ["h@tk.nl"] = contact },
            a => a == "anna@metaalunie.nl" ? "anna" : null, a => a.EndsWith("@metaalunie.nl"), "capture@metaalunie.nl");

        Assert.Equal("anna", draft.Officer);
        Assert.Equal([contact], draft.ContactIds);
        Assert.Equal(["new@vno-ncw.nl"], draft.UnknownAddresses.Select(p => p.Address));
        Assert.DoesNotContain(draft.To, p => p.Address == "capture@metaalunie.nl");
        // 23:30 UTC on 3 November is 4 November in Amsterdam.
        Assert.Equal(new DateOnly(2025, 11, 4), draft.SentOn);
    }
}
