//! `print`: the plan (or a wallet card) as text, Markdown, HTML or PDF, and
//! the card as a phone's lock-screen image (PNG).

use std::fmt::Write as _;

use crate::cli::{self, Format, PrintArgs};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::supporter::{self, Found};
use crate::plan::{Contact, Plan};
use crate::prompt::Prompter as _;
use crate::render::fonts::{self, FontSearch};
use crate::render::phone::{self, Theme};
use crate::render::printout::{Fill, Paper};
use crate::render::trends::{self, Window};
use crate::render::{Medium, card, clean, pdf, printout};
use crate::store::is_stdout;

/// The languages the HTML and the PDF declare: the plan's (the locale's);
/// for the PDF, where that names none, the one the script of her words
/// says, if any (a Japanese plan was declared English). The HTML marks
/// each run of her words itself.
fn languages(ctx: &Ctx, plan: &crate::plan::Plan) -> (Option<String>, Option<String>) {
    let lang = ctx.locale_language.clone();
    let pdf = lang
        .clone()
        .or_else(|| pdf::language_of_plan(plan).map(str::to_string));
    (lang, pdf)
}

pub(super) fn run(args: &PrintArgs, ctx: &mut Ctx) -> Result<()> {
    let output = args.output.as_deref().filter(|p| !is_stdout(p));
    if let Some(path) = output {
        super::check_output_as(ctx, path, args.force, kind_of(format_of(args, Some(path))))?;
    }
    let plan = match args.revision {
        Some(revision) => ctx.store.load_revision(revision)?,
        None => ctx.load()?.plan,
    };
    let lines = ctx.crisis_lines(plan.country.as_deref());
    let (lang, pdf_lang) = languages(ctx, &plan);
    let paper = match args.paper {
        cli::Paper::A4 => Paper::A4,
        cli::Paper::Letter => Paper::Letter,
    };
    let format = format_of(args, output);
    check_format(args, format, output.is_none() && ctx.stdout_terminal)?;
    let stamp = (plan.saved_at.unwrap_or(ctx.now), pdf_lang.as_deref());
    let fill = if args.blank {
        Fill::Blank
    } else if args.write_in {
        Fill::WriteIn
    } else {
        Fill::AsIs
    };
    // A PDF, a web page or an image is paper: the person's words without
    // the escapes a terminal needs (text and Markdown may reach one).
    let medium = match format {
        Format::Html | Format::Pdf | Format::Png => Medium::Paper,
        Format::Text | Format::Markdown => Medium::Screen,
    };
    let mut doc = match args.supporter.as_deref() {
        Some(typed) => match supporter_copy(&plan, typed, lines.as_ref(), args.yes, medium, ctx)? {
            Some(doc) => doc,
            None => return Err(Error::Declined),
        },
        None => printout::build(&plan, lines.as_ref(), fill, &ctx.zone, medium),
    };
    if args.trends {
        doc.add_trends(trends_chart(ctx)?);
    }
    warn_before_printing(ctx, &plan, lines.as_ref())?;
    let search = ctx.fonts.clone();
    let bytes = if args.card {
        let built = card::build(&plan, lines.as_ref(), &ctx.zone, medium);
        // The lock screen draws every name whole, and says what it holds
        // of her further words itself.
        let mut notes = if format == Format::Png {
            built.said_for_lock_screen()
        } else {
            built.shortened.clone()
        };
        let card = filled(built, format, &mut notes);
        let bytes = match format {
            Format::Markdown => card.to_markdown().into_bytes(),
            Format::Html => {
                notes.extend(
                    card.html_moved()
                        .iter()
                        .map(|m| format!("left off: {m} (no room at a legible size)")),
                );
                card.to_html(lang.as_deref()).into_bytes()
            }
            Format::Png => {
                let (png, moved) = lock_screen(&card, args, &search, ctx)?;
                notes.extend(moved);
                png
            }
            Format::Pdf => {
                let made = pdf::cards(&card, paper, 4, stamp, &search).map_err(pdf_error)?;
                notes.extend(made.moved.iter().cloned());
                warn_missing_glyphs(ctx, &made.pdf.missing)?;
                warn_split(ctx, &made.pdf.split)?;
                made.pdf.bytes
            }
            Format::Text => card.to_text().into_bytes(),
        };
        say_left_off(ctx, format == Format::Png, &notes)?;
        bytes
    } else {
        match format {
            Format::Markdown => doc.to_markdown(80).into_bytes(),
            Format::Html => doc.to_html(paper, lang.as_deref()).into_bytes(),
            Format::Pdf => {
                let made = pdf::printout(&doc, paper, stamp, &search).map_err(pdf_error)?;
                warn_missing_glyphs(ctx, &made.missing)?;
                warn_split(ctx, &made.split)?;
                made.bytes
            }
            Format::Text => doc.to_text(80).into_bytes(),
            Format::Png => return Err(Error::Usage(NOT_CARD.into())),
        }
    };
    if let Some(path) = output {
        let keep = keep_words(args, &plan);
        super::write_to(ctx, path, &bytes, "your plan", |shown| {
            format!("Wrote `{shown}`. {keep}")
        })
    } else {
        let bytes = plainly(ctx.style.plain && format == Format::Text, bytes);
        ctx.out.write_all(&bytes).map_err(Error::Stdout)
    }
}

/// `bytes` as `--plain` shows a text printout on screen, when `plain`.
fn plainly(plain: bool, bytes: Vec<u8>) -> Vec<u8> {
    if plain {
        plain_printout(&String::from_utf8_lossy(&bytes)).into_bytes()
    } else {
        bytes
    }
}

/// The text printout as `--plain` shows it on screen: quotes, dots and
/// the separators said plainly ([`crate::render::plain_punctuation`]), the
/// title's dash a comma, and a rating out of five "4 of 5", not "4/5". A
/// file written with `-o` stays as printed.
fn plain_printout(text: &str) -> String {
    let text = crate::render::plain_punctuation(text).replace(" — ", ", ");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("/5") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let rated = before.ends_with(|c: char| c.is_ascii_digit())
            && !after[2..].starts_with(|c: char| c.is_ascii_digit());
        out.push_str(if rated { " of 5" } else { "/5" });
        rest = &after[2..];
    }
    out.push_str(rest);
    out
}

/// Whatever the format, a number that may not dial what it shows is named
/// before it goes on paper or a phone.
fn warn_doubtful_numbers(ctx: &mut Ctx, plan: &crate::plan::Plan) -> Result<()> {
    for contact in plan
        .contacts
        .iter()
        .filter(|c| c.role != crate::plan::Role::DoNotInvolve)
    {
        let number = contact.phone.as_deref().unwrap_or_default().trim();
        if let Some(warning) = crate::render::phone_warning(number) {
            ctx.say(&format!(
                "{} · {} ({warning}). Mend it with `relapse-plan contact edit {} --phone \"…\"`.",
                crate::render::clean(&contact.name),
                crate::render::clean(number),
                crate::render::clean(&contact.id),
            ))?;
        }
    }
    // Words that held a hidden character beside a number: on paper the
    // number is flagged and never a link; here the person learns why.
    for section in crate::plan::Section::ALL {
        for (n, item) in plan.section(section).iter().enumerate() {
            let why = if crate::render::number_turned_around(&item.text) {
                Some(
                    "has a number with its + after its digits, as a number turned around would read, so it may not dial what you meant",
                )
            } else if crate::render::number_in_hidden(&item.text) {
                Some(
                    "holds characters that do not show beside a number, so the number may not dial what you read",
                )
            } else {
                None
            };
            if let Some(why) = why {
                ctx.say(&format!(
                    "Your {} {} (“{}”) {why}: it is marked “{}” on paper and is not a link. Mend it with `relapse-plan {} edit {} \"…\"`.",
                    section.item_name(),
                    n + 1,
                    crate::render::clean(&item.text),
                    crate::render::NUMBER_DOUBT,
                    crate::render::tables::section_command(section),
                    n + 1,
                ))?;
            }
        }
    }
    Ok(())
}

/// What to say about the file just written: a supporter's copy holds what
/// the person saw; the plan goes where they keep their printed plan.
fn keep_words(args: &PrintArgs, plan: &Plan) -> String {
    if args.supporter.is_some() {
        "It holds only what you saw above: give it to them the way you choose.".to_string()
    } else if let Some(kept_at) = plan.kept_at.as_deref().filter(|_| !args.card) {
        format!(
            "It holds private health information. You keep your printed plan: {}; this copy can take the old one's place.",
            clean(kept_at)
        )
    } else {
        "It holds private health information: keep it, and any printout, where only you choose who sees it.".to_string()
    }
}

/// The extensions that fit a printout in `format`, and what it is.
fn kind_of(format: Format) -> (&'static [&'static str], &'static str) {
    match format {
        Format::Text => (&["txt", "text"], "a plain-text printout"),
        Format::Markdown => (&["md", "markdown"], "a Markdown printout"),
        Format::Html => (&["html", "htm"], "an HTML printout"),
        Format::Pdf => (&["pdf"], "a PDF printout"),
        Format::Png => (&["png"], "a lock-screen image"),
    }
}

/// The format asked for, else the -o file's extension's, else text.
fn format_of(args: &PrintArgs, output: Option<&std::path::Path>) -> Format {
    let from_extension = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| match e.to_ascii_lowercase().as_str() {
            "pdf" => Format::Pdf,
            "png" => Format::Png,
            "html" | "htm" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            _ => Format::Text,
        });
    args.format.or(from_extension).unwrap_or(Format::Text)
}

/// The check-ins of the last 30 of the person's own days, today included.
fn trends_chart(ctx: &Ctx) -> Result<printout::Chart> {
    let log = ctx.store.load_check_ins()?;
    let last = ctx.today_day();
    let window = Window::new(&log.entries, last - 29, last, Vec::new());
    Ok(trends::printed(&window))
}

/// What a PNG of the full plan is refused with.
const NOT_CARD: &str = "a PNG is the card for your phone's lock screen: add --card, like `relapse-plan print --card -o lock-screen.png`";

/// A PDF or an image is not for a terminal; a PNG is the lock-screen card,
/// and the image's own flags are for it.
fn check_format(args: &PrintArgs, format: Format, to_terminal: bool) -> Result<()> {
    let png = format == Format::Png;
    let problem = if format == Format::Pdf && to_terminal {
        "a PDF is not for reading in a terminal: write it to a file with -o plan.pdf"
    } else if png && !args.card {
        NOT_CARD
    } else if !png && (args.size.is_some() || args.light || args.dark) {
        "--size, --light and --dark are for the lock-screen image: `relapse-plan print --card -o lock-screen.png`"
    } else if png && to_terminal {
        "an image is not for reading in a terminal: write it to a file with -o lock-screen.png"
    } else {
        return Ok(());
    };
    Err(Error::Usage(problem.into()))
}

/// The card with its room filled with more of her words, for the text
/// formats as the HTML card measures (the PDF measures its own fonts); what
/// fits nowhere goes in `notes`, to be said.
fn filled(built: card::Card, format: Format, notes: &mut Vec<String>) -> card::Card {
    match format {
        Format::Markdown | Format::Html | Format::Text => {
            let (card, left) = built.filled_by_estimate();
            notes.extend(left);
            card
        }
        Format::Png | Format::Pdf => built,
    }
}

/// What the person should know before it goes on paper or a phone, said
/// on screen.
fn warn_before_printing(
    ctx: &mut Ctx,
    plan: &Plan,
    lines: Option<&crate::crisis_lines::CountryLines>,
) -> Result<()> {
    warn_doubtful_numbers(ctx, plan)?;
    warn_no_emergency_number(ctx, plan, lines)
}

/// Without an emergency number, the table's or her own, the printout, the
/// card and the lock screen can only say "call your local emergency
/// number": said here, on screen and not on paper, with how to add hers
/// (issue 13: a plan in Egypt printed no number to call).
fn warn_no_emergency_number(
    ctx: &mut Ctx,
    plan: &Plan,
    lines: Option<&crate::crisis_lines::CountryLines>,
) -> Result<()> {
    let own = plan
        .own_lines
        .emergency
        .as_deref()
        .is_some_and(|n| !n.trim().is_empty());
    if own || lines.and_then(|l| l.emergency).is_some() {
        return Ok(());
    }
    ctx.say(
        "This plan has no emergency number, so it says only “call your local emergency number”. Add yours with: relapse-plan set --emergency-number NUMBER",
    )
}

/// The card as a lock-screen PNG, and what it left for the full plan.
fn lock_screen(
    card: &card::Card,
    args: &PrintArgs,
    search: &FontSearch,
    ctx: &mut Ctx,
) -> Result<(Vec<u8>, Vec<String>)> {
    let theme = if args.light {
        Theme::Light
    } else {
        Theme::Dark
    };
    let size = args.size.unwrap_or(phone::SIZE);
    let made = phone::lock_screen(card, size, theme, search).map_err(|message| Error::Render {
        what: "the image",
        message,
    })?;
    warn_missing_glyphs(ctx, &made.missing)?;
    Ok((made.png, made.moved))
}

/// The copy for the supporter `typed` names, once the person has seen what
/// it holds and said yes (or gave --yes); `None` when they said no.
fn supporter_copy(
    plan: &Plan,
    typed: &str,
    lines: Option<&crate::crisis_lines::CountryLines>,
    yes: bool,
    medium: Medium,
    ctx: &mut Ctx,
) -> Result<Option<printout::Printout>> {
    let supporter = find_supporter(plan, typed)?;
    let doc = printout::for_supporter(plan, lines, supporter, &ctx.zone, medium);
    // The terminal first: without one (and without --yes) nothing is shown
    // or written, and the error says what to run instead.
    let ask = if yes {
        None
    } else {
        Some(super::terminal(
            "print --for",
            "`relapse-plan print --for NAME --yes`",
            ctx,
        )?)
    };
    let summary = printout::supporter_summary(&doc, &supporter.name, ctx.style.width);
    ctx.say(&summary)?;
    if let Some(mut ask) = ask {
        let question = format!("Write this copy for {}?", clean(&supporter.name));
        if !ask.confirm(&question, true)? {
            return Ok(None);
        }
    }
    Ok(Some(doc))
}

/// The one contact `typed` names, or an error saying kindly who it could be.
fn find_supporter<'a>(plan: &'a Plan, typed: &str) -> Result<&'a Contact> {
    match supporter::find(plan, typed) {
        Found::One(contact) => Ok(contact),
        Found::Nobody { people } => Err(Error::NoSupporter {
            typed: clean(typed),
            people: people.iter().map(|p| clean(p)).collect(),
        }),
        Found::Several(names) => Err(Error::SeveralSupporters {
            typed: clean(typed),
            matches: names.iter().map(|n| clean(n)).collect(),
        }),
        // Named in the hint by her list's number: the id ("krym") is no
        // word of hers (Layla).
        Found::NotInvolved(contact) => Err(Error::NotInvolved {
            name: clean(&contact.name),
            id: plan
                .contacts
                .iter()
                .position(|c| c.id == contact.id)
                .map_or_else(|| contact.id.clone(), |at| (at + 1).to_string()),
        }),
    }
}

/// How many missing characters the warning lists by name.
const MISSING_SHOWN: usize = 12;

/// Names the characters no installed font can show, and what to install,
/// instead of letting them become empty boxes unnoticed.
fn warn_missing_glyphs(ctx: &mut Ctx, missing: &[char]) -> Result<()> {
    if missing.is_empty() {
        return Ok(());
    }
    let mut shown: String = missing
        .iter()
        .take(MISSING_SHOWN)
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ");
    if missing.len() > MISSING_SHOWN {
        let _ = write!(shown, " and {} more", missing.len() - MISSING_SHOWN);
    }
    let mut packages: Vec<&str> = missing.iter().map(|c| fonts::package_for(*c)).collect();
    packages.sort_unstable();
    packages.dedup();
    ctx.say(&format!(
        "warning: no font on this computer can show {shown}; in the PDF or image they appear as empty boxes. Install a font that has them (on Debian or Ubuntu: `sudo apt install {}`) and print again. The text, Markdown and HTML formats show them as they are.",
        packages.join(" ")
    ))
}

/// Names the emoji sequences that print as their separate parts (👩‍👧 as
/// two faces), so a changed picture is not found out on paper.
fn warn_split(ctx: &mut Ctx, split: &[String]) -> Result<()> {
    if split.is_empty() {
        return Ok(());
    }
    let mut shown = split
        .iter()
        .take(MISSING_SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if split.len() > MISSING_SHOWN {
        let _ = write!(shown, " and {} more", split.len() - MISSING_SHOWN);
    }
    let (verb, them) = if split.len() == 1 {
        ("prints as its", "it")
    } else {
        ("print as their", "them")
    };
    ctx.say(&format!(
        "warning: in the PDF, {shown} {verb} separate parts: none of the fonts this program can use here draws {them} as one picture. The text, Markdown and HTML formats show {them} whole."
    ))
}

/// A PDF that could not be made: a failure (exit 1), nothing written.
fn pdf_error(message: String) -> Error {
    Error::Render {
        what: "the PDF",
        message,
    }
}

/// Says what the card (or the lock screen) shortened or left off, and that
/// the full plan has it.
fn say_left_off(ctx: &mut Ctx, lock_screen: bool, notes: &[String]) -> Result<()> {
    let on = if lock_screen {
        "the lock screen"
    } else {
        "the card"
    };
    for note in notes {
        // Someone left off for sharing a number with someone not to
        // involve is left off the full plan too (said there): "the full
        // plan has it whole" was not true (Mulu).
        if note.ends_with("marked not to involve)") {
            ctx.say(&format!("On {on}, {note}; the full plan says so too."))?;
            continue;
        }
        let it = it_or_them(note);
        ctx.say(&format!("On {on}, {note}; the full plan has {it} whole."))?;
    }
    Ok(())
}

/// "it" for one thing left off or shortened, "them" for several: "left
/// off: 2 warning signs … has it whole" read wrong (Farida, Linh), and
/// so would "left off: reasons 2 and 3 … has it whole".
fn it_or_them(note: &str) -> &'static str {
    let what = note.split_once(": ").map_or(note, |(_, what)| what);
    let digits: String = what.chars().take_while(char::is_ascii_digit).collect();
    let numbered = what.split(" (").next().unwrap_or(what);
    let several = |joint: &str| {
        numbered.rsplit_once(joint).is_some_and(|(before, after)| {
            before.ends_with(|c: char| c.is_ascii_digit())
                && !after.is_empty()
                && after.chars().all(|c| c.is_ascii_digit())
        })
    };
    match digits.parse::<u64>() {
        Ok(n) if n != 1 && what[digits.len()..].starts_with(' ') => "them",
        _ if several(" and ") || several(" to ") => "them",
        _ => "it",
    }
}
