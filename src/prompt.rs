//! The seam for asking questions. Wizards ask through [`Prompter`], so their
//! logic runs against scripted answers in tests and against the terminal in
//! production; the non-interactive commands never prompt.

use crate::error::Result;

/// Asks the person something. Every method returns `Ok(None)` when they
/// chose to skip or go back, so a wizard can keep what was already typed.
pub trait Prompter {
    /// A line of free text; an empty answer is `None`.
    fn text(&mut self, question: &str) -> Result<Option<String>>;
    /// One of `choices`, by index.
    fn select(&mut self, question: &str, choices: &[&str]) -> Result<Option<usize>>;
    /// Yes or no.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool>;
}

/// Answers read from a list, in order: for tests and scripted demos.
#[derive(Debug, Default)]
pub struct Scripted {
    answers: std::collections::VecDeque<String>,
    /// Every question asked, to assert on what the person saw.
    pub asked: Vec<String>,
}

impl Scripted {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(answers: I) -> Scripted {
        Scripted {
            answers: answers.into_iter().map(Into::into).collect(),
            asked: Vec::new(),
        }
    }

    fn next(&mut self, question: &str) -> Result<String> {
        self.asked.push(question.to_string());
        self.answers.pop_front().ok_or_else(|| {
            crate::error::Error::Usage(format!("no scripted answer for {question:?}"))
        })
    }
}

impl Prompter for Scripted {
    fn text(&mut self, question: &str) -> Result<Option<String>> {
        let answer = self.next(question)?;
        Ok((!answer.is_empty()).then_some(answer))
    }

    fn select(&mut self, question: &str, choices: &[&str]) -> Result<Option<usize>> {
        let answer = self.next(question)?;
        Ok(choices.iter().position(|c| *c == answer))
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let answer = self.next(question)?;
        Ok(match answer.as_str() {
            "y" | "yes" => true,
            "n" | "no" => false,
            _ => default,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_come_in_order_and_record_the_questions() {
        let mut p = Scripted::new(["Sam", "", "help", "y"]);
        assert_eq!(p.text("Name?").unwrap().as_deref(), Some("Sam"));
        assert_eq!(p.text("Anything else?").unwrap(), None);
        assert_eq!(
            p.select("Role?", &["distraction", "help"]).unwrap(),
            Some(1)
        );
        assert!(p.confirm("Save?", false).unwrap());
        assert!(p.text("More?").is_err());
        assert_eq!(p.asked.len(), 5);
    }
}
