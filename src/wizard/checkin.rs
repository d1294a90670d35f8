//! The check-in walk-through: a handful of quick questions about today, in
//! the plan's own words, that take under a minute. It only asks; the
//! command records the answers and replies.

use crate::error::Result;
use crate::plan::Plan;
use crate::plan::checkin::{Acted, Answers, CheckIn, SCALE_MAX};
use crate::prompt::Prompter;

/// The choice for a warning sign the plan does not list yet.
pub const SOMETHING_ELSE: &str = "Something else";

const NOTE_QUESTION: &str = "Anything else about today, in a line? (Enter skips)";
const FIRST_SIGN_QUESTION: &str =
    "Did any early warning sign show up today? In your words (Enter to skip)";
const OTHER_SIGN_QUESTION: &str = "What else showed up, in your words? (Enter to skip)";

/// Which question of the check-in is being asked: a stable key, so what
/// was half typed or ticked when she stopped goes with the right answer
/// (matched by the question's words, two questions with the same words
/// mixed their answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    Urge,
    Acted,
    Signs,
    OtherSign,
    Did,
    Used,
    Distress,
    Note,
}

/// What was answered before a check-in stopped part-way, kept answer by
/// answer (and what was half typed or ticked on screen when it stopped),
/// so a check-in stopped anywhere can still be saved as answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SoFar {
    /// How strong the urge was, once said.
    pub urge: Option<u8>,
    /// Whether she acted on it, once said.
    pub acted: Option<Acted>,
    /// The rest, as answered so far (from the earlier check-in today).
    rest: Answers,
    asking: Option<Asking>,
    /// In a tick list being asked: what each choice records when ticked
    /// (`None` for "Something else").
    ticking: Vec<Option<String>>,
    /// The day the check-in is for, in words ("Monday"), when it is not
    /// the clock's day: after midnight she chose the night still going on,
    /// and every question says that day, never "today" (Niran, Shirin).
    pub day: Option<String>,
}

impl SoFar {
    /// Everything answered so far, once anything is (how strong the urge
    /// was comes first): `acted` stays "not said" until she says.
    pub fn answers(&self) -> Option<Answers> {
        Some(Answers {
            urge: self.urge?,
            acted: self.acted.unwrap_or_default(),
            ..self.rest.clone()
        })
    }

    /// Puts what was on screen when she stopped with the answer it was
    /// for: words or a number half typed (a number that is no rating from
    /// 0 to 10 is no answer yet), or the ticks in a tick list.
    fn stopped_at(&mut self, typed: Option<&str>, ticked: Option<Vec<usize>>) {
        let Some(asking) = self.asking else {
            return;
        };
        if let Some(typed) = typed.map(str::trim).filter(|t| !t.is_empty()) {
            let number = crate::plan::typed::whole_number(typed)
                .and_then(|n| u8::try_from(n).ok())
                .filter(|n| *n <= SCALE_MAX);
            match asking {
                Asking::Urge => self.urge = number.or(self.urge),
                Asking::Distress => self.rest.distress = number.or(self.rest.distress),
                Asking::OtherSign if !self.rest.signs.iter().any(|s| s == typed) => {
                    self.rest.signs.push(typed.to_string());
                }
                Asking::Note => self.rest.note = Some(typed.to_string()),
                _ => {}
            }
        }
        if let Some(ticked) = ticked {
            let picked: Vec<String> = ticked
                .iter()
                .filter_map(|&i| self.ticking.get(i).cloned().flatten())
                .collect();
            let list = match asking {
                Asking::Signs => &mut self.rest.signs,
                Asking::Did => &mut self.rest.did,
                Asking::Used => &mut self.rest.used,
                _ => return,
            };
            for item in picked {
                if !list.contains(&item) {
                    list.push(item);
                }
            }
        }
    }

    /// Notes the question being asked now, and for a tick list what each
    /// choice records.
    fn asking(&mut self, asking: Asking, ticking: Vec<Option<String>>) {
        self.asking = Some(asking);
        self.ticking = ticking;
    }
}

/// A warning sign in the person's words the plan does not list, and
/// whether to add it to the plan.
type NewSign = Option<(String, bool)>;

/// What the walk-through found out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub answers: Answers,
    /// A warning sign in the person's words that the plan does not hold,
    /// and whether they want it added to the plan.
    pub new_sign: NewSign,
    /// Whether the lapse plan was shown already, right after the answer.
    pub lapse_plan_shown: bool,
}

/// Asks about today. `earlier` is today's check-in so far, if any: its
/// answers are offered again, and what is added now is kept with them.
/// `history` holds the check-ins up to today, oldest first: the signs she
/// wrote in her own words the last time she wrote any are offered again
/// as choices, and her last note is shown, so she never has to type
/// either again.
/// `note` is a line given with `--note`, offered as the answer to the last
/// question so it is never lost. `so_far` holds every answer as it is
/// given, and on Ctrl-C what was half typed or ticked on screen too, so a
/// check-in stopped anywhere can still be saved as answered.
pub fn ask(
    ask: &mut dyn Prompter,
    plan: &Plan,
    earlier: Option<&CheckIn>,
    history: &[CheckIn],
    note: Option<&str>,
    so_far: &mut SoFar,
) -> Result<Asked> {
    let asked = ask_all(ask, plan, earlier, history, note, so_far);
    if matches!(asked, Err(crate::error::Error::Cancelled)) {
        let typed = ask.take_unsent().map(|unsent| unsent.typed);
        let ticked = ask.take_ticked();
        so_far.stopped_at(typed.as_deref(), ticked);
    }
    asked
}

fn ask_all(
    ask: &mut dyn Prompter,
    plan: &Plan,
    earlier: Option<&CheckIn>,
    history: &[CheckIn],
    note: Option<&str>,
    so_far: &mut SoFar,
) -> Result<Asked> {
    let day = so_far.day.clone();
    let day = day.as_deref();
    ask.show(&on_day(
        "Your check-in for today: a few quick questions, about a minute. Press Ctrl-C to stop: nothing is saved until the end, and what you answered is shown so you can save it.",
        day,
    ))?;
    if earlier.is_some() {
        ask.show(&on_day("You checked in earlier today: those answers are filled in, and anything you add now is kept with them.", day))?;
    }
    let before = earlier.map(CheckIn::answers).unwrap_or_default();
    so_far.rest = Answers {
        note: None,
        ..before.clone()
    };

    so_far.asking(Asking::Urge, Vec::new());
    let urge = rating(
        ask,
        &on_day(
            "Strongest urge today, 0-10? (0 none, 10 the strongest it gets)",
            day,
        ),
        earlier.map(|e| e.urge),
        false,
        day,
    )?
    .unwrap_or(0);
    so_far.urge = Some(urge);

    so_far.asking(Asking::Acted, Vec::new());
    let acted = acted(ask, earlier.map(|_| before.acted), day)?.unwrap_or(before.acted);
    so_far.acted = Some(acted);
    // A lapse brings up the lapse plan straight away, before the other
    // questions: stopping now must not cost the person their own steps.
    let lapse_plan_shown = acted.is_lapse();
    if lapse_plan_shown {
        show_lapse_plan(ask, plan, day)?;
    }

    let own_signs = own_signs_last_time(plan, history);
    let (mut signs, new_sign) = warning_signs(ask, plan, &own_signs, &before.signs, so_far)?;
    if let Some((text, _)) = &new_sign {
        signs.push(text.clone());
    }
    so_far.rest.signs.clone_from(&signs);

    let maintenance: Vec<String> = plan.maintenance.iter().map(|m| m.text.clone()).collect();
    so_far.asking(Asking::Did, maintenance.iter().cloned().map(Some).collect());
    let did = pick(
        ask,
        "Which daily maintenance did you do?",
        &maintenance,
        &before.did,
    )?;
    so_far.rest.did.clone_from(&did);

    let names: Vec<String> = plan.coping.iter().map(|c| c.name.clone()).collect();
    let used_before: Vec<String> = before
        .used
        .iter()
        .filter_map(|id| plan.coping_strategy(id).map(|c| c.name.clone()))
        .collect();
    so_far.asking(
        Asking::Used,
        plan.coping.iter().map(|c| Some(c.id.clone())).collect(),
    );
    let question = on_day("Which coping did you use today?", day);
    let used: Vec<String> = pick(ask, &question, &names, &used_before)?
        .into_iter()
        .filter_map(|name| plan.coping.iter().find(|c| c.name == name))
        .map(|c| c.id.clone())
        .collect();
    so_far.rest.used.clone_from(&used);

    so_far.asking(Asking::Distress, Vec::new());
    let distress = rating(
        ask,
        &on_day("Distress or low mood today, 0-10? (Enter skips)", day),
        earlier.and_then(|e| e.distress),
        true,
        day,
    )?;
    so_far.rest.distress = distress;
    show_last_note(ask, earlier, history)?;
    so_far.asking(Asking::Note, Vec::new());
    let note = ask.text(&on_day(NOTE_QUESTION, day), note.unwrap_or_default())?;
    so_far.rest.note.clone_from(&note);

    Ok(Asked {
        answers: Answers {
            urge,
            acted,
            signs,
            did,
            used,
            distress,
            note,
        },
        new_sign,
        lapse_plan_shown,
    })
}

/// The lapse plan, right after a "partly" or "yes", before the rest;
/// said for `day` when the check-in is for it (the night before, after
/// midnight), never "today".
fn show_lapse_plan(ask: &mut dyn Prompter, plan: &Plan, day: Option<&str>) -> Result<()> {
    let style = crate::render::Style {
        color: false,
        plain: false,
        width: ask.width(),
    };
    let when = day.map_or_else(|| "today".to_string(), |day| format!("on {day}"));
    let shown = crate::render::to_text(|shown| {
        crate::render::checkin::write_lapse_plan_on(shown, plan, style, &when)
    });
    ask.show(&format!(
        "\n{}\nThe rest of the check-in follows; a few more questions.\n",
        shown.trim_end()
    ))
}

/// Whether she acted on an urge; `earlier` is her answer earlier today.
/// The cursor starts on no answer, so Enter alone never says "No" for
/// her. Her answer earlier today is said in the question, as for the
/// urge, and Enter keeps it: a cursor started on it, unsaid, made the ↓
/// and Enter that chose "No" the first time record "Partly" the second
/// (Wei; a false lapse went to his therapist). `None` for Esc with no
/// earlier answer.
fn acted(
    ask: &mut dyn Prompter,
    earlier: Option<Acted>,
    day: Option<&str>,
) -> Result<Option<Acted>> {
    let acted_question = on_day(
        "Did you act on an urge today? Any answer helps your plan.",
        day,
    );
    let acted_question = acted_question.as_str();
    let choices: Vec<String> = ["No", "Partly", "Yes"].map(String::from).to_vec();
    match earlier.and_then(|e| Acted::ALL.iter().position(|a| *a == e)) {
        Some(kept) => {
            let question = on_day(
                &format!(
                    "{acted_question} (earlier today: {}; Enter keeps it)",
                    choices[kept]
                ),
                day,
            );
            Ok(Some(
                Acted::ALL[ask.select_keeping(&question, &choices, kept)?],
            ))
        }
        None => Ok(ask
            .select(acted_question, &choices, None)?
            .map(|i| Acted::ALL[i])),
    }
}

/// A question about today as said for `day` ("Monday"), when the
/// check-in is for a day that is not the clock's: "Strongest urge on
/// Monday", "Your check-in for Monday", "Anything else about Monday".
fn on_day(text: &str, day: Option<&str>) -> String {
    match day {
        None => text.to_string(),
        Some(day) => text
            .replace("for today", &format!("for {day}"))
            .replace("about today", &format!("about {day}"))
            .replace("today", &format!("on {day}")),
    }
}

/// Her own words for a warning sign that the plan does not list, from the
/// last check-in that had any: offered again as choices.
fn own_signs_last_time(plan: &Plan, history: &[CheckIn]) -> Vec<String> {
    // Her own words for a sign that the plan does not list, from the last
    // check-in that had any.
    let own = |sign: &String| !plan.warning_signs.iter().any(|s| s.text == *sign);
    let mut own_signs: Vec<String> = Vec::new();
    if let Some(last) = history.iter().rev().find(|c| c.signs.iter().any(own)) {
        for sign in last.signs.iter().filter(|s| own(s)) {
            if !own_signs.contains(sign) {
                own_signs.push(sign.clone());
            }
        }
    }
    own_signs
}

/// Her last note, in her words, before the note question: "Last time you
/// noted: “…”" ("Earlier today" when it was today).
fn show_last_note(
    ask: &mut dyn Prompter,
    earlier: Option<&CheckIn>,
    history: &[CheckIn],
) -> Result<()> {
    if let Some(last) = history.iter().rev().find(|c| !c.notes.is_empty()) {
        let when = if earlier.is_some_and(|e| e.day == last.day) {
            "Earlier today you noted"
        } else {
            "Last time you noted"
        };
        let notes: Vec<String> = last
            .notes
            .iter()
            .map(|n| crate::render::quoted(n))
            .collect();
        ask.show(&crate::render::wrap(
            &format!("{when}: {}.", crate::render::and_list(&notes)),
            ask.width(),
            "",
            "",
        ))?;
    }
    Ok(())
}

/// A 0-10 rating, asked again until it is one; `None` only when `optional`
/// and left empty. `day` names the day the check-in is for, when not
/// today (after midnight, "earlier today" was said of Monday on Tuesday).
fn rating(
    ask: &mut dyn Prompter,
    question: &str,
    earlier: Option<u8>,
    optional: bool,
    day: Option<&str>,
) -> Result<Option<u8>> {
    // What she said earlier today is said, not put on the line: typing a
    // new number after it made "48" of "4" and "8". Enter alone keeps it.
    let question = match earlier {
        Some(n) => on_day(
            &format!("{question} (earlier today: {n}; Enter keeps it)"),
            day,
        ),
        None => question.to_string(),
    };
    // Kept, Enter shows the kept answer on screen, not "(left empty)".
    let kept = earlier.map(|n| n.to_string());
    loop {
        let answer = match &kept {
            Some(kept) => ask.text_keeping(&question, kept)?,
            None => ask.text(&question, "")?,
        };
        match answer {
            None if earlier.is_some() => return Ok(earlier),
            None if optional => return Ok(None),
            None => ask.show("A number from 0 to 10, please (0 if there was no urge).")?,
            // `７` and `٧` are seven too: digits of any script count.
            Some(answer) => {
                match crate::plan::typed::whole_number(&answer).and_then(|n| u8::try_from(n).ok()) {
                    Some(n) if n <= SCALE_MAX => return Ok(Some(n)),
                    _ => ask.show(&format!(
                        "“{answer}” is not a number from 0 to 10; please try again."
                    ))?,
                }
            }
        }
    }
}

/// Ticks from a list of the plan's own words, with the earlier ticks kept.
fn pick(
    ask: &mut dyn Prompter,
    question: &str,
    choices: &[String],
    before: &[String],
) -> Result<Vec<String>> {
    if choices.is_empty() {
        return Ok(before.to_vec());
    }
    let chosen: Vec<bool> = choices.iter().map(|c| before.contains(c)).collect();
    let picked = ask
        .multi_select(question, choices, &chosen)?
        .unwrap_or_default();
    let mut out: Vec<String> = picked.into_iter().map(|i| choices[i].clone()).collect();
    // Anything ticked earlier that is no longer in the plan is kept too.
    for b in before {
        if !choices.contains(b) && !out.contains(b) {
            out.push(b.clone());
        }
    }
    Ok(out)
}

/// The plan's warning signs that showed today, then `own` (signs she wrote
/// in her own words last time, offered again), and "something else" in
/// the person's words (with whether to add it to the plan).
fn warning_signs(
    ask: &mut dyn Prompter,
    plan: &Plan,
    own: &[String],
    before: &[String],
    so_far: &mut SoFar,
) -> Result<(Vec<String>, NewSign)> {
    let mut choices: Vec<String> = plan.warning_signs.iter().map(|s| s.text.clone()).collect();
    choices.extend(own.iter().cloned());
    let listed = choices.len();
    let mut signs = Vec::new();
    let mut other = listed == 0;
    if listed > 0 {
        choices.push(SOMETHING_ELSE.to_string());
        let chosen: Vec<bool> = choices.iter().map(|c| before.contains(c)).collect();
        let records = (0..choices.len())
            .map(|i| (i < listed).then(|| choices[i].clone()))
            .collect();
        so_far.asking(Asking::Signs, records);
        let question = on_day(
            "Which of your warning signs showed today?",
            so_far.day.as_deref(),
        );
        let picked = ask
            .multi_select(&question, &choices, &chosen)?
            .unwrap_or_default();
        for i in picked {
            if i == listed {
                other = true;
            } else {
                signs.push(choices[i].clone());
            }
        }
    }
    for b in before {
        if !signs.contains(b) {
            signs.push(b.clone());
        }
    }
    if !other {
        return Ok((signs, None));
    }
    let question = if listed == 0 {
        FIRST_SIGN_QUESTION
    } else {
        OTHER_SIGN_QUESTION
    };
    // What was ticked is kept if she stops at the words for another.
    so_far.rest.signs.clone_from(&signs);
    so_far.asking(Asking::OtherSign, Vec::new());
    let Some(text) = ask.text(&on_day(question, so_far.day.as_deref()), "")? else {
        return Ok((signs, None));
    };
    // A sign already there, its accents typed composed or not, is kept in
    // the words it already has (see `plan::same::same_text`).
    let known = signs
        .iter()
        .chain(plan.warning_signs.iter().map(|s| &s.text))
        .chain(own)
        .find(|known| crate::plan::same::same_text(known, &text))
        .cloned();
    if let Some(known) = known {
        if !signs.contains(&known) {
            signs.push(known);
        }
        return Ok((signs, None));
    }
    // No by default: one Enter must not save a plan revision unasked.
    let add = ask.confirm(
        "Add it to your plan's warning signs too? (that saves a new revision of your plan)",
        false,
    )?;
    Ok((signs, Some((text, add))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Coping, CopingKind, TextItem};
    use crate::prompt::Scripted;

    fn plan() -> Plan {
        let mut plan = Plan::new("Sam".into(), Some("GB".into()));
        plan.warning_signs = vec![
            TextItem::new("Skipping meals"),
            TextItem::new("Not sleeping"),
        ];
        plan.maintenance = vec![TextItem::new("Morning walk"), TextItem::new("Journal")];
        plan.coping = vec![Coping {
            id: "urge-surf".into(),
            name: "Urge surfing".into(),
            kind: CopingKind::Internal,
            steps: vec![],
            follow_through: crate::plan::FollowThrough::default(),
        }];
        plan
    }

    fn run(answers: &[&str], plan: &Plan, earlier: Option<&CheckIn>) -> (Asked, Scripted) {
        let mut p = Scripted::new(answers.iter().copied());
        let history: Vec<CheckIn> = earlier.into_iter().cloned().collect();
        let asked = ask(&mut p, plan, earlier, &history, None, &mut SoFar::default()).unwrap();
        assert_eq!(p.unused(), 0, "{:#?}", p.transcript);
        (asked, p)
    }

    #[test]
    fn a_whole_check_in_in_the_plans_words() {
        let (asked, p) = run(
            &[
                "6",
                "No",
                "Skipping meals",
                "Morning walk|Journal",
                "Urge surfing",
                "5",
                "Long day, but I walked",
            ],
            &plan(),
            None,
        );
        assert_eq!(
            asked.answers,
            Answers {
                urge: 6,
                acted: Acted::No,
                signs: vec!["Skipping meals".into()],
                did: vec!["Morning walk".into(), "Journal".into()],
                used: vec!["urge-surf".into()],
                distress: Some(5),
                note: Some("Long day, but I walked".into()),
            }
        );
        assert_eq!(asked.new_sign, None);
        assert_eq!(
            p.transcript.iter().filter(|l| l.starts_with("? ")).count(),
            7
        );
    }

    #[test]
    fn a_lapse_brings_up_the_lapse_plan_straight_after_the_answer() {
        let mut plan = plan();
        plan.lapse_plan = vec![TextItem::new("Call Alex within the hour")];
        // Stopped right after answering: the lapse plan was already shown.
        let mut p = Scripted::new(["7", "Yes", "<ctrl-c>"]);
        assert!(ask(&mut p, &plan, None, &[], None, &mut SoFar::default()).is_err());
        let acted = p
            .transcript
            .iter()
            .position(|l| l.starts_with("? Did you act"))
            .unwrap();
        let next = &p.transcript[acted + 1];
        assert!(next.contains("a lapse, not a relapse"), "{next}");
        assert!(next.contains("1. Call Alex within the hour"), "{next}");
        // A "no" shows no lapse plan.
        let (asked, p) = run(&["2", "No", "", "", "", "", ""], &plan, None);
        assert!(!asked.lapse_plan_shown);
        assert!(!p.transcript.iter().any(|l| l.contains("lapse plan")));
    }

    /// Issue 13 (Yuki): Ctrl-C kept nothing before "did you act on it?"
    /// was answered, nor a number half typed, nor the ticks on screen.
    #[test]
    fn ctrl_c_keeps_what_was_answered_half_typed_or_ticked() {
        let stopped = |answers: &[&str]| {
            let mut p = Scripted::new(answers.iter().copied());
            let mut so_far = SoFar::default();
            assert!(ask(&mut p, &plan(), None, &[], None, &mut so_far).is_err());
            so_far
        };
        // A number half typed at the first question is the urge.
        let so_far = stopped(&["<ctrl-c>7"]);
        assert_eq!(so_far.answers().map(|a| a.urge), Some(7));
        assert_eq!(so_far.acted, None);
        // Nothing answered, nothing to save; a word is no rating.
        assert_eq!(stopped(&["<ctrl-c>"]).answers(), None);
        assert_eq!(stopped(&["<ctrl-c>seven"]).answers(), None);
        // Stopped at whether she acted: the urge is kept, acted unsaid.
        let so_far = stopped(&["6", "<ctrl-c>"]);
        assert_eq!(so_far.answers().map(|a| a.urge), Some(6));
        assert_eq!(so_far.acted, None);
        // Ticks on screen in a tick list, and the distress half typed.
        let so_far = stopped(&["6", "No", "<ctrl-c>Not sleeping"]);
        assert_eq!(so_far.answers().unwrap().signs, ["Not sleeping"]);
        let so_far = stopped(&["6", "No", "Not sleeping", "<ctrl-c>Journal"]);
        let answers = so_far.answers().unwrap();
        assert_eq!(
            (answers.signs, answers.did),
            (
                vec!["Not sleeping".to_string()],
                vec!["Journal".to_string()]
            )
        );
        let so_far = stopped(&["6", "Partly", "", "", "Urge surfing", "<ctrl-c>4"]);
        let answers = so_far.answers().unwrap();
        assert_eq!(
            (answers.acted, answers.used, answers.distress),
            (Acted::Partly, vec!["urge-surf".to_string()], Some(4))
        );
        // Words typed for another sign, and for the note, each where they belong.
        let so_far = stopped(&[
            "6",
            "No",
            "Skipping meals|Something else",
            "<ctrl-c>Headaches",
        ]);
        assert_eq!(
            so_far.answers().unwrap().signs,
            ["Skipping meals", "Headaches"]
        );
        let so_far = stopped(&["6", "No", "", "", "", "", "<ctrl-c>Long day"]);
        assert_eq!(so_far.answers().unwrap().note.as_deref(), Some("Long day"));
    }

    #[test]
    fn a_note_given_as_a_flag_is_offered_not_lost() {
        let mut p = Scripted::new(["2", "No", "", "", "", "", "<keep>"]);
        let asked = ask(
            &mut p,
            &plan(),
            None,
            &[],
            Some("from the flag"),
            &mut SoFar::default(),
        )
        .unwrap();
        assert_eq!(asked.answers.note.as_deref(), Some("from the flag"));
    }

    #[test]
    fn a_wrong_number_is_asked_again_and_skips_are_fine() {
        let (asked, p) = run(
            &["", "eleven", "11", "3", "Partly", "", "", "", "", ""],
            &plan(),
            None,
        );
        assert_eq!(asked.answers.urge, 3);
        assert_eq!(asked.answers.acted, Acted::Partly);
        assert_eq!(asked.answers.distress, None);
        assert_eq!(asked.answers.note, None);
        assert!(
            p.transcript
                .iter()
                .any(|l| l.contains("“eleven” is not a number"))
        );
    }

    #[test]
    fn something_else_can_join_the_plan() {
        let (asked, _) = run(
            &[
                "2",
                "No",
                "Something else",
                "Cancelling plans with friends",
                "y",
                "",
                "",
                "",
                "",
            ],
            &plan(),
            None,
        );
        assert_eq!(asked.answers.signs, ["Cancelling plans with friends"]);
        assert_eq!(
            asked.new_sign,
            Some(("Cancelling plans with friends".into(), true))
        );
    }

    /// A sign of the plan typed as "something else" with its accents
    /// stored the other way (Vietnamese, decomposed) is that sign, kept in
    /// the plan's words, and not offered to the plan again.
    #[test]
    fn the_plans_sign_typed_the_other_way_is_that_sign() {
        let mut plan = plan();
        plan.warning_signs
            .push(TextItem::new("M\u{1ea5}t ng\u{1ee7}"));
        let (asked, _) = run(
            &[
                "2",
                "No",
                "Something else",
                "Ma\u{302}\u{301}t ngu\u{309}",
                "",
                "",
                "",
                "",
            ],
            &plan,
            None,
        );
        assert_eq!(asked.answers.signs, ["M\u{1ea5}t ng\u{1ee7}"]);
        assert_eq!(asked.new_sign, None);
    }

    #[test]
    fn one_enter_does_not_add_something_else_to_the_plan() {
        let (asked, _) = run(
            &["2", "No", "Something else", "Headaches", "", "", "", "", ""],
            &plan(),
            None,
        );
        assert_eq!(asked.answers.signs, ["Headaches"]);
        assert_eq!(asked.new_sign, Some(("Headaches".into(), false)));
    }

    #[test]
    fn an_empty_plan_still_checks_in() {
        let empty = Plan::new(String::new(), None);
        let (asked, _) = run(&["4", "No", "Tired and snappy", "n", "", ""], &empty, None);
        assert_eq!(asked.answers.signs, ["Tired and snappy"]);
        assert_eq!(asked.new_sign, Some(("Tired and snappy".into(), false)));
    }

    #[test]
    fn a_second_check_in_starts_from_the_first() {
        let mut log = crate::plan::checkin::CheckInLog::default();
        let day = toml::value::Date {
            year: 2026,
            month: 11,
            day: 22,
        };
        log.record(
            day,
            "2026-11-22T08:00:00Z".parse().unwrap(),
            Answers {
                urge: 5,
                // Said, as the default once meant: an answer Enter keeps.
                acted: Acted::No,
                signs: vec!["Not sleeping".into()],
                used: vec!["urge-surf".into()],
                ..Answers::default()
            },
        );
        let (asked, p) = run(
            &["<keep>", "<enter>", "<enter>", "", "<enter>", "", ""],
            &plan(),
            log.on(day),
        );
        assert_eq!(asked.answers.urge, 5);
        assert_eq!(asked.answers.signs, ["Not sleeping"]);
        assert_eq!(asked.answers.used, ["urge-surf"]);
        assert!(
            p.transcript
                .iter()
                .any(|l| l.contains("checked in earlier today"))
        );
        // Said, not put on the line: a new number typed is that number
        // (Priya typed 8 after a prefilled 4 and got "48").
        assert!(
            p.transcript
                .iter()
                .any(|l| l.contains("(earlier today: 5; Enter keeps it)")),
            "{:#?}",
            p.transcript
        );
        let (asked, _) = run(
            &["8", "<enter>", "<enter>", "", "<enter>", "", ""],
            &plan(),
            log.on(day),
        );
        assert_eq!(asked.answers.urge, 8);
    }
}
