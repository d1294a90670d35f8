//! Her reasons on the wallet card and the lock screen keep her order:
//! the first ones stay, those left off are the last, and what is said is
//! what the card and the image hold (card18h, fresh eyes: Olena, Kavya).

use crate::{Env, one_line, pdftotext};

/// Olena (Berlin, Ukrainian): her first reason is the shortest, her
/// daughter; the next two are long.
fn olena() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Олена", "--country", "DE"]);
    for (name, phone, role) in [
        ("Ірина (сестра)", "+49 151 23456789", "help"),
        ("Андрій з роботи", "+49 152 98765432", "help"),
        (
            "Д-р Шмідт, психотерапевтка",
            "+49 30 1234567",
            "professional",
        ),
    ] {
        env.ok([
            "contact", "add", "--name", name, "--phone", phone, "--role", role,
        ]);
    }
    for step in [
        "Зупинитися і вийти з дому на свіже повітря",
        "Подихати: вдих на 4, видих на 6, десять разів",
        "Подзвонити Ірині",
        "Якщо Ірина не відповідає, подзвонити Андрію",
        "Подзвонити в TelefonSeelsorge 0800 111 0 111",
    ] {
        env.ok(["step", "add", step]);
    }
    for reason in [
        "Моя донька Соня",
        "Щоб мама в Україні не хвилювалася і могла спокійно спати вночі, знаючи, що я в порядку",
        "Хочу відкласти гроші на курси німецької і знайти роботу за своєю професією тут, у Берліні",
    ] {
        env.ok(["reason", "add", reason]);
    }
    env
}

const REASONS: [&str; 3] = [
    "Моя донька Соня",
    "Щоб мама в Україні не хвилювалася",
    "Хочу відкласти гроші на курси німецької",
];

/// Her reasons as `text` holds them: those there are her first ones, in
/// her order (front, then back), and each one left off is said by its
/// number, never as "a reason".
#[track_caller]
fn first_ones_in_order(text: &str, said: &str, what: &str) {
    let text = one_line(text);
    let said = one_line(said);
    let at: Vec<Option<usize>> = REASONS.iter().map(|r| text.find(r)).collect();
    assert!(
        at[0].is_some(),
        "{what}: her first reason, her daughter:\n{text}\n{said}"
    );
    let kept = at.iter().take_while(|a| a.is_some()).count();
    assert!(
        at[kept..].iter().all(Option::is_none),
        "{what}: a later reason kept where an earlier one was not: {at:?}\n{text}"
    );
    assert!(
        at[..kept].windows(2).all(|w| w[0] < w[1]),
        "{what}: in her order: {at:?}\n{text}"
    );
    let left = match kept {
        3 => None,
        2 => Some("left off: reason 3 (no room at a legible size); the full plan has it whole."),
        _ => Some(
            "left off: reasons 2 and 3 (no room at a legible size); the full plan has them whole.",
        ),
    };
    if let Some(left) = left {
        assert!(said.contains(left), "{what}: {left}:\n{said}");
    }
    assert!(!said.contains("a reason"), "{what}: {said}");
    assert!(!said.contains("1 reason"), "{what}: {said}");
}

/// Olena's PDF card showed her 2nd and 3rd reasons and left off her
/// first ("left off: a reason"); the text card kept it. Both now keep her
/// first, in her order, and say which are left off.
#[test]
fn the_card_keeps_her_first_reason_and_leaves_off_from_the_end() {
    let env = olena();
    let pdf = env.home().join("card.pdf");
    let said = env
        .test(["print", "--card", "-o", pdf.to_str().unwrap()])
        .run()
        .stderr;
    first_ones_in_order(&pdftotext(&pdf), &said, "PDF card");
    let shown = env.test(["print", "--card", "--format", "text"]).run();
    first_ones_in_order(&shown.stdout, &shown.stderr, "text card");
}

/// Kavya (Chennai, Tamil): her lock screen was said to have shortened
/// her first reason and left off "1 reason" and "a reason", and showed
/// none. With more steps than the screen holds, her reasons are said
/// once, as left off (the unit tests in src/render/phone.rs read the
/// drawing itself); her helper's long name is drawn whole when the
/// screen has room.
#[test]
fn the_lock_screen_says_once_what_it_left_of_her_reasons() {
    let env = Env::new();
    env.ok(["init", "--name", "காவ்யா", "--country", "IN"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "மீனா ராமச்சந்திரன் (colleague)",
        "--phone",
        "+91 98765 43210",
        "--role",
        "help",
    ]);
    for i in 1..=9 {
        env.ok([
            "step",
            "add",
            &format!("படி {i}: மெதுவாக மூச்சு விடு, நான்கு உள்ளே, ஆறு வெளியே, பத்து முறை"),
        ]);
    }
    env.ok([
        "reason",
        "add",
        "என் தம்பி அருண், அவன் என்னை நம்புகிறான், நான் அவனுக்காக இங்கே இருக்க வேண்டும், அவன் படிப்பை முடிக்கும் வரை",
    ]);
    env.ok(["reason", "add", "என் பூனை"]);
    let file = env.home().join("lock.png");
    let said = env
        .test(["print", "--card", "-o", file.to_str().unwrap()])
        .run()
        .stderr;
    let said = one_line(&said);
    let reasons: Vec<&str> = said
        .split("On the lock screen, ")
        .filter_map(|s| s.split_once(';').map(|(note, _)| note))
        .filter(|s| s.contains("reason") || s.contains("why it matters"))
        .collect();
    assert_eq!(
        reasons,
        ["left off: 2 reasons (no room at a legible size)"],
        "{said}"
    );
    // With two steps, her helper's name is drawn whole on two lines: it
    // was cut to "(colleg…" at the card's width.
    for _ in 3..=9 {
        env.ok(["step", "remove", "3"]);
    }
    let said = env
        .test(["print", "--card", "-o", file.to_str().unwrap(), "--force"])
        .run()
        .stderr;
    assert!(!said.contains("shortened: the name"), "{said}");
}
