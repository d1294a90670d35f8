//! `contact list|add|edit|remove`: people and services.

use super::{save, save_renaming, stored};
use std::collections::HashSet;
use std::fmt::Write as _;

use crate::cli::{Cleared, ContactCommand, ContactEdit, ContactExport, ContactImport};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::edit::{Entry, Rename};
use crate::plan::lookalike;
use crate::plan::validate::MAX_ITEMS;
use crate::plan::vcard::{self, Card};
use crate::plan::{Contact, OwnLine, Plan, Role, own_numbers, phone};
use crate::prompt::{Prompter, Terminal};
use crate::render::clean;
use crate::render::tables::contacts_table;
use crate::store::{is_stdout, read_limited_as};

// One arm per subcommand, each saying what happened to her people.
#[allow(clippy::too_many_lines)]
pub(super) fn run(command: ContactCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        ContactCommand::List => {
            let plan = ctx.load()?.plan;
            if plan.contacts.is_empty() {
                ctx.tell("No contacts yet: add one with `relapse-plan contact add --name \"…\" --phone \"…\"`.")?;
            } else {
                ctx.laid_out(format!("{}\n", contacts_table(&plan, ctx.style)).as_bytes())?;
            }
            Ok(())
        }
        ContactCommand::Import(args) => import(&args, ctx),
        ContactCommand::Export(args) => export(&args, ctx),
        ContactCommand::Add(mut args) => {
            let tidied = tidy_typed(&mut args.name, args.phone.as_mut());
            refuse_words(args.phone.as_deref())?;
            let length = length_doubt(ctx, &args.name, args.phone.as_deref(), Error::NotAdded)?;
            let doubt = doubt(&args.name, args.phone.as_deref());
            let role = if args.do_not_involve {
                Role::DoNotInvolve
            } else if let Some(role) = args.role {
                role
            } else {
                // A plan to add to, and a name it can take, first: never
                // ask, then refuse.
                looks_new(&ctx.load()?.plan, &args.name, None)?;
                role_to_add(&args.name, ctx)?
            };
            if role != Role::DoNotInvolve
                && let Ok(loaded) = ctx.load()
            {
                not_to_involve(&loaded.plan, &args.name, args.phone.as_deref())?;
            }
            let mut left_off = Vec::new();
            if role != Role::DoNotInvolve
                && let Ok(loaded) = ctx.load()
            {
                left_off.extend(is_this_them(ctx, &loaded.plan, &args.name)?);
            }
            if role == Role::DoNotInvolve
                && let Ok(loaded) = ctx.load()
            {
                // Their very name already there is said as that, first.
                looks_new(&loaded.plan, &args.name, None)?;
                let mut after = loaded.plan.clone();
                after.contacts.push(Contact {
                    id: after.new_id::<Contact>(&args.name),
                    name: args.name.clone(),
                    phone: args.phone.clone(),
                    role,
                    reachable: None,
                });
                left_off = keep_or_change(ctx, &loaded.plan, &after, Error::NotAdded)?;
            }
            save(ctx, |plan| {
                if role != Role::DoNotInvolve {
                    not_to_involve(plan, &args.name, args.phone.as_deref())?;
                }
                looks_new(plan, &args.name, None)?;
                let id = args
                    .id
                    .unwrap_or_else(|| plan.new_id::<Contact>(&args.name));
                let before = plan.own_numbers_in_doubt_now();
                let contact = plan.add(Contact {
                    id,
                    name: args.name,
                    phone: args.phone,
                    role,
                    reachable: args.reachable,
                })?;
                let contact = contact.clone();
                keeps_her_numbers(plan, &before)?;
                Ok(format!(
                    "added contact {} ({})",
                    super::words(&contact.name),
                    crate::render::role_words(role)
                ))
            })?;
            say_tidied(ctx, &tidied)?;
            warn(ctx, length)?;
            say_tidied(ctx, &left_off)?;
            warn(ctx, doubt)
        }
        ContactCommand::Edit(mut args) => {
            nothing_to_change(&args)?;
            if let Ok(loaded) = ctx.load() {
                // What changes who they are to her, or the number she
                // would call, is asked; a note of when to call is not.
                if args.role.is_some() || args.do_not_involve.is_some() || args.phone.is_some() {
                    sure_of_them(ctx, &loaded.plan, &args.id, "edit", "Change")?;
                }
                sure_to_involve(ctx, &loaded.plan, &args)?;
            }
            let phone = match &mut args.phone {
                Some(Cleared::Set(phone)) => Some(phone),
                _ => None,
            };
            let given = args.name.is_some();
            let mut name = args.name.take().unwrap_or_default();
            let tidied = tidy_typed(&mut name, phone);
            args.name = given.then_some(name);
            let (doubt, length) = match &args.phone {
                Some(Cleared::Set(phone)) => {
                    refuse_words(Some(phone))?;
                    // Their name, never the id, in what is said.
                    let name = match &args.name {
                        Some(name) => name.clone(),
                        None => ctx.load().ok().map_or_else(
                            || args.id.clone(),
                            |loaded| {
                                stored::<Contact>(&loaded.plan, &args.id)
                                    .ok()
                                    .and_then(|id| loaded.plan.contacts.iter().find(|c| c.id == id))
                                    .map_or_else(|| args.id.clone(), |c| c.name.clone())
                            },
                        ),
                    };
                    let name = name.as_str();
                    (
                        doubt(name, Some(phone)),
                        length_doubt(ctx, name, Some(phone), Error::NotChanged)?,
                    )
                }
                _ => (None, None),
            };
            let left_off = edit_leaves_off(ctx, &args)?;
            // Her crisis steps still holding the number she changed are
            // named after the save: her words stay as written.
            let mut old_number = None;
            let mut stale = Vec::new();
            save_renaming(ctx, |plan| {
                let index = args.phone.as_ref().and_then(|_| {
                    let id = stored::<Contact>(plan, &args.id).ok()?;
                    plan.position::<Contact>(&id).ok()
                });
                let before = index.and_then(|i| plan.contacts[i].phone.clone());
                let done = edit(plan, args)?;
                if let (Some(old), Some(index)) = (before, index) {
                    (old_number, stale) = steps_with_old_number(plan, index, old);
                }
                Ok(done)
            })?;
            say_tidied(ctx, &tidied)?;
            warn(ctx, length)?;
            say_tidied(ctx, &left_off)?;
            if let Some(old) = old_number {
                let how = match stale.as_slice() {
                    [(n, _)] => format!("`relapse-plan step edit {n} \"…\"` changes it."),
                    _ => "`relapse-plan step edit N \"…\"` changes step N.".to_string(),
                };
                for line in crate::render::old_number_in_steps(&old, &stale, &how) {
                    ctx.say(&line)?;
                }
            }
            warn(ctx, doubt)
        }
        ContactCommand::Remove(args) => {
            if let Ok(loaded) = ctx.load() {
                sure_of_them(ctx, &loaded.plan, &args.id, "remove", "Remove")?;
            }
            remove(ctx, &args)
        }
    }
}

/// Removes the contact `args` names.
fn remove(ctx: &mut Ctx, args: &crate::cli::RemoveArgs) -> Result<()> {
    save(ctx, |plan| {
        let id = stored::<Contact>(plan, &args.id)?;
        let removed = plan.remove::<Contact>(&id, args.force)?;
        Ok(format!("removed contact {}", super::words(&removed.name)))
    })
}

/// The contact `typed` found by a part of their name only (one word of
/// it, or its first letters), with their number in the list: not by that
/// number, their id or their whole name.
fn found_by_part<'p>(plan: &'p Plan, typed: &str) -> Option<(usize, &'p Contact)> {
    use crate::plan::edit::{Entity, Named};
    use crate::plan::same::words_key;
    let by_number = crate::plan::typed::fold(typed.trim())
        .parse::<usize>()
        .is_ok();
    if by_number || plan.contacts.iter().any(|c| c.id == typed) {
        return None;
    }
    let Named::One(them) = plan.named::<Contact>(typed) else {
        return None;
    };
    let whole = [them.name.clone(), clean(&them.name)]
        .iter()
        .any(|name| words_key(name) == words_key(typed));
    if whole {
        return None;
    }
    let n = Contact::listed(plan).iter().position(|c| c.id == them.id)? + 1;
    Some((n, them))
}

/// One word of a name found them: `contact remove byrne` deleted at once
/// and `contact edit Byrne --role help` made someone marked "do not
/// involve" a helper (Trudy, issue #12). At a terminal she is asked, naming
/// them in full (default No); without one, refused with the command that
/// uses their number in the list.
fn sure_of_them(ctx: &Ctx, plan: &Plan, typed: &str, command: &str, verb: &str) -> Result<()> {
    let Some((n, them)) = found_by_part(plan, typed) else {
        return Ok(());
    };
    let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) else {
        let rest = if command == "edit" { " …" } else { "" };
        let said = format!(
            "{} found {} by one word of the name, so nothing was changed. To be sure it is them, use their number in the list: `relapse-plan contact {command} {n}{rest}`",
            crate::render::quoted(typed),
            crate::render::quoted(&them.name)
        );
        // With the folder she gave: without it, the command acted on
        // another plan.
        return Err(Error::Usage(
            crate::render::rescue::in_this_folder(&said, ctx.plan_dir()).into_owned(),
        ));
    };
    let question = format!(
        "{verb} {} ({n} in your list)?",
        crate::render::quoted(&them.name)
    );
    if ask.confirm(&question, false)? {
        Ok(())
    } else {
        Err(Error::NotChanged)
    }
}

/// A change away from "do not involve" at a terminal is asked about first
/// (default No): one flag made someone she keeps away a helper (Trudy).
fn sure_to_involve(ctx: &Ctx, plan: &Plan, args: &ContactEdit) -> Result<()> {
    let away = matches!(args.role, Some(role) if role != Role::DoNotInvolve)
        || args.do_not_involve == Some(false);
    let Ok(id) = stored::<Contact>(plan, &args.id) else {
        return Ok(());
    };
    let Some(them) = plan.contacts.iter().find(|c| c.id == id) else {
        return Ok(());
    };
    if !away || them.role != Role::DoNotInvolve {
        return Ok(());
    }
    let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Ok(());
    };
    let question = format!(
        "You marked {} not to involve. Make them someone in your plan to turn to?",
        crate::render::quoted(&them.name)
    );
    if ask.confirm(&question, false)? {
        Ok(())
    } else {
        Err(Error::NotChanged)
    }
}

/// What a name and a number the person typed lost of what does not show
/// ([`crate::plan::hidden::tidy_typed`]), in words.
fn tidy_typed(name: &mut String, phone: Option<&mut String>) -> Vec<String> {
    crate::plan::hidden::tidy_typed(name, phone)
        .iter()
        .map(crate::render::tidied_words)
        .collect()
}

fn say_tidied(ctx: &mut Ctx, said: &[String]) -> Result<()> {
    said.iter().try_for_each(|line| ctx.say(line))
}

/// What to tell the person about a number they just typed that may not
/// dial what it shows (letters, look-alike digits, hidden characters):
/// said at once, not first discovered on a printed card.
fn doubt(name: &str, phone: Option<&str>) -> Option<String> {
    let number = phone?.trim();
    crate::render::phone_warning(number).map(|warning| {
        format!(
            "{} · {} ({warning}).",
            crate::render::clean(name),
            crate::render::clean(number)
        )
    })
}

/// Refuses a number written in words ("nine eight two"), with an
/// example: it could never be dialled from a card or a phone. A vanity
/// number ("0800-DAD-HELP") is kept, and flagged as letters.
fn refuse_words(phone: Option<&str>) -> Result<()> {
    match phone {
        Some(number) if phone::in_words(number) => Err(Error::Usage(format!(
            "“{}” is a number written in words, and a phone dials digits: write it as you would dial it, for example --phone \"0123 456 789\" or --phone \"+44 7700 900123\". Nothing was changed.",
            clean(number.trim())
        ))),
        _ => Ok(()),
    }
}

/// A number that looks too short or too long for the plan's country
/// ([`phone::unusual_length`], roughly), or runs on after it with more
/// digits than an extension has: it may be right, so it is never
/// refused. On a terminal the person is asked whether to keep it as it
/// is (yes by default; no leaves the plan as it was, `no`); without one
/// it is saved, and the words returned are said after the save.
fn length_doubt(
    ctx: &mut Ctx,
    name: &str,
    phone: Option<&str>,
    no: Error,
) -> Result<Option<String>> {
    let Some(number) = phone.map(str::trim) else {
        return Ok(None);
    };
    let country = match ctx.load() {
        Ok(loaded) => loaded.plan.country.unwrap_or_default(),
        Err(_) => return Ok(None),
    };
    // An extension too long to be one is said before the length: it is
    // what makes the number look long.
    let said = match crate::render::long_extension_words(number) {
        Some(said) => said,
        None => match phone::unusual_length(number, &country) {
            Some(doubt) => crate::render::length_words(number, &country, &doubt),
            None => return Ok(None),
        },
    };
    if let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) {
        ask.show(&format!("{} · {said}", clean(name)))?;
        return if ask.confirm("Keep it as it is?", true)? {
            Ok(None)
        } else {
            Err(no)
        };
    }
    Ok(Some(format!("{} · {said}.", clean(name))))
}

/// Refuses a name that looks the same as another contact's (`except`: the
/// one being renamed): the same name, or one differing only in case, width,
/// a hidden character or letters from another alphabet that look the same,
/// would show as one person on a screen or a phone.
fn looks_new(plan: &Plan, name: &str, except: Option<&str>) -> Result<()> {
    match plan.contact_looking_like(name, except) {
        Some(other) => Err(Error::LooksLike {
            name: clean(name),
            other: clean(&other.name),
            number: plan.number_of::<Contact>(&other.id).unwrap_or(1),
            differs: crate::render::how_names_differ(name, &other.name),
        }),
        None => Ok(()),
    }
}

/// Refuses someone to turn to whose name or number is that of someone
/// marked "do not involve" (see [`Plan::not_to_involve_like`]): `نيما`
/// typed with an Arabic yeh, for her `نیما`, would be offered as help on
/// the crisis screen (Shirin). Her own entry is named, as she wrote it.
fn not_to_involve(plan: &Plan, name: &str, phone: Option<&str>) -> Result<()> {
    match plan.not_to_involve_like(name, phone, None) {
        Some(them) => Err(Error::IsNotToInvolve {
            theirs: clean(&them.name),
            typed: clean(name),
            number: plan.number_of::<Contact>(&them.id).unwrap_or(1),
        }),
        None => Ok(()),
    }
}

/// Asks before a change that would leave someone she turns to off every
/// screen (see [`Plan::newly_left_off`]): someone marked not to involve
/// given the number (or the name) of a helper, as one number typed two
/// ways ("+251 91 123 4567", "0911 23 45 67") made Mulu's sister vanish
/// from `now` without a word. On a terminal, asked whether to keep it
/// (`no` when she would rather not); with none, refused with a hint. What
/// to say once it is saved is returned: where it leaves them off.
fn keep_or_change(ctx: &Ctx, before: &Plan, after: &Plan, no: Error) -> Result<Vec<String>> {
    let Some(left) = after.newly_left_off(before).into_iter().next() else {
        return Ok(Vec::new());
    };
    let quoted = crate::render::quoted;
    let (what, typed) = if left.by_number {
        (
            "number",
            left.them.phone.as_deref().unwrap_or_default().trim(),
        )
    } else {
        ("name", left.them.name.as_str())
    };
    let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Err(Error::WouldLeaveOff {
            typed: quoted(typed),
            what,
            helper: quoted(&left.helper.name),
            name: quoted(&left.them.name),
        });
    };
    ask.show(&format!(
        "{} is the same {what} as {}, someone you turn to. With {} marked not to involve, {} would be left off your crisis screen, card and printout.",
        quoted(typed),
        quoted(&left.helper.name),
        quoted(&left.them.name),
        quoted(&left.helper.name),
    ))?;
    if ask.confirm("Keep it anyway?", false)? {
        Ok(vec![format!(
            "{} is left off your crisis screen, card and printout while it shares this {what}; each says so.",
            quoted(&left.helper.name)
        )])
    } else {
        Err(no)
    }
}

/// Someone to turn to named with one word of the name of someone marked
/// "do not involve" ("Dermot" beside "Dermot Byrne"): maybe them, maybe
/// another Dermot, so never refused. On a terminal she is asked; "yes"
/// (and Enter) adds no one. With none, it is added, and what is returned says so with
/// the command that takes it out again.
fn is_this_them(ctx: &Ctx, plan: &Plan, name: &str) -> Result<Option<String>> {
    let Some(them) = plan.one_word_of_not_to_involve(name) else {
        return Ok(None);
    };
    let quoted = crate::render::quoted;
    let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Ok(Some(format!(
            "{} is one word of the name of {}, whom you said not to involve. If they are the same person, `relapse-plan contact remove {}` takes {} out again.",
            quoted(name),
            quoted(&them.name),
            plan.contacts.len() + 1,
            quoted(name),
        )));
    };
    let question = format!(
        "Is this {}, whom you said not to involve?",
        clean(&them.name)
    );
    // Enter is "yes, it is them": a stray Enter adds no one (Mulu: Enter
    // put the one word of her ex's name on her crisis screen).
    if ask.confirm(&question, true)? {
        ask.show(&format!(
            "Then {} is not added: {} stays in your plan as someone not to involve.",
            quoted(name),
            quoted(&them.name)
        ))?;
        return Err(Error::NotAdded);
    }
    Ok(None)
}

/// [`keep_or_change`] for `contact edit`: the change tried on a copy of
/// the plan (a change the save will refuse asks nothing).
fn edit_leaves_off(ctx: &mut Ctx, args: &ContactEdit) -> Result<Vec<String>> {
    let Ok(loaded) = ctx.load() else {
        return Ok(Vec::new());
    };
    let mut after = loaded.plan.clone();
    if edit(&mut after, args.clone()).is_err() {
        return Ok(Vec::new());
    }
    keep_or_change(ctx, &loaded.plan, &after, Error::NotChanged)
}

/// `contact edit 2` with nothing to change said only "Nothing changed"
/// (Noa): it says what can be changed, and how.
fn nothing_to_change(args: &ContactEdit) -> Result<()> {
    let ContactEdit {
        id: _,
        new_id,
        name,
        phone,
        role,
        reachable,
        do_not_involve,
    } = args;
    if new_id.is_some()
        || name.is_some()
        || phone.is_some()
        || role.is_some()
        || reachable.is_some()
        || do_not_involve.is_some()
    {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "say what to change: --phone \"…\", --name \"…\", --role help|professional, --reachable \"…\" or --do-not-involve, e.g. `relapse-plan contact edit {} --phone \"…\"`",
        crate::render::rescue::shell_word(&args.id)
    )))
}

/// Who someone added without `--role` is for the person: asked on a
/// terminal, starting on no choice (Enter alone never files them as a
/// helper); `help`, as the help says, for a script with no terminal.
fn role_to_add(name: &str, ctx: &Ctx) -> Result<Role> {
    let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Ok(Role::Help);
    };
    match crate::wizard::ask_role(&mut ask, name, None) {
        Ok(role) => Ok(role.unwrap_or(Role::Help)),
        // Nothing is kept of a command stopped before it saved: "Everything
        // you typed is kept" was not true here (Noa).
        Err(Error::Cancelled) => Err(Error::Stopped(
            format!(
                "Stopped. Nothing was saved: {} is not in your plan. Run the same command again when you're ready.",
                crate::render::quoted(name)
            )
            .into(),
        )),
        Err(other) => Err(other),
    }
}

fn warn(ctx: &mut Ctx, doubt: Option<String>) -> Result<()> {
    match doubt {
        Some(doubt) => ctx.say(&doubt),
        None => Ok(()),
    }
}

/// The crisis steps (number, words) that still hold contact `index`'s
/// `old` number once it has changed; no old number when it did not change.
fn steps_with_old_number(
    plan: &Plan,
    index: usize,
    old: String,
) -> (Option<String>, Vec<(usize, String)>) {
    use crate::plan::mentions::{numbers_in, same_number, steps_holding};
    let now = plan.contacts[index].phone.as_deref().unwrap_or_default();
    let was = numbers_in(&old);
    if numbers_in(now)
        .iter()
        .any(|n| was.iter().any(|o| same_number(n, o)))
    {
        return (None, Vec::new());
    }
    // The old number still someone else's (her brother's, which the
    // person not to involve shared) is no old number in a step: that step
    // is theirs (Niran was told to put the new number in "call พี่ต้น").
    let still_someones = plan.contacts.iter().enumerate().any(|(i, c)| {
        i != index
            && c.phone.as_deref().is_some_and(|p| {
                numbers_in(p)
                    .iter()
                    .any(|n| was.iter().any(|o| same_number(n, o)))
            })
    });
    if still_someones {
        return (None, Vec::new());
    }
    let steps = steps_holding(plan, &old)
        .into_iter()
        .map(|(n, text)| (n, text.to_string()))
        .collect();
    (Some(old), steps)
}

/// Refuses a change that gives someone to turn to the name or number of
/// someone marked "do not involve", as `contact add` refuses them: the
/// screens would leave them out in silence (Noa's therapist given her
/// brother's number vanished from `now`).
fn changed_to_not_to_involve(plan: &Plan, index: usize) -> Result<()> {
    let contact = &plan.contacts[index];
    let Some(them) = like_not_to_involve(plan, index) else {
        return Ok(());
    };
    let by_name = crate::plan::same::same_name(&them.name, &contact.name)
        || crate::plan::same::same_person_name(&them.name, &contact.name);
    Err(Error::ChangedToNotToInvolve {
        theirs: clean(&them.name),
        typed: clean(&contact.name),
        what: if by_name { "name" } else { "number" },
        number: plan.number_of::<Contact>(&them.id).unwrap_or(1),
    })
}

/// Refuses a change to her people that makes one of her own numbers (or
/// a line's name) the number of someone marked "do not involve" (see
/// [`Plan::own_numbers_newly_not_to_involve`], the rule `set`, `new` and
/// `validate` ask too): naming which of her numbers it is, and how to
/// change it. `before`: her numbers in doubt before the change.
fn keeps_her_numbers(plan: &Plan, before: &[crate::plan::own_doubt::OwnNumber]) -> Result<()> {
    use crate::plan::own_doubt::OwnNumber;
    let Some((which, them)) = plan
        .own_numbers_newly_not_to_involve(before)
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let typed = match &which {
        OwnNumber::Name(name) => crate::render::quoted(name),
        _ => clean(them.phone.as_deref().unwrap_or_default().trim()),
    };
    Err(Error::HerOwnNumber {
        typed,
        which: crate::render::own_number_words(&which),
        name: crate::render::quoted(&them.name),
        change: format!("`{}`", crate::render::own_number_command(&which)),
    })
}

/// The person marked "do not involve" whom contact `index`, someone to
/// turn to, would be taken for (see [`Plan::not_to_involve_like`]).
fn like_not_to_involve(plan: &Plan, index: usize) -> Option<&Contact> {
    let contact = &plan.contacts[index];
    if !contact.to_involve() {
        return None;
    }
    plan.not_to_involve_like(&contact.name, contact.phone.as_deref(), Some(&contact.id))
}

/// Changes one contact; marking them "do not involve" also unlinks them.
/// Returns what changed and the rename it made.
fn edit(plan: &mut Plan, args: ContactEdit) -> Result<(String, Option<Rename>)> {
    let id = stored::<Contact>(plan, &args.id)?;
    let index = plan.position::<Contact>(&id)?;
    let rename = match &args.new_id {
        Some(new_id) => plan.rename::<Contact>(&id, new_id)?,
        None => None,
    };
    if let Some(name) = &args.name {
        looks_new(plan, name, Some(&plan.contacts[index].id))?;
    }
    // Only a change that makes them look like someone not to involve is
    // refused: a plan that already held both is named by `validate`.
    let was_like = like_not_to_involve(plan, index).is_some();
    let her_numbers_before = plan.own_numbers_in_doubt_now();
    if let Some(phone) = args.phone {
        // The number it replaces is kept, so a step still holding it is
        // marked as their old number (Noa's sister, whose number changed).
        plan.set_phone(index, phone.into_option());
    }
    let contact = &mut plan.contacts[index];
    if let Some(name) = args.name {
        contact.name = name;
    }
    if let Some(role) = args.role {
        contact.role = role;
    }
    if let Some(reachable) = args.reachable {
        contact.reachable = reachable.into_option();
    }
    // `--do-not-involve` is the role said as a flag; `false` makes someone
    // not to involve someone to ask for help, unless `--role` says more.
    match args.do_not_involve {
        Some(true) => contact.role = Role::DoNotInvolve,
        Some(false) if args.role.is_none() && !contact.to_involve() => contact.role = Role::Help,
        _ => {}
    }
    let id = contact.id.clone();
    if !was_like {
        changed_to_not_to_involve(plan, index)?;
    }
    keeps_her_numbers(plan, &her_numbers_before)?;
    let contact = &plan.contacts[index];
    let mut description = format!("changed contact {}", super::words(&contact.name));
    if !contact.to_involve() {
        // Someone not to involve can't be part of a trigger's response.
        let unlinked = plan.unlink(Entry::Contact, &id);
        if !unlinked.is_empty() {
            let _ = write!(
                description,
                " (no longer linked to {})",
                unlinked
                    .iter()
                    .map(|t| plan
                        .trigger(t)
                        .map_or_else(|| t.clone(), |t| super::words(&t.situation)))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok((description, rename))
}

/// Imports people from a vCard file, skipping anyone already in the plan.
/// Her own emergency number and crisis lines on the cards `contact export`
/// writes are sorted against her plan, and what is new is only offered,
/// with the command that adds it: the words are easy to copy, so a file
/// from anyone could otherwise set the number she calls in an emergency
/// (Trudy).
fn import(args: &ContactImport, ctx: &mut Ctx) -> Result<()> {
    let role: Role = args.role;
    let plan = ctx.load()?.plan;
    let (cards, mine) = cards_to_keep(args, role, ctx)?;
    let (mut cards, crisis_named) = without_crisis_named(ctx, &plan, cards)?;
    if cards.is_empty() && mine.is_empty() && !crisis_named.held {
        return ctx.say("Everyone in this file is already in your plan; nothing to add.");
    }
    if cards.is_empty() && mine.is_empty() {
        return Err(Error::NoneImportable {
            path: args.file.clone(),
        });
    }
    let read_mine = mine.len();
    let mine = without_numbers_not_to_involve(ctx, &plan, mine)?;
    let left_out_mine = mine.len() < read_mine;
    // What the file holds of hers, sorted on a copy: never taken in.
    let own = plan.own_lines.clone().take_in(mine);
    // Cards whose number came with them: one left out for holding no
    // digits is said so once, not also as "no number on the card" (Trudy).
    let had_number: std::collections::HashSet<usize> = cards
        .iter()
        .filter(|c| c.phone.is_some())
        .map(|c| c.position)
        .collect();
    let doubtful = tidy_numbers(&mut cards);
    let mut sorted = vcard::sort_out(&plan, cards);
    let marked = marked_not_to_involve(&plan, &mut sorted);
    say_known_and_twice(ctx, &sorted)?;
    say_not_imported(ctx, &plan, &sorted)?;
    say_own_left_out(ctx, &own)?;
    let (new, mut not_to_involve) = without_not_to_involve(&plan, sorted.new, role);
    not_to_involve.splice(0..0, marked);
    say_not_to_involve(ctx, &plan, &not_to_involve)?;
    let (new, leaving_off) = without_leaving_off(&plan, new, role);
    say_leaving_off(ctx, &leaving_off)?;
    let (new, old) = without_old_numbers(&plan, new);
    say_old_numbers(ctx, &plan, &old)?;
    say_shared_numbers(ctx, &plan, &new)?;
    say_one_word_of_them(ctx, &plan, &new, role)?;
    if plan.own_lines.lines.len() + own.added.len() > MAX_ITEMS {
        ctx.say(&format!(
            "Not imported: this file holds {} crisis lines of yours not in your plan yet; with the {} it has, that is more than the {MAX_ITEMS} a plan holds. Keep the ones that matter most: `relapse-plan set --own-line NAME --call NUMBER` adds one.",
            own.added.len(),
            plan.own_lines.lines.len()
        ))?;
        return Err(Error::NoneImportable {
            path: args.file.clone(),
        });
    }
    say_own_offered(ctx, &own)?;
    if new.is_empty() {
        return ctx.say(
            if own.count() > 0 {
                "No one from this file was added; above is who was not, and why, and how to add a number that is yours."
            } else if sorted.other_number.is_empty()
                && sorted.alike.is_empty()
                && not_to_involve.is_empty()
                && leaving_off.is_empty()
                && old.is_empty()
                && !left_out_mine
                && own.other_numbers.is_empty()
                && !crisis_named.held
                && !matches!(own.emergency, own_numbers::Emergency::Kept { .. })
            {
                "Everyone in this file is already in your plan; nothing to add."
            } else {
                "No one from this file was added; above is who was not, and why."
            },
        );
    }
    if plan.contacts.len() + new.len() > MAX_ITEMS {
        return Err(Error::TooManyContacts {
            path: args.file.clone(),
            found: new.len(),
            have: plan.contacts.len(),
            limit: MAX_ITEMS,
        });
    }
    say_to_add(ctx, &new, role, (&doubtful, &had_number))?;
    if !args.yes && !confirm_import(ctx, (&args.file, role), new.len())? {
        return Err(Error::NotAdded);
    }
    let source = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    save(ctx, |plan| {
        // Sorted out again under the lock: the plan may have changed meanwhile.
        let added = plan.add_cards(new, role);
        if plan.contacts.len() > MAX_ITEMS {
            return Err(Error::TooManyContacts {
                path: args.file.clone(),
                found: added,
                have: plan.contacts.len() - added,
                limit: MAX_ITEMS,
            });
        }
        // What happened, in the program's words (never read as her note:
        // see plan::note).
        Ok(imported_words(added, &source))
    })
}

/// What [`without_crisis_named`] left out.
struct CrisisNamedOut {
    /// Whether any card was held back for a number not the line's.
    held: bool,
}

/// The cards named like a crisis line or an emergency service taken out
/// and said: with the line's checked number each is the line, already
/// shown; with another, it is held back, as `now` would have shown
/// "Emergency · 1900 666 666" beside the checked 111 (Trudy, issue #12).
fn without_crisis_named(
    ctx: &mut Ctx,
    plan: &Plan,
    cards: Vec<Card>,
) -> Result<(Vec<Card>, CrisisNamedOut)> {
    use crate::plan::crisis_names::{CrisisNamed, crisis_named};
    let (mut kept, mut same, mut held, mut unchecked) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for card in cards {
        let number = clean(card.phone.as_deref().unwrap_or_default());
        let shown = || {
            format!(
                "card {}, {} · {number}",
                card.position,
                clean(&shorten(&card.name))
            )
        };
        match crisis_named(plan, &card.name, card.phone.as_deref()) {
            None => kept.push(card),
            Some(CrisisNamed::Same(what)) => {
                same.push(format!(
                    "{} · {number}: {}",
                    clean(&card.name),
                    clean(&what)
                ));
            }
            // The line's own number beside it, so she sees which is checked.
            Some(CrisisNamed::NotChecked(Some(line))) => {
                held.push(format!("{} (checked: {})", shown(), clean(&line)));
            }
            Some(CrisisNamed::NotChecked(None)) => held.push(shown()),
            Some(CrisisNamed::NothingChecked) => unchecked.push(shown()),
        }
    }
    let any_held = !held.is_empty() || !unchecked.is_empty();
    if !same.is_empty() {
        ctx.say(&format!(
            "Already in your plan as a crisis line, so not added (`relapse-plan now` shows it):\n{}",
            listed(same)
        ))?;
    }
    if !held.is_empty() {
        ctx.say(&format!(
            "Held back, as each is named like a crisis line, but its number is not the line's checked number. A wrong number here could be the one called in a crisis; if you trust it, `relapse-plan set --own-line NAME --call NUMBER` keeps it as a line of your own:\n{}",
            listed(held)
        ))?;
    }
    if !unchecked.is_empty() {
        ctx.say(&format!(
            "{}\n{}",
            nothing_checked_words(plan.country.as_deref()),
            listed(unchecked)
        ))?;
    }
    Ok((kept, CrisisNamedOut { held: any_held }))
}

/// Said of cards named like a crisis line or an emergency service when
/// the plan holds no crisis line to check them against: what each is not
/// (checked), and what she can do, for a person in Bangkok with no line
/// built in for Thailand (Trudy, issue #12), or with no country set.
fn nothing_checked_words(country: Option<&str>) -> String {
    let why = match country
        .and_then(crate::plan::country::name)
        .filter(|_| crate::crisis_lines::for_country(country).is_some())
    {
        Some(name) => format!("your plan has no checked line for {name} to compare its number with (none is built in yet)"),
        None => "your plan has no country, so no checked line to compare its number with (`relapse-plan set --country CC` sets one)".to_string(),
    };
    format!(
        "Held back: each is named like a crisis line or an emergency service, and {why}. A file can come from anyone, so it never adds one. If you know a number is right (from the service's own website, or someone you trust), keep it yourself: `relapse-plan set --own-line NAME --call NUMBER --source WHERE` for a line, `relapse-plan set --emergency-number NUMBER` for the emergency number. If a card is a person, not a service, `relapse-plan contact add --name NAME --phone NUMBER` adds them:"
    )
}

/// The cards already in the plan, and those the file holds twice.
fn say_known_and_twice(ctx: &mut Ctx, sorted: &vcard::Sorted) -> Result<()> {
    let list = |cards: &[Card]| -> String {
        listed(
            cards
                .iter()
                .map(|c| match &c.phone {
                    Some(phone) => format!("{} · {phone}", clean(&c.name)),
                    None => format!("{} · no number", clean(&c.name)),
                })
                .collect(),
        )
    };
    if !sorted.known.is_empty() {
        ctx.say(&format!(
            "Already in your plan, so skipped:\n{}",
            list(&sorted.known)
        ))?;
    }
    if !sorted.twice.is_empty() {
        ctx.say(&format!(
            "In the file more than once, so added once:\n{}",
            list(&sorted.twice)
        ))?;
    }
    Ok(())
}

/// The cards whose number is one a person in her plan had before she
/// changed it, taken out: a phone's old export brought her sister's dead
/// number back as a second sister, and the old-number mark on her crisis
/// step vanished with it (Noa).
fn without_old_numbers(plan: &Plan, cards: Vec<Card>) -> (Vec<Card>, Vec<(Card, String)>) {
    let country = plan.country.as_deref();
    let mut new = Vec::with_capacity(cards.len());
    let mut old = Vec::new();
    for card in cards {
        let whose = card.phone.as_deref().and_then(|phone| {
            plan.former_phones
                .iter()
                .find(|f| crate::plan::same::same_number(&f.phone, phone, country))
                .and_then(|f| plan.contacts.iter().find(|c| c.id == f.contact))
        });
        match whose {
            Some(them) => old.push((card, them.id.clone())),
            None => new.push(card),
        }
    }
    (new, old)
}

/// Says which cards hold an old number, whose it was, and the one saved now.
fn say_old_numbers(ctx: &mut Ctx, plan: &Plan, old: &[(Card, String)]) -> Result<()> {
    if old.is_empty() {
        return Ok(());
    }
    let lines = old
        .iter()
        .filter_map(|(card, id)| {
            let them = plan.contacts.iter().find(|c| c.id == *id)?;
            Some(format!(
                "{} · {}: an old number of {}; the one saved now is {}",
                clean(&card.name),
                clean(card.phone.as_deref().unwrap_or_default()),
                crate::render::quoted(&them.name),
                clean(them.phone.as_deref().unwrap_or("none"))
            ))
        })
        .collect();
    ctx.say(&format!(
        "Not imported, as each holds a number you changed for someone in your plan:\n{}",
        listed(lines)
    ))
}

/// Her own numbers from the file, less any that is the number of someone
/// she marked "do not involve", which are said, with whose they are: a
/// card could make her ex her emergency number (Trudy).
fn without_numbers_not_to_involve(
    ctx: &mut Ctx,
    plan: &Plan,
    mine: Vec<own_numbers::Mine>,
) -> Result<Vec<own_numbers::Mine>> {
    let mut kept = Vec::with_capacity(mine.len());
    let mut left_out = Vec::new();
    for found in mine {
        let (what, numbers): (String, Vec<&str>) = match &found {
            own_numbers::Mine::Emergency { number, .. } => {
                ("your emergency number".into(), vec![number.as_str()])
            }
            own_numbers::Mine::Line(line) => (
                format!("your crisis line {}", crate::render::quoted(&line.name)),
                line.call
                    .iter()
                    .chain(line.text.iter())
                    .map(String::as_str)
                    .collect(),
            ),
        };
        // A line under the name of someone not to involve is theirs too:
        // the crisis screen would show his name as one to call.
        let named = match &found {
            own_numbers::Mine::Line(line) => plan
                .not_to_involve_like(&line.name, None, None)
                .map(|them| (line.name.as_str(), them)),
            own_numbers::Mine::Emergency { .. } => None,
        };
        if let Some((name, them)) = named {
            left_out.push(format!(
                "{what}: {} is the name of {}, whom you marked not to involve",
                crate::render::quoted(name),
                crate::render::quoted(&them.name)
            ));
            continue;
        }
        match numbers
            .iter()
            .find_map(|n| plan.not_to_involve_number(n).map(|them| (*n, them)))
        {
            Some((number, them)) => left_out.push(format!(
                "{what} · {}: the number of {}, whom you marked not to involve",
                clean(number),
                crate::render::quoted(&them.name)
            )),
            None => kept.push(found),
        }
    }
    if !left_out.is_empty() {
        ctx.say(&format!(
            "Not imported, as each holds the number or name of someone your plan marks not to involve in a crisis:\n{}",
            listed(left_out)
        ))?;
    }
    Ok(kept)
}

/// The revision's note for an import: "imported 2 people from a.vcf".
fn imported_words(people: usize, source: &str) -> String {
    let people_words = format!("{people} {}", if people == 1 { "person" } else { "people" });
    format!("imported {people_words} from {source}")
}

/// Lists the people to add, those with no number, and the numbers to check.
fn say_to_add(
    ctx: &mut Ctx,
    new: &[Card],
    role: Role,
    (doubtful, had_number): (&[String], &std::collections::HashSet<usize>),
) -> Result<()> {
    if new.is_empty() {
        return Ok(());
    }
    ctx.say(&format!(
        "To add, as {} contacts:\n{}",
        role.key(),
        listed(new.iter().map(|card| to_add_words(card, role)).collect())
    ))?;
    say_no_number(ctx, new, had_number)?;
    if !doubtful.is_empty() {
        ctx.say(&format!(
            "Check these numbers before you rely on them (`relapse-plan contact edit ID --phone \"…\"` mends one):\n{}",
            listed(doubtful.to_vec())
        ))?;
    }
    Ok(())
}

/// One crisis line of hers, in a line: "Befrienders Cairo · call 762 1602
/// (from their site)".
fn own_line_words(line: &OwnLine) -> String {
    let ways: Vec<String> = match (&line.call, &line.text) {
        (Some(call), Some(text)) if call == text => vec![format!("call or text {}", clean(call))],
        (call, text) => call
            .iter()
            .map(|n| format!("call {}", clean(n)))
            .chain(text.iter().map(|n| format!("text {}", clean(n))))
            .collect(),
    };
    let mut words = format!("{} · {}", clean(&line.name), ways.join(" or "));
    if let Some(source) = &line.source {
        let _ = write!(words, " (from {})", clean(source));
    }
    words
}

/// What the file offers as hers that her plan lacks (an emergency number
/// when the plan has none, crisis lines by names it does not hold): shown,
/// each with the one command that makes it hers, and never taken in. The
/// export's words are easy to copy, so a file from anyone could otherwise
/// choose the number she calls in an emergency (Trudy).
fn say_own_offered(ctx: &mut Ctx, own: &own_numbers::TakenIn) -> Result<()> {
    use crate::render::rescue::{path_word, shell_word};
    // The commands stand on lines of their own, out of backquotes, so
    // `ctx.say` does not name the folder in them: named here, by the same
    // rule, or with `--plan-dir` they added to another plan.
    let folder = ctx
        .plan_dir()
        .map(|d| format!(" --plan-dir {}", path_word(d)))
        .unwrap_or_default();
    let mut offered = Vec::new();
    if let own_numbers::Emergency::Offered(number, source) = &own.emergency {
        let mut words = format!("an emergency number · {}", clean(number));
        let mut command = format!(
            "relapse-plan{folder} set --emergency-number {}",
            shell_word(number)
        );
        if let Some(source) = source {
            let _ = write!(words, " (from {})", clean(source));
            let _ = write!(command, " --source {}", shell_word(source));
        }
        offered.push(format!("{words}\n    {command}"));
    }
    offered.extend(own.added.iter().map(|line| {
        let mut command = format!(
            "relapse-plan{folder} set --own-line {}",
            shell_word(&line.name)
        );
        if let Some(call) = &line.call {
            let _ = write!(command, " --call {}", shell_word(call));
        }
        if let Some(text) = &line.text {
            let _ = write!(command, " --text {}", shell_word(text));
        }
        if let Some(source) = &line.source {
            let _ = write!(command, " --source {}", shell_word(source));
        }
        format!("a crisis line {}\n    {command}", own_line_words(line))
    }));
    if offered.is_empty() {
        return Ok(());
    }
    ctx.say(&format!(
        "This file holds numbers written as your own. A file can come from anyone, so none of them was added: your emergency number and crisis lines are as they were. If one is yours, the command under it adds it:\n{}",
        listed(offered)
    ))
}

/// Which of her own numbers in the file do not come in, and why: already
/// in the plan, under a name the plan holds with other numbers, or another
/// emergency number than the one the plan keeps.
fn say_own_left_out(ctx: &mut Ctx, own: &own_numbers::TakenIn) -> Result<()> {
    let mut known: Vec<String> = own.known.iter().map(own_line_words).collect();
    if let own_numbers::Emergency::Same(number) = &own.emergency {
        known.insert(0, format!("your emergency number · {}", clean(number)));
    }
    if !known.is_empty() {
        ctx.say(&format!(
            "Already among your own numbers, so skipped:\n{}",
            listed(known)
        ))?;
    }
    if let own_numbers::Emergency::Kept { kept, card } = &own.emergency {
        ctx.say(&format!(
            "Your plan keeps {} as your emergency number, so this file's {} was not imported (`relapse-plan set --emergency-number \"{}\"` changes it).",
            clean(kept),
            clean(card),
            clean(card)
        ))?;
    }
    if !own.other_numbers.is_empty() {
        ctx.say(&format!(
            "Not imported: a crisis line of yours by a name your plan already holds, with other numbers. Your plan keeps its own; to change it, `relapse-plan set --remove-own-line \"NAME\"`, then `--own-line`:\n{}",
            listed(
                own.other_numbers
                    .iter()
                    .map(|(card, kept)| format!(
                        "{} (your plan has {})",
                        own_line_words(card),
                        own_line_words(kept)
                    ))
                    .collect()
            )
        ))?;
    }
    Ok(())
}

/// Names the cards that come with no number, but not those whose number
/// was left out (said once, with why, among the numbers to check).
fn say_no_number(
    ctx: &mut Ctx,
    new: &[Card],
    had_number: &std::collections::HashSet<usize>,
) -> Result<()> {
    let no_number: Vec<String> = new
        .iter()
        .filter(|c| c.phone.is_none() && !had_number.contains(&c.position))
        .map(|c| clean(&shorten(&c.name)))
        .collect();
    if no_number.is_empty() {
        return Ok(());
    }
    ctx.say(&format!(
        "No number on the card, so they come in without one (`relapse-plan contact edit ID --phone \"…\"` adds one):\n{}",
        listed(no_number)
    ))
}

/// The cards under the name of someone marked "do not involve" with a new
/// number, taken out of `sorted`'s "same name, another number": they are
/// named as people not to involve, with why. Listed as another number, the
/// hint offered to add him as help (Trudy).
fn marked_not_to_involve(plan: &Plan, sorted: &mut vcard::Sorted) -> Vec<Card> {
    let (marked, other_number): (Vec<_>, Vec<_>) = std::mem::take(&mut sorted.other_number)
        .into_iter()
        .partition(|(card, _)| {
            plan.not_to_involve_like(&card.name, card.phone.as_deref(), None)
                .is_some()
        });
    sorted.other_number = other_number;
    marked.into_iter().map(|(card, _)| card).collect()
}

/// A card to add, in a line: its name and number, and the role its note
/// gives when that is not the one she imports them as (a plan's own card
/// says "a professional", and comes back as one).
fn to_add_words(card: &Card, role: Role) -> String {
    let mut line = match &card.phone {
        Some(phone) => format!("{} · {}", clean(&card.name), clean(phone)),
        None => format!("{} · no number", clean(&card.name)),
    };
    if let Some(said) = card
        .role
        .filter(|said| *said != role && role != Role::DoNotInvolve)
        .and_then(vcard::in_a_crisis)
    {
        let _ = write!(line, " (the card says: {said})");
    }
    if let Some(hours) = &card.reachable {
        let _ = write!(line, " · {}", clean(hours));
    }
    line
}

/// The cards to add, and apart from them those who are someone marked "do
/// not involve" under another spelling or number (see
/// [`Plan::not_to_involve_like`]): never brought in as help (Shirin's
/// address book held `FN:نيما` for her `نیما`).
fn without_not_to_involve(plan: &Plan, cards: Vec<Card>, role: Role) -> (Vec<Card>, Vec<Card>) {
    if role == Role::DoNotInvolve {
        return (cards, Vec::new());
    }
    cards.into_iter().partition(|card| {
        plan.not_to_involve_like(&card.name, card.phone.as_deref(), None)
            .is_none()
    })
}

/// Brought in as people not to involve, the cards that would leave
/// someone she turns to off every screen (see [`Plan::newly_left_off`]),
/// each with that person's name and whether by number: set aside, never
/// imported in silence (Mulu's sister, her number typed another way).
/// Asked again until none is left, so two cards on one helper's number
/// are both set aside.
fn without_leaving_off(
    plan: &Plan,
    mut cards: Vec<Card>,
    role: Role,
) -> (Vec<Card>, Vec<(Card, String, bool)>) {
    let mut set_aside = Vec::new();
    if role != Role::DoNotInvolve {
        return (cards, set_aside);
    }
    loop {
        let mut after = plan.clone();
        after
            .contacts
            .extend(cards.iter().enumerate().map(|(i, card)| Contact {
                // No id a plan can hold: never taken for one of hers.
                id: format!("\u{0}{i}"),
                name: card.name.clone(),
                phone: card.phone.clone(),
                role,
                reachable: None,
            }));
        let mut found: Vec<(usize, String, bool)> = after
            .newly_left_off(plan)
            .into_iter()
            .filter_map(|left| {
                let i = left.them.id.strip_prefix('\u{0}')?.parse().ok()?;
                Some((i, left.helper.name.clone(), left.by_number))
            })
            .collect();
        if found.is_empty() {
            return (cards, set_aside);
        }
        found.sort_by_key(|(i, _, _)| std::cmp::Reverse(*i));
        found.dedup_by_key(|(i, _, _)| *i);
        for (i, helper, by_number) in found {
            set_aside.push((cards.remove(i), helper, by_number));
        }
        set_aside.sort_by_key(|(card, _, _)| card.position);
    }
}

/// Cards brought in as people to turn to whose name is one word of the
/// name of someone marked "do not involve" ("Dermot" beside "Dermot
/// Byrne"): maybe another Dermot, so brought in, but said before she is
/// asked to add them, with what takes one out again.
fn say_one_word_of_them(ctx: &mut Ctx, plan: &Plan, cards: &[Card], role: Role) -> Result<()> {
    if role == Role::DoNotInvolve {
        return Ok(());
    }
    let lines: Vec<String> = cards
        .iter()
        .filter_map(|card| {
            let them = plan.one_word_of_not_to_involve(&card.name)?;
            Some(format!(
                "{} (one word of the name of {}, whom you said not to involve)",
                clean(&card.name),
                crate::render::quoted(&them.name)
            ))
        })
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    ctx.say(&format!(
        "Worth a look: if one of these is someone you said not to involve, add the others only, or take them out after with `relapse-plan contact remove NAME`:\n{}",
        listed(lines)
    ))
}

/// Names each card [`without_leaving_off`] set aside, with the person it
/// would leave off and the command that adds it anyway (it asks first).
fn say_leaving_off(ctx: &mut Ctx, cards: &[(Card, String, bool)]) -> Result<()> {
    if cards.is_empty() {
        return Ok(());
    }
    let word = crate::render::rescue::shell_word;
    let lines = cards
        .iter()
        .map(|(card, helper, by_number)| {
            let number = card.phone.as_deref().map_or_else(|| "no number".to_string(), clean);
            let phone = card
                .phone
                .as_deref()
                .map(|p| format!(" --phone {}", word(p)))
                .unwrap_or_default();
            format!(
                "{} · {number} (the same {} as {}, someone you turn to. If that is right, `relapse-plan contact add --name {}{phone} --do-not-involve` asks whether to keep it)",
                clean(&card.name),
                if *by_number { "number" } else { "name" },
                crate::render::quoted(helper),
                word(&card.name),
            )
        })
        .collect();
    ctx.say(&format!(
        "Not imported: the number or name of someone you turn to, so they would be left off your crisis screen, card and printout:\n{}",
        listed(lines)
    ))
}

/// Names each card left out as someone not to involve, with her own
/// entry and how to change it if that has changed.
fn say_not_to_involve(ctx: &mut Ctx, plan: &Plan, cards: &[Card]) -> Result<()> {
    if cards.is_empty() {
        return Ok(());
    }
    let lines = cards
        .iter()
        .filter_map(|card| {
            let them = plan.not_to_involve_like(&card.name, card.phone.as_deref(), None)?;
            let number = card.phone.as_deref().map_or_else(
                || "no number".to_string(),
                clean,
            );
            Some(format!(
                "{} · {number} (you marked {} as someone not to involve. If that has changed, it is your choice: `relapse-plan contact edit {} --role help`, then import again)",
                clean(&card.name),
                clean(&them.name),
                plan.number_of::<Contact>(&them.id).unwrap_or(1),
            ))
        })
        .collect();
    ctx.say(&format!(
        "Not imported: someone you marked not to involve in a crisis, so never added as someone to turn to:\n{}",
        listed(lines)
    ))
}

/// What Ctrl-C at the import's question says: nothing was typed but a yes
/// or no, so stopping there loses nothing, and says exactly that.
const IMPORT_STOPPED: &str = "Stopped. Nothing was imported; your plan is as it was.";

/// Two people on one number are two people (a home landline), but she
/// should know: Trudy's "Xia" came in on Alex's number without a word.
fn say_shared_numbers(ctx: &mut Ctx, plan: &Plan, new: &[Card]) -> Result<()> {
    // Who holds each number, looked up once: linear in the plan and file.
    let mut holders = std::collections::HashMap::new();
    for c in &plan.contacts {
        if let Some(phone) = c.phone.as_deref() {
            let digits = crate::plan::vcard::digits(phone);
            if !digits.is_empty() {
                holders.entry(digits).or_insert(c);
            }
        }
    }
    let on_a_known_number: Vec<String> = new
        .iter()
        .filter_map(|card| {
            let holder = holders.get(&crate::plan::vcard::digits(card.phone.as_deref()?))?;
            Some(format!(
                "{} has the same number as {}, who is in your plan",
                crate::render::quoted(&card.name),
                crate::render::quoted(&holder.name)
            ))
        })
        .collect();
    if !on_a_known_number.is_empty() {
        ctx.say(&format!(
            "Both kept, as two people on one number (a home landline, say):\n{}",
            listed(on_a_known_number)
        ))?;
    }
    Ok(())
}

/// Asks on the terminal whether to add the `count` people listed.
/// Without a terminal, the command to use instead names her own file
/// (it said `FILE`).
fn confirm_import(ctx: &Ctx, (file, role): (&std::path::Path, Role), count: usize) -> Result<bool> {
    let mut ask = Terminal::open(ctx.style.plain, &ctx.term_env).ok_or_else(|| {
        let role = if role == Role::Help {
            String::new()
        } else {
            format!(" --role {}", role.key())
        };
        Error::NotATerminal {
            command: "contact import",
            instead: format!(
                "`relapse-plan contact import {}{role} --yes`",
                crate::render::rescue::path_word(file)
            )
            .into(),
        }
    })?;
    let people = match count {
        1 => "this person".to_string(),
        n => format!("these {n}"),
    };
    crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(IMPORT_STOPPED.into()));
    match ask.confirm(&format!("Add {people} to your plan?"), true) {
        Err(Error::Cancelled) => Err(Error::Stopped(IMPORT_STOPPED.into())),
        other => other,
    }
}

/// Names every number from the file that does not come in, and why: a
/// name already kept with another number, a card's second number.
fn say_not_imported(ctx: &mut Ctx, plan: &Plan, sorted: &vcard::Sorted) -> Result<()> {
    if !sorted.other_number.is_empty() {
        let lines = sorted
            .other_number
            .iter()
            .map(|(card, kept)| {
                let name = clean(&card.name);
                let number = card.phone.as_deref().map(clean).unwrap_or_default();
                // A name that only looks the same says so, and whose it is.
                let who = if crate::plan::same::same_text(&kept.name, &card.name) {
                    name.clone()
                } else {
                    format!("it looks the same as {}, who", clean(&kept.name))
                };
                match &kept.phone {
                    Some(kept) => format!(
                        "{name} · {number} ({who} is in your plan with {})",
                        clean(kept)
                    ),
                    None => format!("{name} · {number} ({who} is in your plan with no number)"),
                }
            })
            .collect();
        ctx.say(&format!(
            "Not imported: the same name as someone in your plan, with another number. A name in your plan stands for one number, so which to call is yours to say: `relapse-plan contact edit ID --phone \"…\"` changes the number kept, and `relapse-plan contact add --name \"…\" --phone \"…\"` adds this one under a name of its own.\n{}",
            listed(lines)
        ))?;
    }
    if !sorted.alike.is_empty() {
        ctx.say(&format!(
            "Not imported: cards in this file whose names look the same, with different numbers. On a screen or a phone they would show as one person, and the file does not say which number to call, so none of them was added. `relapse-plan contact add --name \"…\" --phone \"…\"` adds the one you mean (the other under a name of its own, if you want both):\n{}",
            listed(sorted.alike.iter().map(|group| alike_words(group)).collect())
        ))?;
    }
    if !sorted.own_number.is_empty() {
        ctx.say(&format!(
            "Their first number is someone else's too, so each comes in with their own number; the shared one is not imported for them:\n{}",
            listed(
                sorted
                    .own_number
                    .iter()
                    .map(|(name, own, shared)| format!(
                        "{} · {} (not {}, which is someone else's too)",
                        clean(name),
                        clean(own),
                        clean(shared)
                    ))
                    .collect()
            )
        ))?;
    }
    let more: Vec<String> = sorted
        .new
        .iter()
        .chain(&sorted.known)
        .chain(&sorted.twice)
        .chain(sorted.alike.iter().flatten())
        // No hint to add a second number of someone not to involve.
        .filter(|card| {
            plan.not_to_involve_like(&card.name, card.phone.as_deref(), None)
                .is_none()
        })
        .flat_map(|card| {
            card.other_phones
                .iter()
                .map(|number| format!("{} · {}", clean(&card.name), clean(number)))
        })
        .collect();
    if !more.is_empty() {
        ctx.say(&format!(
            "Not imported: a card's second number. A contact in your plan holds one number (the card's preferred one, else its first); `relapse-plan contact add --name \"…\" --phone \"…\"` adds another under a name of its own:\n{}",
            listed(more)
        ))?;
    }
    Ok(())
}

/// One group of look-alike cards from one file: each card with its
/// position and number, then how the names differ when they are not the
/// same letters ("“Аnna” has a Cyrillic letter").
fn alike_words(group: &[Card]) -> String {
    // A name a file repeats thousands of times is named by its first few.
    const SHOWN: usize = 5;
    let mut cards: Vec<String> = group
        .iter()
        .take(SHOWN)
        .map(|c| {
            format!(
                "card {}, {} · {}",
                c.position,
                clean(&shorten(&c.name)),
                c.phone.as_deref().map_or_else(|| "no number".into(), clean)
            )
        })
        .collect();
    if group.len() > SHOWN {
        let more = group.len() - SHOWN;
        cards.push(format!(
            "and {more} more {}",
            crate::render::noun(more, "card")
        ));
    }
    // Each card on a line of its own, so a name stays beside its number.
    let mut said = cards.join("\n  ");
    let first = &group[0].name;
    if let Some(other) = group.iter().map(|c| &c.name).find(|n| *n != first) {
        let _ = write!(
            said,
            "\n  ({})",
            crate::render::how_names_differ(first, other)
        );
    }
    said
}

/// A card with no name has nothing to call it by in a plan; its numbers
/// are named, so none goes missing unsaid.
fn say_nameless(nameless: &[vcard::Nameless], ctx: &mut Ctx) -> Result<()> {
    let said: Vec<String> = nameless
        .iter()
        .map(|card| match card.phones.as_slice() {
            [] => format!("card {}, with no name and no number", card.position),
            numbers => format!(
                "card {}, with {} {}",
                card.position,
                crate::render::noun(numbers.len(), "number"),
                numbers
                    .iter()
                    .map(|n| clean(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
        .collect();
    if !said.is_empty() {
        ctx.say(&format!(
            "Skipped, as they have no name to call them by in your plan (`relapse-plan contact add --name \"…\" --phone \"…\"` adds one under a name you choose):\n{}",
            listed(said)
        ))?;
    }
    Ok(())
}

/// The cards in the file that can be kept in a plan, and her own numbers
/// the plan's export wrote; says which can't, and why. An error when there
/// are none.
fn cards_to_keep(
    args: &ContactImport,
    role: Role,
    ctx: &mut Ctx,
) -> Result<(Vec<Card>, Vec<own_numbers::Mine>)> {
    let bytes = read_limited_as(&args.file, "a vCard file")?;
    let read = vcard::read_bytes(&bytes);
    if read.cards.is_empty() && read.nameless.is_empty() {
        return Err(Error::NoCards {
            path: args.file.clone(),
            seen: vcard::why_no_cards(&bytes),
        });
    }
    let cards_read = read.cards;
    if !read.nested.is_empty() {
        let lines = read
            .nested
            .iter()
            .map(|(outer, inner)| format!("card {inner} begins inside card {outer}"))
            .collect();
        ctx.say(&format!(
            "Read as cards of their own, each with its own numbers (a card inside another card, or a card whose END:VCARD line is missing):\n{}",
            listed(lines)
        ))?;
    }
    say_nameless(&read.nameless, ctx)?;
    // One card that can't be kept (a control character in a name, say)
    // never costs the others: it is listed with why, and the rest come in.
    let (mut cards, mut bad, mut tidied) = (Vec::new(), Vec::new(), Vec::new());
    let (mut guessed, mut plan_numbers, mut mine) = (Vec::new(), Vec::new(), Vec::new());
    for mut card in cards_read {
        // Hers (a mixed emergency card keeps her part): never a person.
        if let Some(own) = card.mine.take() {
            match vcard::card_problem(&card, role)
                .or_else(|| mine_problem(&own))
                .or_else(|| note_and_number_disagree(&card, &own))
            {
                Some(why) => bad.push(format!(
                    "card {}, {}: {why}",
                    card.position,
                    clean(&shorten(&card.name))
                )),
                None => mine.push(own),
            }
            continue;
        }
        if card.plan_number {
            plan_numbers.push(format!(
                "card {}, {}",
                card.position,
                crate::render::quoted(&shorten(&card.name))
            ));
            continue;
        }
        if let Some(why) = vcard::card_problem(&card, role) {
            bad.push(format!(
                "card {}, {}: {why}",
                card.position,
                clean(&shorten(&card.name))
            ));
            continue;
        }
        if card.guessed_windows_1252 {
            guessed.push(format!(
                "card {}, {}",
                card.position,
                crate::render::quoted(&shorten(&card.name))
            ));
        }
        if card.hidden_left_out {
            tidied.push(format!(
                "the name on card {} held hidden characters; they were left out, so it reads {}",
                card.position,
                crate::render::quoted(&shorten(&card.name))
            ));
        }
        cards.push(card);
    }
    if !bad.is_empty() {
        ctx.say(&format!(
            "Skipped, as they can't be kept in a plan as they are:\n{}",
            listed(bad)
        ))?;
    }
    // The emergency number and crisis lines a plan's export wrote are no
    // people: `now` gives them from the plan and its country, and as a
    // helper "Emergency · 111" stayed after a move to another country.
    if !plan_numbers.is_empty() {
        ctx.say(&format!(
            "Not imported, as they are an emergency number or a crisis line that relapse-plan wrote, not people (`relapse-plan now` shows your country's; `relapse-plan set --emergency-number` or `--own-line` keeps one of your own):\n{}",
            listed(plan_numbers)
        ))?;
    }
    // Characters that do not show (zero-width spaces, direction controls)
    // could make one name look like another; they are left out, and said.
    if !tidied.is_empty() {
        ctx.say(&format!(
            "Names tidied, as characters that do not show could make one name look like another:\n{}",
            listed(tidied)
        ))?;
    }
    // A name not in UTF-8 that names no character set: read as
    // Windows-1252, which older Windows programs write, and said, as it
    // is a guess.
    if !guessed.is_empty() {
        ctx.say(&format!(
            "Read as Windows-1252 (the way older Windows programs save text), as these names are not in UTF-8 and the file does not say what they are in. Check each reads right; `relapse-plan contact edit ID --name \"…\"` mends one:\n{}",
            listed(guessed)
        ))?;
    }
    if cards.is_empty() && mine.is_empty() {
        return Err(Error::NoneImportable {
            path: args.file.clone(),
        });
    }
    Ok((cards, mine))
}

/// Why a number of hers from a file can't come back into the plan: one
/// that does not dial what it shows, or is too long, is never taken in
/// (the export writes neither, so the file was changed since).
/// A card of hers whose note names numbers none of its own numbers are:
/// she may have corrected the number on her phone and left the note, and
/// the note's old number would have come in over the one her phone dials
/// (Trudy, round C). Neither is taken: she is asked to check.
fn note_and_number_disagree(card: &Card, mine: &own_numbers::Mine) -> Option<String> {
    let dialled: Vec<&str> = card
        .phone
        .iter()
        .chain(&card.other_phones)
        .map(String::as_str)
        .collect();
    let said: Vec<&str> = match mine {
        own_numbers::Mine::Emergency { number, .. } => vec![number.as_str()],
        own_numbers::Mine::Line(line) => line
            .call
            .iter()
            .chain(&line.text)
            .map(String::as_str)
            .collect(),
    };
    let agree = dialled.is_empty()
        || said.iter().any(|n| {
            dialled
                .iter()
                .any(|d| crate::plan::same::same_number(n, d, None))
        });
    (!agree).then(|| {
        format!(
            "its note says {}, but the number on the card is {}: check which is right, then add it with `relapse-plan set`",
            said.iter().map(|n| clean(n)).collect::<Vec<_>>().join(" or "),
            dialled.iter().map(|n| clean(n)).collect::<Vec<_>>().join(" or ")
        )
    })
}

fn mine_problem(mine: &own_numbers::Mine) -> Option<String> {
    let (numbers, source): (Vec<&String>, _) = match mine {
        own_numbers::Mine::Emergency { number, source } => (vec![number], source),
        own_numbers::Mine::Line(line) => {
            (line.call.iter().chain(&line.text).collect(), &line.source)
        }
    };
    if source
        .as_deref()
        .is_some_and(|s| s.chars().any(|c| c.is_control() && c != '\t'))
    {
        return Some("where it was found holds a control character (such as an escape)".into());
    }
    numbers.into_iter().find_map(|number| {
        let shown = clean(number);
        if number.contains(vcard::UNREADABLE) {
            return Some(format!(
                "its number `{shown}` holds {}",
                vcard::UNREADABLE_WORDS
            ));
        }
        let length = number.chars().count();
        if length > vcard::MAX_PHONE {
            return Some(format!(
                "its number is {length} characters long; a number in a plan holds at most {}",
                vcard::MAX_PHONE
            ));
        }
        phone::trouble(number).map(|trouble| format!("its number `{shown}` {}", trouble.words()))
    })
}

/// Numbers from another program are not trusted as they look: what does
/// not show is taken out (what is left is what a phone would dial), and a
/// number that holds letters or look-alike digits, or nothing to dial, is
/// named so the person checks it. Returns those lines.
fn tidy_numbers(cards: &mut [Card]) -> Vec<String> {
    let mut doubtful = Vec::new();
    for card in cards {
        let Some(number) = card.phone.clone() else {
            continue;
        };
        let name = clean(&shorten(&card.name));
        let tidied = phone::without_hidden(&number);
        let shown = clean(&number);
        if number.contains(vcard::UNREADABLE) {
            doubtful.push(format!(
                "{name}: its number `{shown}` holds {}, so it was left out rather than kept with digits missing",
                vcard::UNREADABLE_WORDS
            ));
            card.phone = None;
            continue;
        }
        if !phone::has_digits(&tidied) {
            doubtful.push(format!(
                "{name}: its number `{shown}` holds no digits, so it was left out"
            ));
            card.phone = None;
            continue;
        }
        if tidied != number.trim() {
            doubtful.push(format!(
                "{name}: its number `{shown}` held hidden characters; kept as `{}`",
                clean(&tidied)
            ));
        } else if let Some(trouble) = phone::trouble(&tidied) {
            doubtful.push(format!("{name}: its number `{shown}` {}", trouble.words()));
        }
        card.phone = Some(tidied);
    }
    doubtful
}

/// A list of names for a message, one a line, indented; a long list shows
/// its first twenty and how many more, so a big file never floods the screen.
fn listed(lines: Vec<String>) -> String {
    const SHOWN: usize = 20;
    let more = lines.len().saturating_sub(SHOWN);
    let mut shown: Vec<String> = lines
        .into_iter()
        .take(SHOWN)
        .map(|l| format!("  {l}"))
        .collect();
    if more > 0 {
        shown.push(format!("  … and {more} more"));
    }
    shown.join("\n")
}

/// A name cut short for a message about it.
fn shorten(name: &str) -> String {
    crate::prompt::shorten(name, 60)
}

/// Writes the plan's people (never anyone marked "do not involve") and the
/// country's crisis lines as vCard 3.0, for a phone.
fn export(args: &ContactExport, ctx: &mut Ctx) -> Result<()> {
    let to_file = args.output.as_deref().filter(|p| !is_stdout(p));
    if let Some(path) = to_file {
        super::check_output_as(
            ctx,
            path,
            args.force,
            (&["vcf", "vcard"], "a contacts file"),
        )?;
    }
    let plan = ctx.load()?.plan;
    // Only people with a part in a crisis: the role decides, so someone not
    // to involve can never reach a phone as help.
    let mut people: Vec<&Contact> = plan
        .contacts
        .iter()
        .filter(|c| vcard::in_a_crisis(c.role).is_some())
        .collect();
    people.sort_by_key(|c| match c.role {
        Role::Help => 0,
        Role::Professional => 1,
        Role::Distraction | Role::DoNotInvolve => 2,
    });
    let (people, no_number): (Vec<&Contact>, Vec<&Contact>) = people
        .into_iter()
        .partition(|c| c.phone.as_deref().is_some_and(|p| !p.trim().is_empty()));
    // A number that does not dial what it shows is never handed to a phone,
    // where it would look right and call someone else, or no one.
    let (people, doubtful): (Vec<&Contact>, Vec<&Contact>) = people
        .into_iter()
        .partition(|c| phone::trouble(c.phone.as_deref().unwrap_or_default()).is_none());
    // Whom `now` leaves off, as their name or number is also that of
    // someone not to involve (a shared phone), never reaches a phone as
    // help either (Trudy: the export wrote the sister sharing the ex's
    // number as "someone who helps", said nowhere).
    let hidden: std::collections::HashSet<&str> = plan
        .helpers_not_to_involve()
        .into_iter()
        .map(|(helper, _)| helper.id.as_str())
        .collect();
    let (hidden, people): (Vec<&Contact>, Vec<&Contact>) = people
        .into_iter()
        .partition(|c| hidden.contains(c.id.as_str()));
    if !hidden.is_empty() {
        let names: Vec<String> = hidden.iter().map(|c| clean(&c.name)).collect();
        ctx.say(&format!(
            "Not written, as their name or number is also that of someone you marked not to involve (`relapse-plan now` leaves them off too; `relapse-plan show` says how to put it right): {}.",
            names.join(", ")
        ))?;
    }
    let mut entries = people_cards(&people, ctx)?;
    let lines = ctx.crisis_lines(plan.country.as_deref());
    let numbers = numbers_cards(&plan, lines.as_ref(), ctx)?;
    let written = numbers.count(people.len());
    numbers.append_to(&mut entries);
    if !no_number.is_empty() {
        let names: Vec<String> = no_number.iter().map(|c| clean(&c.name)).collect();
        ctx.say(&format!(
            "Not written, as they have no number in your plan: {}.",
            names.join(", ")
        ))?;
    }
    if !doubtful.is_empty() {
        let names: Vec<String> = doubtful
            .iter()
            .map(|c| {
                let number = c.phone.as_deref().unwrap_or_default();
                let why = phone::trouble(number).map_or("", phone::Trouble::words);
                format!("  {} · {}: it {why}", clean(&c.name), clean(number.trim()))
            })
            .collect();
        ctx.say(&format!(
            "Not written, as their number does not dial what it shows; check it and mend it with `relapse-plan contact edit ID --phone \"…\"` (`relapse-plan contact list` shows the ids):\n{}",
            names.join("\n")
        ))?;
    }
    if entries.is_empty() {
        return Err(Error::NothingToExport);
    }
    let text = vcard::write(&entries);
    let Some(path) = to_file else {
        ctx.out.write_all(text.as_bytes()).map_err(Error::Stdout)?;
        return Ok(());
    };
    super::write_to(ctx, path, text.as_bytes(), "your contacts", |shown| {
        format!(
            "Wrote {written} to `{shown}`, in the group \"{}\". It holds private health information (who supports you in a crisis): keep it where only you choose who sees it, and remember a phone may sync its contacts to an online account.",
            vcard::CATEGORY
        )
    })
}

/// The cards for the numbers on her plan that are not people: the
/// emergency number, the country's checked lines, and the lines she
/// added herself (Layla, in Egypt, and Wei had only their own, and they
/// were left out of her phone).
struct NumberCards {
    emergency: Option<vcard::Entry>,
    checked: Vec<vcard::Entry>,
    own: Vec<vcard::Entry>,
}

impl NumberCards {
    /// What was written, in words: "3 people, 2 crisis lines (1 you
    /// added) and the emergency number".
    fn count(&self, people: usize) -> String {
        let mut parts = Vec::new();
        if people > 0 {
            parts.push(match people {
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            });
        }
        let lines = self.checked.len() + self.own.len();
        if lines > 0 {
            let mut said = format!("{lines} crisis {}", crate::render::noun(lines, "line"));
            match (self.own.len(), self.checked.len()) {
                (0, _) => {}
                (1, 0) => said.push_str(" (you added it)"),
                (_, 0) => said.push_str(" (you added them)"),
                (own, _) => {
                    let _ = write!(said, " ({own} you added)");
                }
            }
            parts.push(said);
        }
        if self.emergency.is_some() {
            parts.push("the emergency number".to_string());
        }
        match parts.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => "nothing".to_string(),
        }
    }

    /// Puts the cards after the people's: the emergency number, then the
    /// checked lines, then hers.
    fn append_to(self, entries: &mut Vec<vcard::Entry>) {
        entries.extend(self.emergency);
        entries.extend(self.checked);
        entries.extend(self.own);
    }
}

/// Her own numbers as the export writes them: one that is the number of
/// someone she marked "do not involve" (a hand edit) is left off, as
/// `now` leaves it off, and said. Written, it reached her phone as a
/// crisis line that dials him (Trudy).
fn own_numbers_to_write(plan: &Plan, ctx: &mut Ctx) -> Result<crate::plan::OwnLines> {
    use crate::plan::own_doubt::OwnDoubt;
    let theirs = |number: &mut Option<String>| {
        let held = number
            .as_deref()
            .is_some_and(|n| matches!(plan.own_number_doubt(n), Some(OwnDoubt::NotToInvolve(_))));
        held.then(|| number.take()).is_some()
    };
    let mut own = plan.own_lines.clone();
    let mut left = Vec::new();
    if theirs(&mut own.emergency) {
        left.push("your emergency number".to_string());
    }
    for line in &mut own.lines {
        let name = crate::render::quoted(&line.name);
        match (theirs(&mut line.call), theirs(&mut line.text)) {
            (true, true) => left.push(format!("your crisis line {name} (to call and to text)")),
            (true, false) => left.push(format!("your crisis line {name} (to call)")),
            (false, true) => left.push(format!("your crisis line {name} (to text)")),
            (false, false) => {}
        }
    }
    own.lines.retain(|l| l.call.is_some() || l.text.is_some());
    if !left.is_empty() {
        ctx.say(&format!(
            "Not written, as it is the number of someone you said not to involve (`relapse-plan now` leaves it off too): {}. `relapse-plan set` puts the right number in (`--emergency-number`, or `--remove-own-line` and `--own-line`).",
            crate::render::and_list(&left)
        ))?;
    }
    Ok(own)
}

/// The cards for the emergency number and the crisis lines, saying what
/// is not among them and why: a number of her own that does not dial what
/// it shows, no country, a country with no checked lines.
fn numbers_cards(
    plan: &Plan,
    lines: Option<&crate::crisis_lines::CountryLines>,
    ctx: &mut Ctx,
) -> Result<NumberCards> {
    let own = &own_numbers_to_write(plan, ctx)?;
    let mut unwritten = Vec::new();
    let cards = NumberCards {
        emergency: vcard::emergency(lines, own, &mut unwritten),
        checked: lines.map_or_else(Vec::new, |l| {
            l.lines.iter().map(|l| vcard::crisis_line(l)).collect()
        }),
        own: own
            .lines
            .iter()
            .filter_map(|l| vcard::own_line(l, &mut unwritten))
            .collect(),
    };
    if !unwritten.is_empty() {
        let names: Vec<String> = unwritten
            .iter()
            .map(|u| {
                format!(
                    "  {} · {}: it {}",
                    clean(&u.name),
                    clean(&u.number),
                    u.trouble.words()
                )
            })
            .collect();
        ctx.say(&format!(
            "Not written, as these numbers you added do not dial what they show; check them and mend them with `relapse-plan set` (`--emergency-number`, or `--remove-own-line` and `--own-line`):\n{}",
            names.join("\n")
        ))?;
    }
    let has_own = !own.lines.is_empty();
    let country =
        |code: &str| crate::plan::country::name(code).map_or_else(|| clean(code), str::to_string);
    match lines {
        None if has_own => ctx.say("No country is set, so no checked crisis lines are included, only the ones you added (`--country CC` or `relapse-plan set --country CC`).")?,
        None => ctx.say("No country is set, so no crisis lines are included (`--country CC` or `relapse-plan set --country CC`).")?,
        Some(l) if l.lines.is_empty() && has_own => ctx.say(&format!(
            "No crisis lines are checked for {} yet, so only the ones you added are included.",
            country(&l.country)
        ))?,
        Some(l) if l.lines.is_empty() => ctx.say(&format!(
            "No crisis lines are checked for {} yet, so none are included.",
            country(&l.country)
        ))?,
        Some(_) => {}
    }
    if let Some(l) = lines
        && cards.emergency.is_none()
        && own.emergency.is_none()
    {
        ctx.say(&format!(
            "No emergency number is known for {}, so none is included: `relapse-plan set --emergency-number NUMBER` adds the one you would call.",
            country(&l.country)
        ))?;
    }
    Ok(cards)
}

/// The cards for `people`. Two people whose names look the same on a
/// phone, one with a hidden character ("Dave\u{200b} Last" and "Dave
/// Last"), are written with it written out, and said so, so a phone never
/// shows two of one name. Two in alphabets that look alike ("Dаve Last"
/// with a Cyrillic а) are told apart by naming the letters on the one that
/// has them: "Dаve Last (with a Cyrillic letter)".
fn people_cards(people: &[&Contact], ctx: &mut Ctx) -> Result<Vec<vcard::Entry>> {
    let mut alphabets: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    for (a, b) in lookalike::pairs(people.iter().copied()) {
        if let lookalike::Difference::Scripts(of_a, of_b) = lookalike::difference(&a.name, &b.name)
        {
            for (c, found) in [(a, of_a), (b, of_b)] {
                if !found.is_empty() {
                    alphabets.insert(c.id.as_str(), crate::render::letters(&found));
                }
            }
        }
    }
    let look_alike: HashSet<&str> = lookalike::disguised(people.iter().copied())
        .into_iter()
        .collect();
    let disguised =
        |c: &Contact| look_alike.contains(c.id.as_str()) && lookalike::has_hidden(&c.name);
    let entries = people
        .iter()
        .filter_map(|c| {
            let mut entry = vcard::person(c)?;
            if disguised(c) {
                entry.name = clean(&c.name);
            }
            if let Some(letters) = alphabets.get(c.id.as_str()) {
                entry.name = format!("{} (with {letters})", entry.name);
            }
            Some(entry)
        })
        .collect();
    let names: Vec<String> = people
        .iter()
        .filter(|c| disguised(c))
        .map(|c| clean(&c.name))
        .collect();
    if !names.is_empty() {
        ctx.say(&format!(
            "Written with their hidden characters shown (like \\u{{200b}}), as their names look the same as another person's: {}. To mend a name: `relapse-plan contact edit ID --name \"…\"` (`relapse-plan contact list` shows the ids).",
            names.join(", ")
        ))?;
    }
    let marked: Vec<String> = people
        .iter()
        .filter_map(|c| {
            let letters = alphabets.get(c.id.as_str())?;
            Some(format!(
                "{} (with {letters})",
                crate::render::quoted(&c.name)
            ))
        })
        .collect();
    if !marked.is_empty() {
        ctx.say(&format!(
            "Written with their letters named, as their names look the same as another person's on a phone: {}. To mend a name: `relapse-plan contact edit ID --name \"…\"` (`relapse-plan contact list` shows the ids).",
            marked.join(", ")
        ))?;
    }
    Ok(entries)
}
