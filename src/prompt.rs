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
    /// Esc skips the question: what was there (`initial`) stays.
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
            say_stopped(&mut io::stderr());
            std::process::exit(130);
        });
    }

    /// Redraws a text answer being typed: back to the prompt's first row,
    /// clear, write it again, and put the cursor where the person is
    /// typing. Rows are counted from display widths, so long answers that
    /// wrap leave nothing stale behind.
    fn draw_line(
        &self,
        prompt: &str,
        chars: &[char],
        pos: usize,
        row: &mut usize,
    ) -> io::Result<()> {
        let cols = self.width.max(1);
        self.term.move_cursor_up(*row)?;
        self.term.write_str("\r")?;
        self.term.clear_to_end_of_screen()?;
        let typed: String = chars.iter().collect();
        self.term.write_str(&format!("{prompt}{typed}"))?;
        let total = console::measure_text_width(prompt) + console::measure_text_width(&typed);
        if total > 0 && total.is_multiple_of(cols) {
            // The cursor waits at the end of a full row: move it on.
            self.term.write_str(" \r")?;
        }
        let before: String = chars[..pos].iter().collect();
        let at = console::measure_text_width(prompt) + console::measure_text_width(&before);
        self.term.move_cursor_up(total / cols - at / cols)?;
        self.term.write_str("\r")?;
        self.term.move_cursor_right(at % cols)?;
        self.term.flush()?;
        *row = at / cols;
        Ok(())
    }
}

impl Terminal {
    /// A menu's question short enough to sit on one line, which dialoguer
    /// needs to redraw it cleanly: a longer one is shown above, wrapped,
    /// and the menu asks only its last sentence or "Choose one".
    fn fit_prompt(&self, question: &str) -> Result<String> {
        if console::measure_text_width(question) + 6 <= self.width {
            return Ok(question.to_string());
        }
        let last = question
            .rfind(". ")
            .map_or(question, |i| &question[i + 2..]);
        let (above, asked) =
            if last.len() < question.len() && console::measure_text_width(last) + 6 <= self.width {
                (&question[..question.len() - last.len()], last.to_string())
            } else {
                (question, "Choose one".to_string())
            };
        self.term
            .write_line(&crate::render::wrap(above.trim_end(), self.width, "", ""))
            .map_err(Error::Terminal)?;
        Ok(asked)
    }
}

/// Says once that stopping lost nothing: Ctrl-C can reach both the signal
/// handler and the prompt that was reading a key, and the person should
/// read it once.
pub fn say_stopped(out: &mut dyn io::Write) {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::SeqCst) {
        let _ = writeln!(out, "\n{}", Error::Cancelled);
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

    /// A line editor of our own rather than dialoguer's: Esc has to mean
    /// "skip, keep what is there", and a long answer has to redraw cleanly.
    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        use console::Key;
        // Leave room to type on the prompt's line.
        let asked = if console::measure_text_width(question) + 10 <= self.width {
            question.to_string()
        } else {
            self.term
                .write_line(&crate::render::wrap(question, self.width, "", ""))
                .map_err(Error::Terminal)?;
            "Your answer".to_string()
        };
        let question = asked.as_str();
        let prompt = if self.plain {
            format!("{question}: ")
        } else {
            format!("? {question} › ")
        };
        let mut chars: Vec<char> = crate::render::clean(initial).chars().collect();
        let mut pos = chars.len();
        let mut row = 0;
        let mut skipped = false;
        loop {
            self.draw_line(&prompt, &chars, pos, &mut row)
                .map_err(Error::Terminal)?;
            match self.term.read_key() {
                Ok(Key::Enter) => break,
                // Esc leaves the question keeping what is on the line: what
                // was there before if nothing was typed (a skip), and never
                // throws away what the person typed.
                Ok(Key::Escape) => {
                    skipped = chars
                        .iter()
                        .copied()
                        .eq(crate::render::clean(initial).chars());
                    break;
                }
                Ok(Key::Char(c)) if !c.is_control() => {
                    chars.insert(pos, c);
                    pos += 1;
                }
                Ok(Key::Backspace) if pos > 0 => {
                    pos -= 1;
                    chars.remove(pos);
                }
                Ok(Key::Del) if pos < chars.len() => {
                    chars.remove(pos);
                }
                Ok(Key::ArrowLeft) if pos > 0 => pos -= 1,
                Ok(Key::ArrowRight) if pos < chars.len() => pos += 1,
                Ok(Key::Home) => pos = 0,
                Ok(Key::End) => pos = chars.len(),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                    let _ = self.term.write_line("");
                    return Err(Error::Cancelled);
                }
                Err(e) => return Err(Error::Terminal(e)),
            }
        }
        let answer = if skipped {
            initial.trim().to_string()
        } else {
            chars.iter().collect::<String>().trim().to_string()
        };
        let skipped = skipped && answer.is_empty();
        // What was answered stays on screen, as dialoguer leaves it.
        let shown = crate::render::clean(&answer);
        let done = match (skipped, self.plain) {
            (true, true) => format!("{question}: skipped"),
            (true, false) => format!("· {question} · skipped"),
            (false, true) => format!("{question}: {shown}"),
            (false, false) => format!("✔ {question} · {shown}"),
        };
        self.term.move_cursor_up(row).map_err(Error::Terminal)?;
        self.term.write_str("\r").map_err(Error::Terminal)?;
        self.term
            .clear_to_end_of_screen()
            .map_err(Error::Terminal)?;
        self.term.write_line(&done).map_err(Error::Terminal)?;
        Ok((!answer.is_empty()).then_some(answer))
    }

    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        default: usize,
    ) -> Result<Option<usize>> {
        let width = self.width.clamp(20, CHOICE_WIDTH + 8) - 8;
        let shown: Vec<String> = choices.iter().map(|c| shorten(c, width)).collect();
        let question = self.fit_prompt(question)?;
        dialoguer::Select::with_theme(self.theme.as_ref())
            .with_prompt(question)
            .items(&shown)
            .default(default.min(choices.len().saturating_sub(1)))
            .interact_on_opt(&self.term)
            .map_err(from_dialoguer)
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let question = self.fit_prompt(question)?;
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
        // Enter on what is there, or Esc: both keep it.
        let answer = if answer == "<keep>" || answer == "<esc>" {
            initial.to_string()
        } else {
            answer
        };
        let answer = answer.trim();
        Ok((!answer.is_empty()).then(|| answer.to_string()))
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
