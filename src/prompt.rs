//! Asking questions. Wizards ask through [`Prompter`]: [`Terminal`] asks with
//! dialoguer on the real terminal, [`Scripted`] answers from a list so every
//! branch of a wizard can be tested without one.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};

use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::error::{Error, Result};

/// The widest a choice is shown; longer ones are shortened on screen only.
const CHOICE_WIDTH: usize = 72;

/// Asks the person something.
pub trait Prompter {
    /// Shows text that is not a question (an explanation, a table).
    fn show(&mut self, text: &str) -> Result<()>;
    /// Shows a section's title.
    fn heading(&mut self, title: &str) -> Result<()> {
        self.show(&format!("\n── {title} ──"))
    }
    /// A line of text, starting from `initial`; `None` when left empty.
    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>>;
    /// One of `choices` by index, starting at `default`; `None` for Esc.
    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        default: usize,
    ) -> Result<Option<usize>>;
    /// Yes or no.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool>;
    /// Any number of `choices` by index (space picks, Enter is done),
    /// starting with `chosen` ticked; `None` for Esc. By default, one yes or
    /// no for each choice.
    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        let mut picked = Vec::new();
        for (i, choice) in choices.iter().enumerate() {
            let ticked = chosen.get(i).copied().unwrap_or(false);
            if self.confirm(&format!("{question} {choice}?"), ticked)? {
                picked.push(i);
            }
        }
        Ok(Some(picked))
    }

    /// Columns to lay text out in.
    fn width(&self) -> usize {
        80
    }
}

/// Shortens a choice for the screen ("…" marks the cut); the file keeps it whole.
pub fn shorten(text: &str, width: usize) -> String {
    let text = crate::render::clean(text);
    if text.chars().count() <= width {
        text
    } else {
        let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

/// The real terminal, through dialoguer, on stderr.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    /// `--plain`: no decorative symbols.
    plain: bool,
    /// The terminal's width, read once when it is opened.
    width: usize,
}

impl Terminal {
    /// The terminal, if stdin and stderr both are one; dialoguer misbehaves
    /// otherwise (it reads /dev/tty behind a pipe, or fails part-way).
    pub fn open(plain: bool) -> Option<Terminal> {
        if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
            return None;
        }
        let color = !plain && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            console::set_colors_enabled_stderr(false);
            Box::new(SimpleTheme)
        };
        let term = Term::stderr();
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<usize>().ok())
            .or_else(|| term.size_checked().map(|(_, w)| usize::from(w)))
            .filter(|w| *w >= 20)
            .unwrap_or(80)
            .min(500);
        Some(Terminal {
            term,
            theme,
            plain,
            width,
        })
    }

    /// Ctrl-C at any prompt: show the cursor again (a menu hides it), say
    /// that nothing is lost, and exit 130. Every answer is already in the
    /// draft, written atomically, so stopping here loses nothing.
    pub fn stop_cleanly_on_ctrl_c() {
        let _ = ctrlc::set_handler(|| {
            restore_terminal();
            let _ = Term::stderr().write_line(&format!("\n{}", Error::Cancelled));
            std::process::exit(130);
        });
    }
}

/// Shows the cursor again: a menu hides it, and a stop in the middle of one
/// must not leave the person's terminal without it.
pub fn restore_terminal() {
    if io::stderr().is_terminal() {
        let _ = Term::stderr().show_cursor();
    }
}

fn from_dialoguer(error: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(error) = error;
    match error.kind() {
        io::ErrorKind::Interrupted => Error::Cancelled,
        _ => Error::Terminal(error),
    }
}

impl Prompter for Terminal {
    fn show(&mut self, text: &str) -> Result<()> {
        self.term.write_line(text).map_err(Error::Terminal)
    }

    fn width(&self) -> usize {
        self.width
    }

    fn heading(&mut self, title: &str) -> Result<()> {
        if self.plain {
            self.show(&format!("\n{title}"))
        } else {
            self.show(&format!("\n── {title} ──"))
        }
    }

    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        let answer: String = dialoguer::Input::with_theme(self.theme.as_ref())
            .with_prompt(question)
            .with_initial_text(initial)
            .allow_empty(true)
            .interact_text_on(&self.term)
            .map_err(from_dialoguer)?;
        let answer = answer.trim();
        Ok((!answer.is_empty()).then(|| answer.to_string()))
    }

    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        default: usize,
    ) -> Result<Option<usize>> {
        let width = self.width.clamp(20, CHOICE_WIDTH + 8) - 8;
        let shown: Vec<String> = choices.iter().map(|c| shorten(c, width)).collect();
        dialoguer::Select::with_theme(self.theme.as_ref())
            .with_prompt(question)
            .items(&shown)
            .default(default.min(choices.len().saturating_sub(1)))
            .interact_on_opt(&self.term)
            .map_err(from_dialoguer)
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let answer = dialoguer::Confirm::with_theme(self.theme.as_ref())
            .with_prompt(question)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(from_dialoguer)?;
        Ok(answer.unwrap_or(false))
    }

    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        let width = usize::from(self.term.size().1).clamp(20, CHOICE_WIDTH + 8) - 8;
        let shown: Vec<String> = choices.iter().map(|c| shorten(c, width)).collect();
        dialoguer::MultiSelect::with_theme(self.theme.as_ref())
            .with_prompt(question)
            .items(&shown)
            .defaults(chosen)
            .interact_on_opt(&self.term)
            .map_err(from_dialoguer)
    }
}

/// Answers from a list, in order, for tests and scripted demos.
///
/// A text answer is the text (`""` for an empty line); a choice is the
/// choice's text or its start; `<esc>` is Esc and `<ctrl-c>` stops.
#[derive(Debug, Default)]
pub struct Scripted {
    answers: VecDeque<String>,
    /// Everything shown and asked, in order, to assert on what was seen.
    pub transcript: Vec<String>,
}

impl Scripted {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(answers: I) -> Scripted {
        Scripted {
            answers: answers.into_iter().map(Into::into).collect(),
            transcript: Vec::new(),
        }
    }

    /// How many answers were not used.
    pub fn unused(&self) -> usize {
        self.answers.len()
    }

    fn next(&mut self, question: &str) -> Result<String> {
        self.transcript.push(format!("? {question}"));
        let answer = self
            .answers
            .pop_front()
            .ok_or_else(|| Error::Usage(format!("the script has no answer for {question:?}")))?;
        if answer == "<ctrl-c>" {
            return Err(Error::Cancelled);
        }
        Ok(answer)
    }
}

impl Prompter for Scripted {
    fn show(&mut self, text: &str) -> Result<()> {
        self.transcript.push(text.to_string());
        Ok(())
    }

    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        let answer = self.next(question)?;
        let answer = if answer == "<keep>" {
            initial.to_string()
        } else {
            answer
        };
        let answer = answer.trim();
        Ok((!answer.is_empty() && answer != "<esc>").then(|| answer.to_string()))
    }

    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        default: usize,
    ) -> Result<Option<usize>> {
        let answer = self.next(question)?;
        match answer.as_str() {
            "<esc>" => Ok(None),
            "<enter>" => Ok(Some(default)),
            _ => choices
                .iter()
                .position(|c| *c == answer)
                .or_else(|| choices.iter().position(|c| c.starts_with(&answer)))
                .map(Some)
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "{answer:?} is not one of {choices:?} for {question:?}"
                    ))
                }),
        }
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let answer = self.next(question)?;
        Ok(match answer.as_str() {
            "y" | "yes" => true,
            "n" | "no" | "<esc>" => false,
            _ => default,
        })
    }

    /// The answer names the choices (or their starts) joined by `|`; `""`
    /// picks none and `<enter>` keeps `chosen`.
    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        let answer = self.next(question)?;
        match answer.as_str() {
            "<esc>" => Ok(None),
            "<enter>" => Ok(Some(
                chosen
                    .iter()
                    .enumerate()
                    .filter_map(|(i, &c)| c.then_some(i))
                    .collect(),
            )),
            "" => Ok(Some(Vec::new())),
            _ => answer
                .split('|')
                .map(|part| {
                    choices
                        .iter()
                        .position(|c| c == part)
                        .or_else(|| choices.iter().position(|c| c.starts_with(part)))
                        .ok_or_else(|| {
                            Error::Usage(format!(
                                "{part:?} is not one of {choices:?} for {question:?}"
                            ))
                        })
                })
                .collect::<Result<Vec<usize>>>()
                .map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_come_in_order_and_record_what_was_asked() {
        let mut p = Scripted::new(["Sam", "", "help", "<esc>", "y", "<ctrl-c>"]);
        assert_eq!(p.text("Name?", "").unwrap().as_deref(), Some("Sam"));
        assert_eq!(p.text("Anything else?", "").unwrap(), None);
        let roles = ["distraction".to_string(), "help".to_string()];
        assert_eq!(p.select("Role?", &roles, 0).unwrap(), Some(1));
        assert_eq!(p.select("Role?", &roles, 0).unwrap(), None);
        assert!(p.confirm("Save?", false).unwrap());
        assert!(matches!(p.text("More?", ""), Err(Error::Cancelled)));
        assert_eq!(p.transcript.len(), 6);
    }

    #[test]
    fn long_choices_are_shortened_on_screen() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
