//! The plan to carry, as a document: sections in the order they are used in
//! a crisis (warning signs, steps, my own coping, people and places that
//! distract, people who help, professionals and crisis lines, a safer
//! environment, my reasons), then triggers riskiest first, the lapse plan
//! and daily maintenance. Text, Markdown, HTML and PDF all render this one
//! model, so every format holds the same things in the same order.

use std::fmt::Write as _;

use crate::crisis_lines::{CountryLines, LOCAL_EMERGENCY};
use crate::plan::priority::{self, Priority};
use crate::plan::{Contact, CopingKind, Plan, Role};
use crate::render::{clean, tables::moment, wrap};

/// Every printout says what it holds.
pub const PRIVATE: &str = "Private: this holds personal health information.";

/// A section of the printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// One line of a section: a sentence, a numbered step, or a sub-item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Bullet(String),
    Numbered(usize, String),
    /// Indented under the item before it (a coping strategy's steps).
    Sub(String),
}

/// The whole printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printout {
    pub title: String,
    pub sections: Vec<Section>,
    pub footer: String,
}

fn person(c: &Contact) -> String {
    let mut line = clean(&c.name);
    if let Some(phone) = &c.phone {
        let _ = write!(line, ": {}", clean(phone));
    }
    if let Some(when) = &c.reachable {
        let _ = write!(line, " ({})", clean(when));
    }
    line
}

/// Each trigger, riskiest first, with what it brings and the response.
fn trigger_items(plan: &Plan) -> Vec<Item> {
    let mut triggers = Vec::new();
    for t in priority::sorted(&plan.triggers) {
        let risk = Priority::of(t).map_or_else(
            || "not rated".to_string(),
            |p| format!("priority {p}, {}", p.band()),
        );
        triggers.push(Item::Bullet(format!("{} ({risk})", clean(&t.situation))));
        for (label, list) in [
            ("Thoughts", &t.thoughts),
            ("Feelings", &t.feelings),
            ("Urges", &t.urges),
        ] {
            if !list.is_empty() {
                let words: Vec<String> = list.iter().map(|s| clean(s)).collect();
                triggers.push(Item::Sub(format!("{label}: {}", words.join("; "))));
            }
        }
        let mut response: Vec<String> = t
            .coping
            .iter()
            .filter_map(|id| plan.coping_strategy(id))
            .map(|c| clean(&c.name))
            .collect();
        response.extend(
            t.contacts
                .iter()
                .filter_map(|id| plan.contact(id))
                .map(|c| format!("call {}", clean(&c.name))),
        );
        if !response.is_empty() {
            triggers.push(Item::Sub(format!("What I'll do: {}", response.join("; "))));
        }
    }
    triggers
}

/// Builds the printout of a plan, with the crisis lines for its country.
pub fn build(plan: &Plan, lines: Option<&CountryLines>) -> Printout {
    let mut sections = Vec::new();
    let mut add = |title: &str, items: Vec<Item>| {
        sections.push(Section {
            title: title.to_string(),
            items,
        });
    };
    let bullets = |texts: &mut dyn Iterator<Item = &String>| -> Vec<Item> {
        texts.map(|t| Item::Bullet(clean(t))).collect()
    };
    let numbered = |texts: &mut dyn Iterator<Item = &String>| -> Vec<Item> {
        texts
            .enumerate()
            .map(|(i, t)| Item::Numbered(i + 1, clean(t)))
            .collect()
    };
    let coping_of = |kind: CopingKind| -> Vec<Item> {
        let mut items = Vec::new();
        for c in plan.coping.iter().filter(|c| c.kind == kind) {
            items.push(Item::Bullet(clean(&c.name)));
            items.extend(
                c.steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Item::Sub(format!("{}. {}", i + 1, clean(s)))),
            );
        }
        items
    };
    let people_of = |role: Role| -> Vec<Item> {
        plan.contacts
            .iter()
            .filter(|c| c.role == role && !c.do_not_involve)
            .map(|c| Item::Bullet(person(c)))
            .collect()
    };

    add(
        "Warning signs that things are sliding",
        bullets(&mut plan.warning_signs.iter().map(|i| &i.text)),
    );
    add(
        "What I'll do, in order",
        numbered(&mut plan.crisis_steps.iter().map(|i| &i.text)),
    );
    add("Things I can do on my own", coping_of(CopingKind::Internal));
    let mut distract = people_of(Role::Distraction);
    distract.extend(coping_of(CopingKind::Distraction));
    add("People and places that take my mind off it", distract);
    let mut help = people_of(Role::Help);
    help.extend(coping_of(CopingKind::Social));
    add("People I can ask for help", help);
    let mut professionals = people_of(Role::Professional);
    professionals.extend(coping_of(CopingKind::Professional));
    professionals.extend(crisis_line_items(lines));
    add("Professionals and crisis lines", professionals);
    let mut safer = bullets(&mut plan.safe_environment.iter().map(|i| &i.text));
    safer.extend(coping_of(CopingKind::Environment));
    add("Making my surroundings safer", safer);
    add(
        "My reasons",
        bullets(&mut plan.reasons.iter().map(|i| &i.text)),
    );

    add("My triggers, riskiest first", trigger_items(plan));
    add(
        "If I slip",
        numbered(&mut plan.lapse_plan.iter().map(|i| &i.text)),
    );
    add(
        "Every day",
        bullets(&mut plan.maintenance.iter().map(|i| &i.text)),
    );
    let not_involved: Vec<Item> = plan
        .contacts
        .iter()
        .filter(|c| c.do_not_involve)
        .map(|c| Item::Bullet(clean(&c.name)))
        .collect();
    add("Not to involve in a crisis", not_involved);

    let (title, footer) = title_and_footer(plan);
    Printout {
        title,
        sections,
        footer,
    }
}

/// "Sam's crisis plan", and the footer: name, revision, saved, next review.
fn title_and_footer(plan: &Plan) -> (String, String) {
    let name = plan.name.trim();
    let title = if name.is_empty() {
        "My crisis plan".to_string()
    } else {
        format!("{}'s crisis plan", clean(name))
    };
    let mut footer = vec![format!("revision {}", plan.revision)];
    if let Some(saved) = &plan.saved_at {
        footer.push(format!("saved {}", moment(saved)));
    }
    if let Some(next) = &plan.review.next {
        footer.push(format!("next review {next}"));
    }
    if name.is_empty() {
        footer[0] = format!("Revision {}", plan.revision);
    } else {
        footer.insert(0, clean(name));
    }
    (title, format!("{}. {PRIVATE}", footer.join(", ")))
}

/// The crisis lines as printout items; without a country, what to do.
pub fn crisis_line_items(lines: Option<&CountryLines>) -> Vec<Item> {
    let Some(lines) = lines.filter(|l| l.emergency.is_some()) else {
        return vec![Item::Bullet(format!("In an emergency, {LOCAL_EMERGENCY}"))];
    };
    let mut items = vec![Item::Bullet(format!(
        "Emergency: {}",
        lines.emergency.unwrap_or_default()
    ))];
    for line in &lines.lines {
        items.push(Item::Bullet(format!(
            "{}: {}",
            line.name,
            line.how_to_reach()
        )));
    }
    items
}

impl Printout {
    /// Plain text at `width` columns: good on a screen reader and in an email.
    pub fn to_text(&self, width: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(out, "{PRIVATE}");
        for section in &self.sections {
            let _ = writeln!(out, "\n{}", section.title);
            if section.items.is_empty() {
                let _ = writeln!(out, "  (none yet)");
            }
            for item in &section.items {
                let line = match item {
                    Item::Bullet(text) => wrap(text, width, "  - ", "    "),
                    Item::Numbered(n, text) => {
                        let indent = format!("  {n}. ");
                        wrap(text, width, &indent, &" ".repeat(indent.chars().count()))
                    }
                    Item::Sub(text) => wrap(text, width, "      ", "      "),
                };
                let _ = writeln!(out, "{line}");
            }
        }
        let _ = writeln!(out, "\n{}", wrap(&self.footer, width, "", ""));
        out
    }

    /// Markdown, wrapped at `width` columns, with the person's words escaped.
    pub fn to_markdown(&self, width: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n\n_{PRIVATE}_", md(&self.title));
        for section in &self.sections {
            let _ = writeln!(out, "\n## {}\n", md(&section.title));
            if section.items.is_empty() {
                let _ = writeln!(out, "_(none yet)_");
            }
            for item in &section.items {
                let line = match item {
                    Item::Bullet(text) => wrap(&md(text), width, "- ", "  "),
                    Item::Numbered(n, text) => {
                        let indent = format!("{n}. ");
                        wrap(&md(text), width, &indent, &" ".repeat(indent.len()))
                    }
                    Item::Sub(text) => wrap(&md(text), width, "  - ", "    "),
                };
                let _ = writeln!(out, "{line}");
            }
        }
        let _ = writeln!(out, "\n---\n\n{}", wrap(&md(&self.footer), width, "", ""));
        out
    }

    /// One self-contained HTML file: inline CSS, no scripts, nothing
    /// fetched; print CSS sized for the paper.
    pub fn to_html(&self, paper: Paper) -> String {
        let mut body = String::new();
        let _ = writeln!(
            body,
            "<header><h1>{}</h1><p class=\"private\">{PRIVATE}</p></header>",
            html(&self.title)
        );
        for section in &self.sections {
            let _ = write!(body, "<section><h2>{}</h2>", html(&section.title));
            if section.items.is_empty() {
                body.push_str("<p class=\"none\">(none yet)</p>");
            } else {
                let numbered = section
                    .items
                    .iter()
                    .any(|i| matches!(i, Item::Numbered(..)));
                body.push_str(if numbered { "<ol>" } else { "<ul>" });
                let mut open = false;
                for item in &section.items {
                    match item {
                        Item::Bullet(text) | Item::Numbered(_, text) => {
                            if open {
                                body.push_str("</li>");
                            }
                            let _ = write!(body, "<li>{}", html(text));
                            open = true;
                        }
                        Item::Sub(text) => {
                            let _ = write!(body, "<div class=\"sub\">{}</div>", html(text));
                        }
                    }
                }
                if open {
                    body.push_str("</li>");
                }
                body.push_str(if numbered { "</ol>" } else { "</ul>" });
            }
            body.push_str("</section>\n");
        }
        let _ = write!(body, "<footer>{}</footer>", html(&self.footer));
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
            html(&self.title),
            stylesheet(paper)
        )
    }
}

/// Paper sizes for HTML and PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points.
    pub fn points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

fn stylesheet(paper: Paper) -> String {
    format!(
        "@page {{ size: {}; margin: 14mm; }}
* {{ box-sizing: border-box; }}
body {{ font-family: \"DejaVu Sans\", Verdana, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #111; max-width: 46em; margin: 1.5em auto; padding: 0 1em; overflow-wrap: anywhere; }}
h1 {{ font-size: 17pt; margin: 0 0 0.1em; }}
h2 {{ font-size: 11.5pt; margin: 0.9em 0 0.2em; border-bottom: 1px solid #999; }}
ul, ol {{ margin: 0.1em 0; padding-left: 1.4em; }}
li {{ margin: 0.05em 0; }}
.sub {{ margin-left: 0.6em; color: #333; }}
.private {{ font-size: 9pt; color: #444; margin: 0; }}
.none {{ color: #666; margin: 0.1em 0; }}
footer {{ margin-top: 1.2em; font-size: 9pt; color: #444; border-top: 1px solid #999; padding-top: 0.3em; }}
section {{ break-inside: avoid; }}
@media print {{ body {{ margin: 0; padding: 0; max-width: none; font-size: 9.5pt; }} }}
",
        paper.css()
    )
}

/// Escapes text for HTML.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes the characters Markdown would read as formatting.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_persons_words_are_escaped() {
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
        assert_eq!(md("*not* bold # _x_"), "\\*not\\* bold \\# \\_x\\_");
    }
}
