//! `validate FILE`: check a plan file without changing anything.

use crate::cli::ValidateArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::homework::{HAND_IN_KIND, HOMEWORK_KIND, STARTED_KIND};
use crate::plan::parse::parse;
use crate::render::homework as shown;
use crate::render::{how_names_differ, quoted};
use crate::store::{self, read_limited};

pub(super) fn run(args: &ValidateArgs, ctx: &mut Ctx) -> Result<()> {
    let bytes = read_limited(&args.file)?;
    // A homework file, a hand-in or a started homework is checked as what
    // it says it is, by the reader its own command uses, never as a plan
    // ("`kind` is not a field" helps no one).
    let path = &args.file;
    let said = match crate::plan::parse::document_kind(&bytes).as_deref() {
        Some(HOMEWORK_KIND) => Some(shown::valid_assignment(
            path,
            &store::assignment_from(path, &bytes)?,
        )),
        Some(HAND_IN_KIND) => Some(shown::valid_hand_in(
            path,
            &store::hand_in_from(path, &bytes)?,
        )),
        Some(STARTED_KIND) => store::Store::read_started_homework(path)?
            .map(|started| shown::valid_started(path, &started)),
        _ => None,
    };
    if let Some(said) = said {
        return writeln!(ctx.out, "{said}").map_err(Error::Stdout);
    }
    let parsed = parse(&bytes).map_err(|source| Error::BadFile {
        what: "a plan",
        path: args.file.clone(),
        source,
    })?;
    if let Some(found) = parsed.newer_schema {
        return Err(Error::NewerSchema {
            path: args.file.clone(),
            found,
        });
    }
    if !parsed.problems.is_empty() {
        return Err(Error::Invalid {
            path: Some(args.file.clone()),
            problems: parsed.problems,
        });
    }
    let plan = parsed.plan;
    let said = format!(
        "`{}` is a valid plan: revision {}, {}, {}, {}, {}.",
        args.file.display(),
        plan.revision,
        crate::render::plural(plan.triggers.len(), "trigger"),
        // "strategy" is not made plural by adding an s.
        if plan.coping.len() == 1 {
            "1 coping strategy".to_string()
        } else {
            format!("{} coping strategies", plan.coping.len())
        },
        crate::render::plural(plan.contacts.len(), "contact"),
        crate::render::plural(plan.crisis_steps.len(), "crisis step"),
    );
    ctx.tell(&said)?;
    // Not a problem that stops the plan (both may be right), but a screen
    // or a phone would show the two as one person: worth a look.
    for (a, b) in crate::plan::lookalike::pairs(&plan.contacts) {
        ctx.say(&format!(
            "Two contacts look the same on a screen: {} and {} ({}). If one was not meant, mend it with `relapse-plan contact edit {} --name \"…\"`.",
            quoted(&a.name),
            quoted(&b.name),
            how_names_differ(&a.name, &b.name),
            b.id
        ))?;
    }
    // Her words stand (she may mean "not Dermot"), but whoever checks the
    // plan should see a step naming someone not to involve.
    for mention in crate::plan::mentions::in_plan(&plan) {
        let words = crate::render::mention_words(&mention);
        ctx.say(&format!(
            "{}{}: worth a look.",
            words[..1].to_uppercase(),
            &words[1..]
        ))?;
    }
    Ok(())
}
