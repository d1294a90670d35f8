//! `print`: the plan (or a wallet card) as text, Markdown, HTML or PDF.

use crate::cli::PrintArgs;
use crate::crisis_lines;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::render::printout::{Fill, Paper};
use crate::render::{card, pdf, printout};
use crate::store::write_atomic;

pub(super) fn run(args: &PrintArgs, ctx: &mut Ctx) -> Result<()> {
    let plan = match args.revision {
        Some(revision) => ctx.store.load_revision(revision)?,
        None => ctx.load()?.plan,
    };
    let country = ctx.lines_country(plan.country.as_deref());
    let lines = crisis_lines::for_country(country.as_deref());
    let paper = if args.paper == "letter" {
        Paper::Letter
    } else {
        Paper::A4
    };
    let from_extension = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| match e {
            "pdf" => "pdf",
            "html" | "htm" => "html",
            "md" | "markdown" => "markdown",
            _ => "text",
        });
    let format = args.format.as_deref().or(from_extension).unwrap_or("text");
    if format == "pdf" && args.output.is_none() && ctx.stdout_terminal {
        return Err(Error::Usage(
            "a PDF is not for reading in a terminal: write it to a file with -o plan.pdf".into(),
        ));
    }
    let saved = plan.saved_at.unwrap_or(ctx.now);
    let fill = if args.blank {
        Fill::Blank
    } else if args.write_in {
        Fill::WriteIn
    } else {
        Fill::AsIs
    };
    let doc = printout::build(&plan, lines.as_ref(), fill);
    let bytes = if args.card {
        let card = card::build(&plan, lines.as_ref());
        for note in &card.shortened {
            ctx.say(&format!("On the card, {note}; the full plan has it whole."))?;
        }
        if format == "pdf" {
            warn_missing_glyphs(
                ctx,
                card.front.iter().chain(&card.back).map(|l| l.text.as_str()),
            )?;
        }
        match format {
            "markdown" => card.to_markdown().into_bytes(),
            "html" => card.to_html().into_bytes(),
            "pdf" => pdf::cards(&card, paper, 4, &doc.title, saved)
                .map_err(|e| Error::Usage(format!("could not make the PDF: {e}")))?,
            _ => card.to_text().into_bytes(),
        }
    } else {
        if format == "pdf" {
            let texts: Vec<String> = doc
                .sections
                .iter()
                .flat_map(|s| {
                    std::iter::once(s.title.clone())
                        .chain(s.items.iter().map(printout::Item::plain))
                })
                .collect();
            warn_missing_glyphs(
                ctx,
                std::iter::once(doc.title.as_str()).chain(texts.iter().map(String::as_str)),
            )?;
        }
        match format {
            "markdown" => doc.to_markdown(80).into_bytes(),
            "html" => doc.to_html(paper).into_bytes(),
            "pdf" => pdf::printout(&doc, paper, saved)
                .map_err(|e| Error::Usage(format!("could not make the PDF: {e}")))?,
            _ => doc.to_text(80).into_bytes(),
        }
    };
    if let Some(path) = &args.output {
        write_atomic(path, &bytes)?;
        ctx.say(&format!(
            "Wrote `{}`. It holds private health information: keep it, and any printout, where only you choose who sees it.",
            path.display()
        ))
    } else {
        ctx.out.write_all(&bytes)?;
        Ok(())
    }
}

/// Says which characters the PDF's font cannot show, instead of letting
/// them become empty boxes unnoticed.
fn warn_missing_glyphs<'a>(ctx: &mut Ctx, texts: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut missing: Vec<char> = texts.flat_map(pdf::missing_glyphs).collect();
    missing.sort_unstable();
    missing.dedup();
    if missing.is_empty() {
        return Ok(());
    }
    let shown: String = missing
        .iter()
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ");
    ctx.say(&format!(
        "warning: the PDF's font cannot show {shown}; they will appear as empty boxes. The text, Markdown and HTML formats show them."
    ))
}
