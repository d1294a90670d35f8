//! Name, country and review date: the plan's own details.

use super::Wizard;
use crate::crisis_lines::{self, EMERGENCY};
use crate::error::Result;
use crate::plan::date::{
    DayOrder, TypedDate, When, civil_from_days, date_only, days_from_civil, long_date,
    parse_typed_in,
};
use toml::value::Date;

impl Wizard<'_> {
    /// Name and country.
    pub(super) fn about(&mut self) -> Result<()> {
        let current = self.draft.plan.name.clone();
        if let Some(name) = self
            .ask
            .text("Your name on the plan? (optional)", &current)?
        {
            self.plan().name = name;
        }
        self.keep()?;
        // `new` asks for the country before anything else, for the crisis
        // lines (and says that Esc there leaves it for the end): ask again
        // only when the person comes back to this section.
        match self.draft.plan.country.clone() {
            None if self.draft.is_done(COUNTRY) && !self.draft.is_done("about") => Ok(()),
            None => self.ask_country(),
            Some(_) if !self.draft.is_done("about") => Ok(()),
            Some(cc)
                if self.ask.confirm(
                    &format!(
                        "Your country is {}. Change it?",
                        crate::plan::country::name(&cc).unwrap_or(&cc)
                    ),
                    false,
                )? =>
            {
                self.ask_country()
            }
            Some(_) => Ok(()),
        }
    }

    /// Asks for the country when the plan has none, for the crisis lines.
    pub fn ask_country(&mut self) -> Result<()> {
        // Kept in the draft, so a skip is not met by the same question a
        // moment later, nor when the walk carries on another day.
        self.draft.mark_done(COUNTRY);
        // By name, A to Z, so a country is found where it is looked for.
        let mut codes: Vec<&str> = EMERGENCY.iter().map(|(cc, _)| *cc).collect();
        let known = self
            .draft
            .plan
            .country
            .clone()
            .or_else(|| self.default_country.clone())
            .filter(|cc| crate::plan::country::name(cc).is_some());
        // Her own country is offered even with no lines checked for it:
        // chosen, the plan says so and how to keep her own number.
        if let Some(cc) = &known
            && !codes.contains(&cc.as_str())
        {
            codes.push(cc);
        }
        codes.sort_by_key(|cc| country_name(cc));
        let mut choices: Vec<String> = codes
            .iter()
            .map(|cc| country_name(cc).to_string())
            .collect();
        choices.push("Somewhere else".into());
        choices.push("I'd rather not say".into());
        // Not knowing where she is, Enter must not pick the first country
        // of the list (it gave a Ukrainian Australia's crisis lines): it
        // asks her to type the country instead.
        let default = known
            .as_deref()
            .and_then(|cc| codes.iter().position(|c| *c == cc))
            .unwrap_or(codes.len());
        match self.ask.select(
            "Which country are you in? (for crisis lines)",
            &choices,
            Some(default),
        )? {
            Some(i) if i < codes.len() => {
                self.plan().country = Some(codes[i].to_string());
            }
            Some(i) if i == codes.len() => {
                let mut question = "Which country? (its name, or a code like ES)".to_string();
                while let Some(typed) = self.ask.text(&question, "")? {
                    match crate::plan::country::parse(&typed) {
                        Ok(cc) if cc != "NONE" => {
                            self.plan().country = Some(cc);
                            break;
                        }
                        _ => {
                            question = format!(
                                "I don't know “{}” as a country. Its name, or its two-letter code? (like ES for Spain)",
                                crate::prompt::shorten(&typed, 20)
                            );
                        }
                    }
                }
                if self.draft.plan.country.is_none() {
                    self.say(NO_COUNTRY)?;
                }
            }
            Some(_) => {}
            // Esc: never a silent loss of the crisis lines.
            None => {
                if self.draft.plan.country.is_none() {
                    self.say(NO_COUNTRY)?;
                }
            }
        }
        self.keep()
    }

    /// Shows where to get help now, for the plan's country.
    pub fn show_crisis_lines(&mut self) -> Result<()> {
        // The walk-through shows the country just chosen, and nothing when
        // it was skipped (as it says then), not the locale's.
        let lines = crisis_lines::to_show(None, self.draft.plan.country.as_deref(), None);
        // What her plan (or the draft) holds of her own, as `now` shows
        // it: carried on after Ctrl-C, the box left out the emergency
        // number and lines she had given (lines16b).
        let text = crate::render::to_text(|text| {
            let plan = &self.draft.plan;
            crate::render::crisis::write_lines(
                text,
                lines.as_ref(),
                plan.own_emergency_to_call(),
                self.style().width,
                self.style(),
            )?;
            crate::render::crisis::write_own_lines(text, plan, self.style().width, self.style())
        });
        self.ask.show(&text)?;
        // A country with no emergency number built in: ask for hers, once,
        // so the printout, the card and `now` give a number to call rather
        // than "call your local emergency number" (issue 13, Egypt).
        let named = lines.as_ref().filter(|l| l.emergency.is_none());
        if let Some(named) = named
            && self.draft.plan.own_lines.emergency.is_none()
            && !self.draft.is_done(EMERGENCY_ASKED)
        {
            let country = crate::plan::country::name(&named.country)
                .map_or_else(|| "your country".to_string(), str::to_string);
            self.ask_emergency_number(&country)?;
        }
        // No crisis line checked for the country either: ask for one she
        // knows, once, kept as hers (Egypt had no question for a line).
        if let Some(named) = lines.as_ref().filter(|l| l.lines.is_empty())
            && self.draft.plan.own_lines.lines.is_empty()
            && !self.draft.is_done(LINE_ASKED)
        {
            let country = crate::plan::country::name(&named.country)
                .map_or_else(|| "your country".to_string(), str::to_string);
            self.ask_own_line(&country)?;
        }
        // Still no emergency number, or no line of her own: say how to
        // keep them later.
        let own = &self.draft.plan.own_lines;
        if lines.as_ref().is_none_or(|l| l.emergency.is_none())
            && own.emergency.is_none()
            && own.lines.is_empty()
        {
            // The commands on lines of their own: wrapping would break
            // them at a hyphen.
            self.say(
                "If you know your local emergency number or a crisis line, you can keep it in your plan after this walk-through, with:",
            )?;
            self.ask.show(
                "  relapse-plan set --emergency-number NUMBER\n  relapse-plan set --own-line NAME --call NUMBER",
            )?;
        }
        Ok(())
    }

    /// Asks once for the emergency number where she is, kept where `set
    /// --emergency-number` keeps it; Enter skips. Hidden characters a
    /// paste brings are left out, and said, as `set` does.
    fn ask_emergency_number(&mut self, country: &str) -> Result<()> {
        // Marked first: skipped, it is not asked again when she carries on.
        self.draft.mark_done(EMERGENCY_ASKED);
        self.say(&format!(
            "Your plan has no emergency number for {country} yet. If you know the one to call there for an ambulance or the police, it can go in your plan, so it is printed and shown when you need it."
        ))?;
        let mut question = "Your local emergency number? (Enter skips)".to_string();
        while let Some(typed) = self.ask.text(&question, "")? {
            let mut number = typed.trim().to_string();
            if number.is_empty() {
                break;
            }
            if !number.chars().any(char::is_numeric) {
                question = "That has no digits. The number to call? (Enter skips)".to_string();
                continue;
            }
            for tidied in crate::plan::hidden::tidy_typed(&mut String::new(), Some(&mut number)) {
                self.say(&crate::render::tidied_words(&tidied))?;
            }
            if let Some(why) = self.not_hers_to_call(&number) {
                question = format!("{why} The emergency number to call? (Enter skips)");
                continue;
            }
            let shown = crate::render::clean(&number);
            let own = &mut self.plan().own_lines;
            own.emergency = Some(number);
            own.emergency_source = None;
            self.ask.show(&format!(
                "Kept: in an emergency, call {shown}. It is marked as your own note wherever it is shown."
            ))?;
            break;
        }
        self.keep()
    }

    /// Asks for a crisis or support line she knows, kept where `set
    /// --own-line` keeps it: its name, then its number to call (or, with
    /// none, to text). Enter skips; asked once, and again after Ctrl-C, so
    /// words stopped there come back.
    fn ask_own_line(&mut self, country: &str) -> Result<()> {
        self.say(&format!(
            "If you know a crisis or support line in {country}, it can go in your plan too, beside your emergency number."
        ))?;
        let mut asked = "The line's name? (Enter skips)".to_string();
        let mut name = None;
        while let Some(typed) = self.ask.text(&asked, "")? {
            let typed = typed.trim().to_string();
            if typed.is_empty() {
                break;
            }
            // Never a line under the name of someone not to involve:
            // asked again, naming whom it would be taken for.
            if let Some(them) = self.draft.plan.own_line_name_doubt(&typed) {
                asked = format!(
                    "That is the name of {}, whom you marked not to involve. The line's own name? (Enter skips)",
                    crate::render::quoted(&them.contact().name)
                );
                continue;
            }
            name = Some(typed);
            break;
        }
        if let Some(mut name) = name {
            let mut call = self.own_number("Its number to call? (Enter if text only)")?;
            let mut text = match call {
                Some(_) => None,
                None => self.own_number("Its number to text? (Enter skips)")?,
            };
            let mut tidied = crate::plan::hidden::tidy_typed(&mut name, call.as_mut());
            tidied.extend(crate::plan::hidden::tidy_typed(
                &mut String::new(),
                text.as_mut(),
            ));
            for tidied in tidied {
                self.say(&crate::render::tidied_words(&tidied))?;
            }
            let shown = crate::render::clean(&name);
            match (call, text) {
                (None, None) => self.say(&format!(
                    "Nothing kept for {shown}, as it has no number; `relapse-plan set --own-line` adds it later."
                ))?,
                (call, text) => {
                    let how = call.as_deref().map_or_else(
                        || format!("text {}", crate::render::clean(text.as_deref().unwrap_or(""))),
                        |c| format!("call {}", crate::render::clean(c)),
                    );
                    self.plan().own_lines.lines.push(crate::plan::OwnLine {
                        name,
                        call,
                        text,
                        source: None,
                    });
                    self.ask.show(&format!(
                        "Kept: {shown}, {how}. It is marked as your own wherever it is shown."
                    ))?;
                }
            }
        }
        self.draft.mark_done(LINE_ASKED);
        self.keep()
    }

    /// A number for her own line, asked again until it has a digit; `None`
    /// on Enter.
    fn own_number(&mut self, question: &str) -> Result<Option<String>> {
        let mut asked = question.to_string();
        while let Some(typed) = self.ask.text(&asked, "")? {
            let number = typed.trim();
            if number.is_empty() {
                break;
            }
            if !number.chars().any(char::is_numeric) {
                asked = "That has no digits. The number? (Enter skips)".to_string();
                continue;
            }
            match self.not_hers_to_call(number) {
                Some(why) => asked = format!("{why} The line's number? (Enter skips)"),
                None => return Ok(Some(number.to_string())),
            }
        }
        Ok(None)
    }

    /// Why `number`, typed as one of her own numbers, is asked for again:
    /// it can't be dialled ([`crate::plan::phone::undialable`]), or it is
    /// the number of someone she marked not to involve, or someone's old
    /// one ([`crate::plan::Plan::own_number_doubt`], the rule `set` and
    /// `contact` ask too). Trudy typed Dermot's number here, and `now`
    /// then told her to call it in an emergency.
    fn not_hers_to_call(&self, number: &str) -> Option<String> {
        use crate::plan::own_doubt::OwnDoubt;
        use crate::render::{clean, phone, quoted};
        if let Some(why) = crate::plan::phone::undialable(number) {
            return Some(format!("“{}” {why}.", clean(number.trim())));
        }
        Some(match self.draft.plan.own_number_doubt(number)? {
            OwnDoubt::NotToInvolve(them) => format!(
                "That is the number of {}, whom you marked not to involve.",
                quoted(&them.name)
            ),
            OwnDoubt::Former(them) => match them.phone.as_deref() {
                Some(saved) => format!(
                    "That is an old number of {}; the one saved now is {}.",
                    quoted(&them.name),
                    phone(saved)
                ),
                None => format!("That is an old number of {}.", quoted(&them.name)),
            },
        })
    }

    /// The next review date.
    pub(super) fn review(&mut self) -> Result<()> {
        let today = days_from_civil(self.today);
        let in_days = |n: i64| civil_from_days(today + n);
        // A date already set is offered first, so Enter never replaces it.
        let set = self.draft.plan.review.next.and_then(|d| d.date);
        let mut choices: Vec<String> = set
            .map(|d| format!("Keep {}", long_date(d)))
            .into_iter()
            .collect();
        let first = choices.len();
        choices.extend([
            format!("In 30 days ({})", long_date(in_days(30))),
            format!("In 60 days ({})", long_date(in_days(60))),
            format!("In 90 days ({})", long_date(in_days(90))),
            "Pick a date".to_string(),
            "Not now".to_string(),
        ]);
        self.say("Plans work best when they are looked at again every 30 to 90 days.")?;
        let next = match self
            .ask
            .select(
                "When would you like to review your plan?",
                &choices,
                Some(0),
            )?
            .and_then(|i| i.checked_sub(first))
        {
            Some(i @ 0..=2) => Some((
                in_days(30 * (i64::try_from(i).unwrap_or(0) + 1)),
                String::new(),
            )),
            Some(3) => self.pick_date()?,
            _ => None,
        };
        if let Some((next, typed)) = next {
            self.plan().review.next = Some(date_only(next));
            // Going through a saved plan is a review of it; a plan being
            // written for the first time has never been reviewed, and
            // "last reviewed today" would say it had.
            if self.saved.as_ref().is_some_and(|p| p.revision > 0) {
                self.plan().review.last = Some(date_only(self.today));
            }
            // In the Solar Hijri calendar too where she writes in it
            // (Shirin, Tehran), so she can check the day she meant.
            let region = self
                .draft
                .plan
                .country
                .clone()
                .or_else(|| self.default_country.clone());
            // With its weekday, in the words `set` uses, so a date read
            // the wrong way round shows at once (Mulu, Addis Ababa).
            let day = format!(
                "{}, a {}",
                long_date(next),
                crate::plan::date::weekday_name(next)
            );
            let said = crate::plan::date::in_her_calendars(&day, next, region.as_deref(), &typed);
            self.ask.show(&format!("Your next review: {said}."))?;
        }
        self.keep()
    }

    /// A date typed by the person, asked again (with an example) until it is
    /// one; a day and month the locale leaves open is asked about. `None`
    /// when they leave it empty; else the date and what she typed.
    fn pick_date(&mut self) -> Result<Option<(Date, String)>> {
        // The plan's country writes the dates (Japan: 2027/3/31), else
        // her locale's.
        let region = self
            .draft
            .plan
            .country
            .clone()
            .or_else(|| self.default_country.clone());
        let order = DayOrder::of_region(region.as_deref());
        let example = crate::plan::date::example_for(order, region.as_deref(), "");
        let today = days_from_civil(self.today);
        let question = format!("Which date? (like {example})");
        // Why the last answer was no date, on a line of its own and never
        // under a tick (it was folded into the next question, below "✔
        // Which date? · 내일": Min-jun, issue 13).
        let mut refused: Option<String> = None;
        loop {
            if let Some(why) = refused.take() {
                let said = crate::render::wrap(&format!("{why}."), self.ask.width(), "", "");
                self.ask.show(&said)?;
            }
            let Some(text) = self.ask.text_to_check(&question, "")? else {
                return Ok(None);
            };
            let read = parse_typed_in(&text, order, region.as_deref(), self.today, When::Future);
            let date = match read {
                TypedDate::Date(date) => date,
                TypedDate::EitherOf(day_first, month_first) => {
                    // Not taken yet: which day is asked next, and the
                    // answer to that is ticked.
                    self.ask.checked(false)?;
                    let choices = [long_date(day_first), long_date(month_first)];
                    let shown = crate::prompt::shorten(&text, 30);
                    match self.ask.select(
                        &format!("Which do you mean by “{shown}”?"),
                        &choices,
                        None,
                    )? {
                        Some(0) => day_first,
                        Some(_) => month_first,
                        // Esc: the date is asked again, plainly; a refusal
                        // of an earlier answer stayed and read as this one's.
                        None => continue,
                    }
                }
                _ => {
                    self.ask.checked(false)?;
                    let why =
                        crate::plan::date::why_not_a_date(&crate::prompt::shorten(&text, 30), read)
                            .unwrap_or_default();
                    let example = crate::plan::date::example_for(order, region.as_deref(), &text);
                    refused = Some(format!("{why}; write it like {example}"));
                    continue;
                }
            };
            if let Some(why) = crate::plan::date::other_calendar(date) {
                self.ask.checked(false)?;
                refused = Some(why);
                continue;
            }
            if days_from_civil(date) <= today {
                self.ask.checked(false)?;
                refused = Some(format!(
                    "{} is today or earlier, and a review is a day after today",
                    long_date(date)
                ));
                continue;
            }
            // Her date, ticked as every answer taken is, and read back
            // right under it ("Your next review: …").
            self.ask.checked(true)?;
            return Ok(Some((date, text)));
        }
    }
}

/// The draft's mark that the country was asked (answered or skipped).
pub(super) const COUNTRY: &str = "country";

/// The draft's mark that her own emergency number was asked (answered or
/// skipped), so it is asked once.
const EMERGENCY_ASKED: &str = "emergency-number";

/// The draft's mark that a crisis line of her own was asked for, where
/// none is checked for her country (answered or skipped).
const LINE_ASKED: &str = "own-line";

/// Said when the country is left out, so the crisis lines are not lost
/// without a word.
const NO_COUNTRY: &str = "Skipped. Without a country, your plan says “call your local emergency number” instead of naming crisis lines; you can choose one at the end.";

/// A country's name, for choosing it.
fn country_name(code: &str) -> &'static str {
    crate::plan::country::name(code).unwrap_or("another country")
}
