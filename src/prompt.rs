//! Asking questions. Wizards ask through [`Prompter`]: [`Terminal`] asks with
//! our own line editor and menus on the real terminal, [`Scripted`] answers from a list so every
//! branch of a wizard can be tested without one.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};

use console::Term;

use crate::error::{Error, Result};

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

    /// What was on the line when Ctrl-C stopped a text question, if it
    /// differed from what the line started with.
    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        None
    }
}

/// Shortens a choice for the screen; one rule for every screen, in render.
pub use crate::render::shorten;

/// What the environment says about the terminal (`NO_COLOR`, `COLUMNS`),
/// read once at start and handed in, never read here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TermEnv {
    pub no_color: bool,
    pub columns: Option<usize>,
}

/// What Ctrl-C does while a command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtrlC {
    /// Show the cursor, say that everything typed is kept, exit 130.
    SayStopped,
    /// Show the cursor, say these words, exit 130.
    Say(&'static str),
    /// Only note it: a timed exercise asks [`ctrl_c_pressed`] and stops
    /// at its next tick, then logs what was done.
    Note,
}

static ON_CTRL_C: std::sync::Mutex<CtrlC> = std::sync::Mutex::new(CtrlC::SayStopped);
static CTRL_C_PRESSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says what Ctrl-C does from now on. The handler itself is installed
/// once, the first time (`ctrlc` accepts only one per process); later
/// calls only change what it does.
pub fn on_ctrl_c(then: CtrlC) {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    *ON_CTRL_C
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = then;
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            CTRL_C_PRESSED.store(true, std::sync::atomic::Ordering::SeqCst);
            let then = *ON_CTRL_C
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match then {
                CtrlC::Note => {}
                CtrlC::SayStopped => {
                    restore_terminal();
                    say_stopped(&mut io::stderr());
                    std::process::exit(130);
                }
                CtrlC::Say(words) => {
                    restore_terminal();
                    say_stopped_with(&mut io::stderr(), words);
                    std::process::exit(130);
                }
            }
        });
    });
}

/// Whether Ctrl-C was pressed since the handler was installed.
pub fn ctrl_c_pressed() -> bool {
    CTRL_C_PRESSED.load(std::sync::atomic::Ordering::SeqCst)
}

/// The real terminal, on stderr: our own line editor and menus on
/// `console`, so every question, choice and answer is wrapped to the
/// terminal's width (words kept whole), and Esc says what it did.
pub struct Terminal {
    term: Term,
    /// Colours (not with `--plain` or `NO_COLOR`).
    color: bool,
    /// `--plain`: no decorative symbols.
    plain: bool,
    /// The terminal's width, read once when it is opened.
    width: usize,
    /// A half-typed answer Ctrl-C stopped, for the draft to keep.
    unsent: Option<crate::plan::draft::Unsent>,
}

/// What a menu lets the person do.
enum Menu<'a> {
    /// Pick one.
    One,
    /// Tick any number (space), Enter when done.
    Many(&'a mut Vec<bool>),
}

impl Terminal {
    /// The terminal, if stdin and stderr both are one: keys are read from
    /// stdin's terminal and everything is drawn on stderr.
    pub fn open(plain: bool, env: &TermEnv) -> Option<Terminal> {
        if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
            return None;
        }
        let color = !plain && !env.no_color;
        if !color {
            console::set_colors_enabled_stderr(false);
        }
        let term = Term::stderr();
        let width = env
            .columns
            .or_else(|| term.size_checked().map(|(_, w)| usize::from(w)))
            .filter(|w| *w >= 20)
            .unwrap_or(80)
            .min(500);
        Some(Terminal {
            term,
            color,
            plain,
            width,
            unsent: None,
        })
    }

    /// Ctrl-C at any prompt: show the cursor again (a menu hides it), say
    /// that nothing is lost, and exit 130. Every answer is already in the
    /// draft, written atomically, so stopping here loses nothing.
    pub fn stop_cleanly_on_ctrl_c() {
        on_ctrl_c(CtrlC::SayStopped);
    }

    /// Columns text may fill: one short of the edge, so a full line never
    /// makes the terminal wrap on its own and throw the redraw off.
    fn room(&self) -> usize {
        self.width.saturating_sub(1).max(19)
    }

    /// `text` wrapped to the terminal, later lines indented by `hang`.
    fn wrapped(&self, text: &str, first: &str, hang: &str) -> Vec<String> {
        crate::render::wrap(text, self.room(), first, hang)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The line left on screen once a question is answered, wrapped so no
    /// word is cut: `✔ Question · answer`, or `· Question · skipped`.
    fn echo(&self, question: &str, answer: &str, answered: bool) -> Result<()> {
        let text = match (answered, self.plain) {
            (_, true) => format!("{question}: {answer}"),
            (true, false) => format!("✔ {question} · {answer}"),
            (false, false) => format!("· {question} · {answer}"),
        };
        let mut lines = self.wrapped(&text, "", "  ");
        if self.color && answered && !self.plain {
            lines[0] = lines[0].replacen('✔', &console::style("✔").green().to_string(), 1);
        }
        for line in lines {
            self.term.write_line(&line).map_err(Error::Terminal)?;
        }
        Ok(())
    }

    /// The question as its menu shows it: `? Question ›`, wrapped.
    fn question_lines(&self, question: &str, hint: &str) -> Vec<String> {
        let text = if self.plain {
            format!("{question}{hint}")
        } else {
            format!("? {question}{hint}")
        };
        let mut lines = self.wrapped(&text, "", "  ");
        if self.color && !self.plain {
            lines[0] = lines[0].replacen('?', &console::style("?").yellow().to_string(), 1);
        }
        lines
    }

    /// A menu of our own: every choice wrapped whole under its marker, a
    /// window that follows the cursor when they do not all fit, and the
    /// chosen one left on screen in full. `None` for Esc.
    fn menu(
        &self,
        question: &str,
        choices: &[String],
        default: usize,
        mut mode: Menu<'_>,
    ) -> Result<Option<usize>> {
        use console::Key;
        let hint = match mode {
            Menu::One => "",
            Menu::Many(_) => " (space ticks, Enter when done)",
        };
        let head = self.question_lines(question, hint);
        let rows = usize::from(self.term.size().0).max(8);
        let mut at = default.min(choices.len().saturating_sub(1));
        let mut top = 0;
        let mut drawn = 0;
        self.term.hide_cursor().map_err(Error::Terminal)?;
        let key = loop {
            let mut lines = head.clone();
            let items: Vec<Vec<String>> = choices
                .iter()
                .enumerate()
                .map(|(i, choice)| self.menu_item(choice, i == at, &mode, i))
                .collect();
            // The window: from `top`, as many whole choices as fit, moved
            // so the one under the cursor is always in it.
            let room = rows.saturating_sub(head.len() + 2).max(3);
            top = top.min(at);
            while items[top..=at].iter().map(Vec::len).sum::<usize>() > room && top < at {
                top += 1;
            }
            let mut used = 0;
            let mut end = top;
            while end < items.len() && (end == top || used + items[end].len() <= room) {
                used += items[end].len();
                end += 1;
            }
            if top > 0 {
                lines.push(self.more_line("more above"));
            }
            for item in &items[top..end] {
                lines.extend(item.iter().cloned());
            }
            if end < items.len() {
                lines.push(self.more_line("more below"));
            }
            self.term.clear_last_lines(drawn).map_err(Error::Terminal)?;
            for line in &lines {
                self.term.write_line(line).map_err(Error::Terminal)?;
            }
            self.term.flush().map_err(Error::Terminal)?;
            drawn = lines.len();
            let last = choices.len().saturating_sub(1);
            match self.term.read_key() {
                Ok(Key::ArrowDown | Key::Tab) => at = if at == last { 0 } else { at + 1 },
                Ok(Key::ArrowUp | Key::BackTab) => at = if at == 0 { last } else { at - 1 },
                Ok(Key::Home | Key::PageUp) => at = 0,
                Ok(Key::End | Key::PageDown) => at = last,
                Ok(Key::Char(' ')) => match &mut mode {
                    Menu::Many(ticked) => {
                        if let Some(t) = ticked.get_mut(at) {
                            *t = !*t;
                        }
                    }
                    Menu::One => break Some(at),
                },
                Ok(Key::Enter) => break Some(at),
                Ok(Key::Escape) => break None,
                Ok(_) => {}
                Err(e) => {
                    let _ = self.term.clear_last_lines(drawn);
                    let _ = self.term.show_cursor();
                    return Err(if e.kind() == io::ErrorKind::Interrupted {
                        Error::Cancelled
                    } else {
                        Error::Terminal(e)
                    });
                }
            }
        };
        self.term.clear_last_lines(drawn).map_err(Error::Terminal)?;
        self.term.show_cursor().map_err(Error::Terminal)?;
        Ok(key)
    }

    /// One choice's lines: the marker (`❯` under the cursor), a tick box
    /// in a menu of many, and the words wrapped under themselves.
    fn menu_item(&self, choice: &str, here: bool, mode: &Menu<'_>, i: usize) -> Vec<String> {
        let cursor = match (here, self.plain) {
            (true, true) => "> ",
            (true, false) => "❯ ",
            (false, _) => "  ",
        };
        let tick = match mode {
            Menu::One => "",
            Menu::Many(ticked) if ticked.get(i).copied().unwrap_or(false) => "[x] ",
            Menu::Many(_) => "[ ] ",
        };
        let first = format!("{cursor}{tick}");
        // Later lines sit two further in, so each choice reads as one.
        let hang = " ".repeat(console::measure_text_width(&first) + 2);
        let mut lines = self.wrapped(choice, &first, &hang);
        if here && self.color {
            for line in &mut lines {
                *line = console::style(line.as_str()).cyan().to_string();
            }
        }
        lines
    }

    fn more_line(&self, what: &str) -> String {
        let arrow = if what.ends_with("above") {
            "↑"
        } else {
            "↓"
        };
        let text = if self.plain {
            format!("  ({what})")
        } else {
            format!("  {arrow} {what}")
        };
        if self.color {
            console::style(text).dim().to_string()
        } else {
            text
        }
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

/// Says once that stopping lost nothing: Ctrl-C can reach both the signal
/// handler and the prompt that was reading a key, and the person should
/// read it once.
pub fn say_stopped(out: &mut dyn io::Write) {
    say_stopped_with(out, &Error::Cancelled.to_string());
}

/// [`say_stopped`] in a command's own words (a check-in saves nothing
/// until its end, so it says so).
pub fn say_stopped_with(out: &mut dyn io::Write, words: &str) {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::SeqCst) {
        let _ = writeln!(out, "\n{words}");
    }
}

/// Shows the cursor again: a menu hides it, and a stop in the middle of one
/// must not leave the person's terminal without it.
pub fn restore_terminal() {
    if io::stderr().is_terminal() {
        let _ = Term::stderr().show_cursor();
    }
}

impl Prompter for Terminal {
    /// Shows text, any line too wide for the terminal wrapped at words
    /// under its own indent, so nothing is broken mid-word at the edge.
    fn show(&mut self, text: &str) -> Result<()> {
        let mut out = String::new();
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push('\n');
            }
            if console::measure_text_width(line) <= self.width || line.contains('\x1b') {
                out.push_str(line);
            } else {
                let indent = &line[..line.len() - line.trim_start().len()];
                out.push_str(&crate::render::wrap(
                    line.trim_start(),
                    self.room(),
                    indent,
                    indent,
                ));
            }
        }
        self.term.write_line(&out).map_err(Error::Terminal)
    }

    fn width(&self) -> usize {
        self.width
    }

    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        self.unsent.take()
    }

    fn heading(&mut self, title: &str) -> Result<()> {
        if self.plain {
            self.show(&format!("\n{title}"))
        } else {
            self.show(&format!("\n── {title} ──"))
        }
    }

    /// A line editor of our own: Esc has to mean "skip, keep what is
    /// there", and a long answer has to redraw cleanly.
    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        use console::Key;
        // A question that leaves too little room to type on its line is
        // shown whole above, and the line asks for the answer.
        let asked = if console::measure_text_width(question) + 16 <= self.width {
            question.to_string()
        } else {
            for line in self.wrapped(question, "", "") {
                self.term.write_line(&line).map_err(Error::Terminal)?;
            }
            "Your answer".to_string()
        };
        let whole_question = question;
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
                // Ctrl-U clears back to the start, as in a shell.
                Ok(Key::Char('\u{15}')) => {
                    chars.drain(..pos);
                    pos = 0;
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
                    let typed: String = chars.iter().collect();
                    if typed.trim() != crate::render::clean(initial).trim() {
                        self.unsent = Some(crate::plan::draft::Unsent {
                            question: whole_question.to_string(),
                            initial: initial.to_string(),
                            typed,
                        });
                    }
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
        let kept_as_it_was = skipped && !answer.is_empty();
        let skipped = skipped && answer.is_empty();
        self.term.move_cursor_up(row).map_err(Error::Terminal)?;
        self.term.write_str("\r").map_err(Error::Terminal)?;
        self.term
            .clear_to_end_of_screen()
            .map_err(Error::Terminal)?;
        // What was answered stays on screen, wrapped, as the person wrote it.
        let shown = crate::render::clean(&answer);
        if skipped {
            self.echo(question, "skipped (Esc)", false)?;
        } else if answer.is_empty() {
            self.echo(question, "(left empty)", false)?;
        } else if kept_as_it_was {
            self.echo(question, &format!("{shown} (kept as it was)"), false)?;
        } else {
            self.echo(question, &shown, true)?;
        }
        Ok((!answer.is_empty()).then_some(answer))
    }

    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        default: usize,
    ) -> Result<Option<usize>> {
        if choices.is_empty() {
            return Ok(None);
        }
        let picked = self.menu(question, choices, default, Menu::One)?;
        match picked {
            Some(i) => self.echo(question, &choices[i], true)?,
            None => self.echo(question, "skipped (Esc)", false)?,
        }
        Ok(picked)
    }

    /// Yes or no: `y` or `n`, Enter for the one shown in capitals, Esc for
    /// no; the answer stays on screen in words, whichever key gave it.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        use console::Key;
        let hint = if default { " (Y/n)" } else { " (y/N)" };
        let lines = self.question_lines(question, hint);
        let (last, above) = lines.split_last().unwrap_or((&lines[0], &[]));
        for line in above {
            self.term.write_line(line).map_err(Error::Terminal)?;
        }
        self.term
            .write_str(&format!("{last} "))
            .map_err(Error::Terminal)?;
        self.term.flush().map_err(Error::Terminal)?;
        let answer = loop {
            match self.term.read_key() {
                Ok(Key::Char('y' | 'Y')) => break Some(true),
                Ok(Key::Char('n' | 'N')) => break Some(false),
                Ok(Key::Enter) => break Some(default),
                Ok(Key::Escape) => break None,
                Ok(_) => {}
                Err(e) => {
                    let _ = self.term.write_line("");
                    return Err(if e.kind() == io::ErrorKind::Interrupted {
                        Error::Cancelled
                    } else {
                        Error::Terminal(e)
                    });
                }
            }
        };
        self.term.write_str("\r").map_err(Error::Terminal)?;
        self.term
            .clear_last_lines(above.len())
            .map_err(Error::Terminal)?;
        self.term
            .clear_to_end_of_screen()
            .map_err(Error::Terminal)?;
        match answer {
            Some(yes) => self.echo(question, if yes { "yes" } else { "no" }, true)?,
            None => self.echo(question, "no (Esc)", false)?,
        }
        Ok(answer.unwrap_or(false))
    }

    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        if choices.is_empty() {
            return Ok(Some(Vec::new()));
        }
        let mut ticked: Vec<bool> = (0..choices.len())
            .map(|i| chosen.get(i).copied().unwrap_or(false))
            .collect();
        let done = self.menu(question, choices, 0, Menu::Many(&mut ticked))?;
        if done.is_none() {
            self.echo(question, "skipped (Esc), nothing changed", false)?;
            return Ok(None);
        }
        let picked: Vec<usize> = (0..choices.len()).filter(|i| ticked[*i]).collect();
        let names: Vec<&str> = picked.iter().map(|i| choices[*i].as_str()).collect();
        if names.is_empty() {
            self.echo(question, "none", true)?;
        } else {
            self.echo(question, &names.join("; "), true)?;
        }
        Ok(Some(picked))
    }
}

/// Answers from a list, in order, for tests and scripted demos.
///
/// A text answer is the text (`""` for an empty line); a choice is the
/// choice's text or its start; `<esc>` is Esc and `<ctrl-c>` stops
/// (`<ctrl-c>words` stops a text question with `words` half typed).
#[derive(Debug, Default)]
pub struct Scripted {
    answers: VecDeque<String>,
    unsent: Option<crate::plan::draft::Unsent>,
    /// Everything shown and asked, in order, to assert on what was seen.
    pub transcript: Vec<String>,
}

impl Scripted {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(answers: I) -> Scripted {
        Scripted {
            answers: answers.into_iter().map(Into::into).collect(),
            unsent: None,
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

    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        self.unsent.take()
    }

    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        let half_typed = self
            .answers
            .front()
            .and_then(|a| a.strip_prefix("<ctrl-c>"))
            .filter(|typed| !typed.is_empty())
            .map(str::to_string);
        if let Some(typed) = half_typed {
            self.unsent = Some(crate::plan::draft::Unsent {
                question: question.to_string(),
                initial: initial.to_string(),
                typed,
            });
            self.answers.pop_front();
            self.transcript.push(format!("? {question}"));
            return Err(Error::Cancelled);
        }
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
        assert_eq!(shorten("Llamar a Máire esta noche", 16), "Llamar a Máire…");
    }
}
