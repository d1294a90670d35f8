//! The plan and the card as one self-contained HTML file each: inline CSS,
//! no scripts, nothing fetched.

use std::fmt::Write as _;

use crate::render::card::Card;
use crate::render::printout::{Item, PRIVATE, Paper, Printout};

impl Printout {
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
                        call @ Item::Call { .. } => {
                            if open {
                                body.push_str("</li>");
                            }
                            let _ = write!(body, "<li>{}", html(&call.plain()));
                            open = true;
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

impl Card {
    /// The card as one HTML file: both sides at their real size, side by
    /// side, to cut out and fold.
    pub fn to_html(&self) -> String {
        let mut body = String::new();
        for (class, side) in [("front", &self.front), ("back", &self.back)] {
            let _ = write!(body, "<div class=\"card {class}\">");
            for line in side {
                if line.heading {
                    let _ = write!(body, "<h2>{}</h2>", html(&line.text));
                } else {
                    let _ = write!(body, "<p>{}</p>", html(&line.text));
                }
            }
            body.push_str("</div>");
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Crisis card</title>\n<style>\n\
@page {{ size: A4; margin: 12mm; }}\n\
body {{ font-family: \"DejaVu Sans\", Verdana, sans-serif; margin: 12mm; }}\n\
.pair {{ display: flex; gap: 0; }}\n\
.card {{ width: 85.6mm; height: 54mm; overflow: hidden; border: 0.2mm dashed #777; padding: 2.2mm 2.8mm; box-sizing: border-box; font-size: 6.4pt; line-height: 1.2; }}\n\
.card h2 {{ font-size: 7pt; margin: 0.6mm 0 0.2mm; }}\n\
.card p {{ margin: 0; white-space: nowrap; overflow: hidden; }}\n\
.note {{ font-size: 8pt; color: #444; }}\n\
</style>\n</head>\n<body>\n<div class=\"pair\">{body}</div>\n<p class=\"note\">Cut along the dashed line and fold in the middle. {PRIVATE}</p>\n</body>\n</html>\n"
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_persons_words_are_escaped() {
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }
}
