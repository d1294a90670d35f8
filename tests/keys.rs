//! Issue 13, the keys: what a person's fingers do at the line editor and
//! the menus, in a real pseudo-terminal (rexpect), and in tmux where the
//! screen itself has to be read (a resized window, a wide character at the
//! edge). Mei writes Traditional Chinese, emoji and Arabic.

use crate::one_line as one_line_of;
use std::fs;
use std::time::Duration;

use rexpect::session::PtySession;

use crate::{Env, Pty, Test};

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const LEFT: &str = "\x1b[D";
const ENTER: &str = "\r";
const BACKSPACE: &str = "\x7f";

/// `test` at a terminal, without colour, in Mei's Traditional Chinese locale.
fn at_terminal(test: Test) -> Test {
    test.env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("LANG", "zh_TW.UTF-8")
}

/// `relapse-plan ARGS` [`at_terminal`], to end with exit status 0.
fn spawn(env: &Env, args: &[&str], strip_ansi: bool) -> Pty {
    stopped_or_not(env, args, strip_ansi, 0)
}

/// `relapse-plan ARGS` [`at_terminal`], to end with exit status `code`
/// (130 when the test stops it with Ctrl-C).
fn stopped_or_not(env: &Env, args: &[&str], strip_ansi: bool, code: i32) -> Pty {
    let test = at_terminal(env.test(args)).status(code);
    if strip_ansi {
        test.pty()
    } else {
        test.pty_raw()
    }
}

/// Waits for `prompt`, then types `keys` a moment later, as a person would.
#[track_caller]
fn answer(p: &mut PtySession, prompt: &str, keys: &str) {
    if let Err(e) = p.exp_string(prompt) {
        panic!("waiting for {prompt:?}: {e}");
    }
    std::thread::sleep(Duration::from_millis(150));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Sends `keys` now.
fn press(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// `text` as rexpect reads it back: each byte of its UTF-8 a character.
fn seen(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// `new` up to its first text question about reasons.
fn to_reasons(p: &mut PtySession) {
    answer(p, "Which country are you in?", ENTER);
    answer(p, "Your name on the plan?", "美玲\r");
}

fn draft(env: &Env) -> String {
    fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap()
}

/// A pasted block of several lines goes into the answer being typed (its
/// line breaks become spaces) and never answers the questions after it;
/// bracketed paste is turned on while a question reads, and off again.
#[test]
fn a_pasted_block_stays_in_the_answer_it_was_pasted_into() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], false, 130);
    to_reasons(&mut p);
    // The terminal marks a paste when the program asked it to.
    p.exp_string("\x1b[?2004h").unwrap();
    answer(
        &mut p,
        "What keeps you going?",
        "\x1b[200~我的女兒 👩‍👩‍👧\r\n私人筆記\rrm -rf ~\n\x1b[201~",
    );
    std::thread::sleep(Duration::from_millis(300));
    press(&mut p, ENTER);
    let shown = p.exp_string(&seen("✔ What keeps you going? · ")).unwrap();
    assert!(!shown.contains("What next?"), "{shown:?}");
    // And she is told the lines became one answer.
    p.exp_string("(The pasted lines are one answer, joined with spaces.)")
        .unwrap();
    // The next question is asked, empty: nothing pasted answered it.
    answer(&mut p, "What keeps you going?", "\x03");
    let rest = p.eof();
    assert!(
        rest.contains("\x1b[?2004l"),
        "bracketed paste off: {rest:?}"
    );
    let draft = draft(&env);
    assert!(draft.contains("我的女兒 👩‍👩‍👧 私人筆記 rm -rf ~\""), "{draft}");
    assert_eq!(draft.matches("rm -rf").count(), 1, "{draft}");
}

/// Trudy typed (unmarked) a clipboard write into her name, and pasted
/// (marked) another with a zero-width space into a reason: the walk-through
/// kept each payload ("Tru52;c;aGFjaw==dyX") and the hidden characters.
/// Now an escape sequence goes whole, typed or pasted, and what does not
/// show is left out of the answer and said, as on the command line.
#[test]
fn pasted_escape_sequences_and_hidden_characters_stay_out_of_answers() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], false, 130);
    answer(&mut p, "Which country are you in?", ENTER);
    answer(
        &mut p,
        "Your name on the plan?",
        "Tru\x1b]52;c;aGFjaw==\x07dyX\u{202e}\r",
    );
    p.exp_string(&seen("✔ Your name on the plan? (optional) · TrudyX"))
        .unwrap();
    p.exp_string("They were left out").unwrap();
    answer(
        &mut p,
        "What keeps you going?",
        "\x1b[200~My kids \x1b]52;c;aGk=\x07red and \u{200b}zw\x1b[201~",
    );
    std::thread::sleep(Duration::from_millis(300));
    press(&mut p, ENTER);
    p.exp_string(&seen("✔ What keeps you going? · My kids red and zw"))
        .unwrap();
    p.exp_string("They were left out").unwrap();
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    let draft = draft(&env);
    assert!(draft.contains("\"TrudyX\""), "{draft}");
    assert!(draft.contains("\"My kids red and zw\""), "{draft}");
    for stray in ["52;c", "aGk=", "\u{202e}", "\u{200b}", "\u{7}"] {
        assert!(!draft.contains(stray), "{stray:?} in {draft}");
    }
}

/// Trudy pasted a right-to-left override into her name: the line editor
/// echoed it raw while she typed, turning what followed around (it was
/// left out only on Enter). It is shown as a visible marker while she
/// types, never raw, and still left out of the answer.
#[test]
fn a_pasted_override_is_shown_harmlessly_while_typing() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], false, 130);
    answer(&mut p, "Which country are you in?", ENTER);
    answer(&mut p, "Your name on the plan?", "Tru\u{202e}dy\u{2067}X");
    let echoed = p.exp_string(&seen("Tru\u{fffd}dy\u{fffd}X")).unwrap();
    for raw in ["\u{202e}", "\u{2067}"] {
        assert!(!echoed.contains(&seen(raw)), "{raw:?} echoed: {echoed:?}");
    }
    press(&mut p, ENTER);
    p.exp_string(&seen("✔ Your name on the plan? (optional) · TrudyX"))
        .unwrap();
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    assert!(draft(&env).contains("\"TrudyX\""), "{}", draft(&env));
}

/// Mei pasted three lines, cleared them (Ctrl-U) and typed her own
/// words: the note that pasted lines were joined stuck to her own answer.
/// It is said only when the pasted lines are still in the answer.
#[test]
fn a_paste_cleared_away_leaves_no_note_about_pasting() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], false, 130);
    to_reasons(&mut p);
    answer(
        &mut p,
        "What keeps you going?",
        "\x1b[200~第一行\n第二行\n第三行\x1b[201~",
    );
    std::thread::sleep(Duration::from_millis(300));
    press(&mut p, "\x15晓晓和我的猫🐱\r");
    p.exp_string(&seen("✔ What keeps you going? · 晓晓和我的猫🐱"))
        .unwrap();
    let between = p.exp_string("What keeps you going?").unwrap();
    assert!(!between.contains("pasted lines"), "{between:?}");
    std::thread::sleep(Duration::from_millis(150));
    press(&mut p, "\x03");
    p.eof();
    let draft = draft(&env);
    assert!(draft.contains("\"晓晓和我的猫🐱\""), "{draft}");
    assert!(!draft.contains("第一行"), "{draft}");
}

/// Keys typed at a question and not read when it ends (here after Ctrl-C)
/// are thrown away: they never reach the shell that runs next.
#[test]
fn nothing_typed_reaches_the_shell_afterwards() {
    let env = Env::new();
    let mut p = at_terminal(
        env.program("bash")
            .args([
                "--norc",
                "-c",
                "\"$0\" new; read -r -t 2 rest; echo \"AFTER:[$rest]\"",
            ])
            .arg(crate::bin()),
    )
    .pty();
    answer(&mut p, "Which country are you in?", ENTER);
    answer(&mut p, "Your name on the plan?", "\x03echo LEAKED\n");
    p.exp_string("Stopped.").unwrap();
    let rest = p.eof();
    assert!(rest.contains("AFTER:[]"), "{rest:?}");
}

/// Keys typed before a menu is drawn (here straight after the Enter that
/// answered the question before it) never choose in it.
#[test]
fn keys_typed_before_a_menu_is_drawn_never_choose_in_it() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], true, 130);
    to_reasons(&mut p);
    answer(&mut p, "What keeps you going?", "每天散步\r");
    // Enter on the empty line, and at once Down and Enter for the menu
    // that is not on screen yet.
    answer(
        &mut p,
        "What keeps you going?",
        &format!("{ENTER}{DOWN}{ENTER}"),
    );
    p.exp_string("What next?").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    press(&mut p, ENTER);
    let shown = p.exp_string("A sign that things are sliding?").unwrap();
    assert!(
        shown.contains(&seen("What next? · Done with this section")),
        "{shown}"
    );
    assert!(!shown.contains(&seen("· Add more")), "{shown}");
    p.send_control('c').unwrap();
    p.eof();
}

/// In a menu of one choice only Enter picks (Space does nothing), and the
/// cursor stops at the ends: Up on the first choice stays on it.
#[test]
fn menus_stop_at_their_ends_and_only_enter_picks() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], true, 130);
    to_reasons(&mut p);
    answer(&mut p, "What keeps you going?", "每天散步\r");
    answer(&mut p, "What keeps you going?", ENTER);
    answer(&mut p, "What next?", &format!("{DOWN} {UP}{UP}{UP}"));
    std::thread::sleep(Duration::from_millis(500));
    press(&mut p, ENTER);
    let shown = p.exp_string("A sign that things are sliding?").unwrap();
    assert!(
        shown.contains(&seen("What next? · Done with this section")),
        "{shown}"
    );
    assert!(!shown.contains(&seen("· Add more")), "{shown}");
    assert!(!shown.contains(&seen("· Remove one")), "{shown}");
    p.send_control('c').unwrap();
    p.eof();
}

/// Backspace, Delete and the arrows take a whole grapheme: a letter with a
/// combining accent, an emoji made of several code points.
#[test]
fn editing_keys_take_whole_graphemes() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], true, 130);
    to_reasons(&mut p);
    // "Cafe" + combining acute, a family emoji (five code points), "x".
    answer(
        &mut p,
        "What keeps you going?",
        &format!("Cafe\u{301} 👩\u{200d}👩\u{200d}👧x{BACKSPACE}{BACKSPACE}{LEFT}{LEFT}!\r"),
    );
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    let draft = draft(&env);
    assert!(draft.contains("\"Caf!e\u{301}\""), "{draft}");
}

/// Ctrl-W, Ctrl-K, Ctrl-U, Ctrl-A and Ctrl-E do what they do in a shell;
/// Ctrl-D on an empty line skips, as Esc does (the screen says so).
#[test]
fn readline_keys_edit_the_line() {
    let env = Env::new();
    let mut p = stopped_or_not(&env, &["new"], true, 130);
    answer(&mut p, "Which country are you in?", ENTER);
    // Ctrl-D on the empty name line: skipped, as Esc.
    answer(&mut p, "Your name on the plan?", "\x04");
    p.exp_string(&seen("Your name on the plan? (optional) · skipped"))
        .unwrap();
    answer(
        &mut p,
        "What keeps you going?",
        // one two three, Ctrl-W: "one two "; Ctrl-A, "zero "; Ctrl-E,
        // "four"; Home, five Right, Ctrl-K: "zero ".
        "one two three\x17\x01zero \x05four\x1b[H\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x0b\r",
    );
    answer(
        &mut p,
        "What keeps you going?",
        "abc\x15\u{627}\u{645}\u{64a} ok\r",
    );
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    let draft = draft(&env);
    assert!(draft.contains("\"zero\""), "{draft}");
    assert!(draft.contains("\"\u{627}\u{645}\u{64a} ok\""), "{draft}");
    assert!(
        !draft.contains("three") && !draft.contains("abc"),
        "{draft}"
    );
}

/// Esc in a menu of ticks leaves it with the ticks as they are on screen,
/// as Esc on a text line keeps what was typed.
#[test]
fn esc_in_a_menu_of_ticks_keeps_the_ticks() {
    let env = Env::with_example();
    let mut p = spawn(&env, &["check-in"], true);
    answer(&mut p, "Strongest urge today", "3\r");
    answer(&mut p, "Did you act on an urge today?", "n\r");
    answer(
        &mut p,
        "Which of your warning signs showed today?",
        &format!(" {DOWN} "),
    );
    std::thread::sleep(Duration::from_millis(300));
    press(&mut p, "\x1b");
    p.exp_string("(Esc: kept as ticked)").unwrap();
    answer(&mut p, "Which daily maintenance did you do?", ENTER);
    answer(&mut p, "Which coping did you use today?", ENTER);
    answer(&mut p, "Distress or low mood today", "2\r");
    answer(&mut p, "Anything else about today", ENTER);
    p.eof();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(log.contains("Skipping meals and sleeping badly"), "{log}");
}

/// tmux, as a real terminal: a session of `width` columns running
/// relapse-plan `args` in the sealed environment.
pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    pub(crate) fn start(env: &Env, args: &[&str], width: u16) -> Tmux {
        Tmux::start_in(env, args, width, ("Asia/Taipei", crate::NOW))
    }

    /// [`Tmux::start`] in time zone `tz` at the moment `now` (UTC): a
    /// check-in near her local midnight.
    pub(crate) fn start_in(env: &Env, args: &[&str], width: u16, (tz, now): (&str, &str)) -> Tmux {
        let socket = format!(
            "relapse-plan-keys-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        );
        let mut line = vec![
            "env".to_string(),
            "-i".to_string(),
            format!("HOME={}", env.home().display()),
            format!("RELAPSE_PLAN_DIR={}", env.plan_dir().display()),
            format!("RELAPSE_PLAN_NOW={now}"),
            format!("TZ={tz}"),
            "TERM=tmux-256color".to_string(),
            "LANG=C.UTF-8".to_string(),
            crate::bin().display().to_string(),
        ];
        line.extend(args.iter().map(|a| (*a).to_string()));
        // The pane stays once the program ends, however quickly it does
        // (`diff` can end before a `set-option` after the session lands).
        let conf = env.home().join("tmux.conf");
        std::fs::write(&conf, "set-option -g remain-on-exit on\n").unwrap();
        crate::tool("tmux")
            .args(["-L", &socket, "-f"])
            .arg(&conf)
            .args(["new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", "30"])
            .args(line)
            .case("tmux is installed (.ci/run installs it)")
            .run();
        let t = Tmux { socket };
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        crate::tool("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .run()
            .stdout
    }

    pub(crate) fn screen(&self) -> String {
        self.run(&["capture-pane", "-p"])
    }

    /// The screen with all that scrolled off its top.
    pub(crate) fn scrollback(&self) -> String {
        self.run(&["capture-pane", "-p", "-S", "-"])
    }

    /// Waits until the program has ended (its pane kept, dead).
    #[track_caller]
    pub(crate) fn wait_until_ended(&self) {
        for _ in 0..200 {
            if self.run(&["display-message", "-p", "#{pane_dead}"]).trim() == "1" {
                self.wait_until_drawn();
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never ended:\n{}", self.screen());
    }

    /// Waits until what the program wrote is on the screen: tmux can mark
    /// a pane dead before it has read the last of its output (a loaded
    /// machine once captured `diff` as a blank screen), so the scrollback
    /// must hold something and stay the same across two looks.
    fn wait_until_drawn(&self) {
        let mut last = String::new();
        for _ in 0..40 {
            let now = self.scrollback();
            if !now.trim().is_empty() && now == last {
                return;
            }
            last = now;
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// [`Tmux::scrollback`] with the lines the terminal wrapped itself
    /// joined again: different from it where a line was wider than the
    /// screen.
    pub(crate) fn scrollback_joined(&self) -> String {
        self.run(&["capture-pane", "-p", "-J", "-S", "-"])
    }

    /// The screen with the rows the terminal wrapped by itself joined, as
    /// copying them gives them.
    fn joined(&self) -> String {
        self.run(&["capture-pane", "-p", "-J"])
    }

    fn cursor(&self) -> (usize, usize) {
        let at = self.run(&["display-message", "-p", "#{cursor_x} #{cursor_y}"]);
        let mut parts = at.split_whitespace().map(|n| n.parse().unwrap());
        (parts.next().unwrap(), parts.next().unwrap())
    }

    /// Waits until the screen shows `what`, then returns it.
    #[track_caller]
    pub(crate) fn wait_for(&self, what: &str) -> String {
        for _ in 0..200 {
            let screen = self.screen();
            if screen.contains(what) {
                std::thread::sleep(Duration::from_millis(150));
                return self.screen();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never showed {what:?}:\n{}", self.screen());
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        self.run(&args);
        std::thread::sleep(Duration::from_millis(300));
    }

    pub(crate) fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
        std::thread::sleep(Duration::from_millis(300));
    }

    /// Pastes `text` as a terminal marks a paste (bracketed): one burst,
    /// as a long answer is brought, not typed key by key.
    pub(crate) fn paste(&self, text: &str) {
        self.run(&["set-buffer", text]);
        self.run(&["paste-buffer", "-p"]);
        std::thread::sleep(Duration::from_millis(500));
    }

    pub(crate) fn resize(&self, width: u16) {
        self.run(&["resize-window", "-x", &width.to_string()]);
        std::thread::sleep(Duration::from_millis(700));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Never a panic while dropping: whatever it ends with will do.
        crate::tool("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status_any()
            .run();
    }
}

/// Past the country question of `new`: with no locale to go by, her time
/// zone (Asia/Taipei) puts Taiwan under the cursor (issue 13: the country
/// is derived from the zone), and Enter takes it.
fn past_country(t: &Tmux) {
    t.wait_for("Which country are you in?");
    t.keys(&["Enter"]);
    t.wait_for("Crisis lines (Taiwan)");
    t.wait_for("Your name on the plan?");
}

/// Every row of `screen` fits in `width` columns.
fn fits(screen: &str, width: usize) {
    for row in screen.lines() {
        assert!(
            textwrap::core::display_width(row) <= width,
            "wider than {width}: {row:?}\n{screen}"
        );
    }
}

/// A window made narrower, then wider, mid-question: the question and the
/// answer are drawn once for the new width, with no copies left behind,
/// in a text question and in a menu.
#[test]
fn a_resized_window_is_drawn_again_once_for_its_new_width() {
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 100);
    past_country(&t);
    t.type_text("美玲");
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    t.type_text("我的女兒，還有每天早上在淡水河邊散步的時光，和朋友一起喝茶聊天 🌸 الأمل");
    for width in [50, 30, 100] {
        t.resize(width);
        // Typing goes on at the new width.
        t.keys(&["Left"]);
        let screen = t.screen();
        assert_eq!(
            screen.matches("What keeps you going?").count(),
            1,
            "at {width}:\n{screen}"
        );
        fits(&screen, usize::from(width));
    }
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t.wait_for("Done with this section");
    for (width, key) in [(50, "Down"), (30, "Down"), (100, "Up")] {
        t.resize(width);
        t.keys(&[key]);
        let screen = t.screen();
        assert_eq!(
            screen.matches("? What next?").count(),
            1,
            "at {width}:\n{screen}"
        );
        assert_eq!(
            screen.matches("Done with this section").count(),
            1,
            "at {width}:\n{screen}"
        );
        fits(&screen, usize::from(width));
    }
}

/// A wide character that does not fit in the last column goes to the next
/// row, and the cursor goes with it.
#[test]
fn the_cursor_follows_a_wide_character_to_the_next_row() {
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 100);
    past_country(&t);
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    // "? What keeps you going? › " is 26 columns: a word longer than a
    // row breaks between letters, and 173 letters leave one column on the
    // second row, too narrow for 台. (A shorter word moves whole to the
    // next row: a_word_being_typed_moves_whole_to_the_next_row.)
    t.type_text(&format!("{}台", "a".repeat(173)));
    let (x, y) = t.cursor();
    assert_eq!(x, 2, "after 台, on the next row:\n{}", t.screen());
    t.keys(&["Left"]);
    assert_eq!(t.cursor(), (0, y), "before 台, at the start of its row");
    t.keys(&["Left"]);
    assert_eq!(t.cursor(), (98, y - 1), "before the last letter");
}

/// Ctrl-C while typing what you will do in `rehearse`: the words stay on
/// screen, and the screen says plainly that this practice was not logged.
#[test]
fn ctrl_c_in_rehearse_keeps_the_words_on_screen_and_says_what_was_logged() {
    let env = Env::with_example();
    let before = fs::read(env.plan_dir().join("practice.toml")).ok();
    let mut p = stopped_or_not(&env, &["rehearse"], true, 130);
    answer(
        &mut p,
        "What will you do?",
        "Walk the canal way, then call Alex\x03",
    );
    let rest = p.eof();
    assert!(
        rest.contains("Walk the canal way, then call Alex (stopped: Ctrl-C)"),
        "{rest:?}"
    );
    let said = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(said.contains("This practice was not logged"), "{said}");
    assert!(!said.contains("Everything you typed is kept"), "{said}");
    assert_eq!(said.matches("Stopped.").count(), 1, "{said}");
    assert_eq!(fs::read(env.plan_dir().join("practice.toml")).ok(), before);
}

/// Oksana typed half a reason, pressed Ctrl-C, and carried on later: the
/// reasons were not empty, so the part opened on its menu, whose first
/// choice is "Done with this section", and her Enter there dropped the
/// words without a word. Now the walk goes back to the line they were
/// typed on, with the words on it.
#[test]
fn words_stopped_by_ctrl_c_are_back_on_their_line_when_the_walk_carries_on() {
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 50);
    past_country(&t);
    t.type_text("Оксана");
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    t.type_text("Сестра Олена");
    t.keys(&["Enter"]);
    t.type_text("Мій кіт, і весна в");
    t.keys(&["C-c"]);
    t.wait_for("stopped: Ctrl-C");
    drop(t);

    let t = Tmux::start(&env, &["new"], 50);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    let screen = t.wait_for("? What keeps you going? › Мій кіт, і весна в");
    assert!(!screen.contains("Done with this section"), "{screen}");
    t.type_text(" Карпатах");
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    t.wait_for("Done with this section");
    let draft = draft(&env);
    assert!(draft.contains("\"Сестра Олена\""), "{draft}");
    assert!(draft.contains("\"Мій кіт, і весна в Карпатах\""), "{draft}");
}

/// Oksana narrowed her window from 100 to 50 columns mid-walk: what came
/// after was still laid out for 100, and the terminal broke each long
/// line where it ran out, without the list's indent. Each screen is laid
/// out for the width the window has when it is drawn.
#[test]
fn screens_after_a_resize_are_laid_out_for_the_new_width() {
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 100);
    past_country(&t);
    t.type_text("Оксана");
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    t.type_text("Моя сестра Олена, яка завжди відповідає на дзвінок, навіть о третій ночі");
    t.keys(&["Enter"]);
    t.resize(50);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Done with this section");
    let list: Vec<&str> = screen
        .lines()
        .skip_while(|row| !row.contains("1. Моя сестра"))
        .take(2)
        .collect();
    assert_eq!(
        list,
        [
            "  1. Моя сестра Олена, яка завжди відповідає на",
            "     дзвінок, навіть о третій ночі"
        ],
        "{screen}"
    );
}

/// Ctrl-C after the window was narrowed: the words saying what was kept
/// were wrapped for the width at the start, and the terminal broke them
/// mid-word. They are laid out for the window as it is when said.
#[test]
fn the_words_after_ctrl_c_fit_the_window_as_it_is_then() {
    let env = Env::with_example();
    let t = Tmux::start(&env, &["check-in"], 100);
    t.wait_for("Strongest urge today");
    t.resize(50);
    t.keys(&["C-c"]);
    let screen = t.wait_for("when you are ready.");
    // The command names this plan's folder, and is wider than the window:
    // it runs over the edge whole, on a row of its own, as a command to
    // copy does (the terminal's own wrapping of it joined again here).
    let joined = t.scrollback_joined();
    let command = "`relapse-plan check-in`";
    let said: Vec<&str> = joined
        .lines()
        .map(str::trim_end)
        .skip_while(|row| !row.starts_with("Stopped."))
        .take_while(|row| !row.is_empty())
        .collect();
    assert!(said.len() > 1, "{screen}");
    for row in &said {
        assert!(
            textwrap::core::display_width(row) <= 50 || *row == command,
            "{screen}"
        );
    }
    // Broken only between words: the rows joined by spaces are the words.
    assert_eq!(
        said.join(" "),
        format!("Stopped. Nothing was saved for today: run {command} again when you are ready."),
        "{screen}"
    );
}

/// At 50 columns the line being typed broke "сест|ра" at the edge, as
/// the terminal does by itself; it now keeps each word whole, as every
/// other text on screen does, and the cursor stays where she types.
#[test]
fn the_line_being_typed_keeps_words_whole_at_the_edge() {
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 50);
    past_country(&t);
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    let typed =
        "Моя сестра Олена, яка завжди відповідає на дзвінок, навіть о третій ночі, і мій кіт";
    t.type_text(typed);
    let screen = t.screen();
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|row| !row.starts_with("? What keeps you going?"))
        .take_while(|row| !row.is_empty())
        .collect();
    assert!(rows.len() > 1, "{screen}");
    let joined: Vec<&str> = rows.iter().map(|row| row.trim_end()).collect();
    assert_eq!(
        joined.join(" "),
        format!("? What keeps you going? › {typed}"),
        "{screen}"
    );
    // The cursor is after the last letter typed.
    let last = rows.last().unwrap().trim_end();
    let (x, _) = t.cursor();
    assert_eq!(x, textwrap::core::display_width(last), "{screen}");
}

/// Niran at 50 columns: Thai writes no space between words, so his whole
/// answer was one "word" the line editor broke wherever the row ran out,
/// mid-syllable ("สวนลุ / ม"); each row now ends between two of his words,
/// and his words come back whole when the rows are read together.
#[test]
fn thai_being_typed_moves_to_the_next_row_between_words() {
    let words = [
        "ผม",
        "อยาก",
        "ไป",
        "เดิน",
        "ที่",
        "สวนลุม",
        "กับ",
        "พี่ชาย",
        "แล้ว",
        "โทร",
        "หา",
        "แม่",
        "ทุก",
        "วัน",
        "เสาร์",
        "ตอน",
        "เย็น",
        "และ",
        "ไม่",
        "เล่น",
        "พนัน",
    ];
    let typed = words.concat();
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 50);
    past_country(&t);
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    t.type_text(&typed);
    let screen = t.screen();
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|row| !row.starts_with("? What keeps you going?"))
        .take_while(|row| !row.is_empty())
        .map(str::trim_end)
        .collect();
    assert!(rows.len() > 1, "{screen}");
    let prompt = "? What keeps you going? › ";
    assert_eq!(rows.concat(), format!("{prompt}{typed}"), "{screen}");
    let mut ends = vec![0];
    for word in words {
        ends.push(ends.last().unwrap() + word.len());
    }
    let mut at = 0;
    for row in &rows[..rows.len() - 1] {
        at += row.len();
        assert!(
            at == prompt.len() || ends.contains(&(at - prompt.len())),
            "a row ends inside a word:\n{screen}"
        );
    }
}

/// Issue 13 (Mei): a rating starts on no choice, so Enter alone gives
/// none; a digit moves to its rating; words typed into a menu as if it
/// were a line to type on are said not to be in the list, and the Enter
/// after them chooses nothing (one such Enter once saved her plan).
#[test]
fn enter_alone_never_rates_and_words_typed_into_a_menu_never_choose() {
    let env = Env::new();
    env.ok(["init", "--country", "NZ"]);
    env.ok(["trigger", "add", "--situation", "深夜一个人在家"]);
    let before = fs::read(env.plan_file()).unwrap();
    let t = Tmux::start(&env, &["rank"], 50);
    let screen = t.wait_for("How likely is it in the next month?");
    assert!(!screen.contains('❯'), "a rating chosen for her:\n{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Nothing is chosen yet");
    assert!(
        screen.contains("How likely is it in the next month?") && !screen.contains('✔'),
        "{screen}"
    );
    fits(&screen, 50);
    t.type_text("4");
    let screen = t.screen();
    assert!(screen.contains("❯ 4: likely"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("How strong would the urge be?");
    t.type_text("3");
    t.keys(&["Enter"]);
    t.wait_for("How sure are you");
    t.type_text("60");
    t.keys(&["Enter"]);

    // At "Save these changes?", she types as if it asked for words.
    t.wait_for("Save these changes to your plan?");
    t.type_text("等一下我还要改");
    let screen = t.wait_for("is not in this list");
    assert!(
        one_line_of(&screen).contains("“等一下我还要改” is not in this list"),
        "{screen}"
    );
    fits(&screen, 50);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Nothing was chosen");
    assert!(
        screen.contains("? Save these changes to your plan?"),
        "{screen}"
    );
    assert_eq!(
        fs::read(env.plan_file()).unwrap(),
        before,
        "saved by a stray Enter"
    );
    t.type_text("stop");
    t.keys(&["Enter"]);
    t.wait_for("Your answers are kept");
    assert_eq!(fs::read(env.plan_file()).unwrap(), before);
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(
        draft.contains("likelihood = 4")
            && draft.contains("intensity = 3")
            && draft.contains("confidence = 60"),
        "{draft}"
    );
}

/// Issue 13 (Oksana, Mei): Ctrl-C part-way through a check-in lost every
/// answer. What she answered, and the note she was typing, are shown as
/// the one command that saves them, which works when pasted.
#[test]
fn ctrl_c_in_a_check_in_shows_what_she_answered_as_a_command_that_saves_it() {
    let env = Env::with_example();
    let t = Tmux::start(&env, &["check-in"], 50);
    t.wait_for("Strongest urge today");
    t.type_text("7");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge today?");
    t.type_text("n");
    t.keys(&["Enter"]);
    t.wait_for("Which of your warning signs showed today?");
    t.keys(&["Enter"]);
    t.wait_for("Which daily maintenance did you do?");
    t.keys(&["Enter"]);
    t.wait_for("Which coping did you use today?");
    t.keys(&["Enter"]);
    t.wait_for("Distress or low mood today");
    t.type_text("5");
    t.keys(&["Enter"]);
    t.wait_for("Anything else about today");
    t.type_text("Важкий день, але я подзвонила сестрі");
    t.keys(&["C-c"]);
    t.wait_for("--urge 7");
    let screen = t.joined();
    assert!(
        one_line_of(&screen)
            .contains("Stopped. Nothing was saved for today. To save what you answered:"),
        "{screen}"
    );
    let command = screen
        .lines()
        .map(str::trim)
        .find_map(|row| row.strip_prefix("relapse-plan "))
        .unwrap_or_else(|| panic!("no command shown:\n{screen}"))
        .to_string();
    assert!(
        command.contains("--urge 7")
            && command.contains("--acted no")
            && command.contains("--distress 5"),
        "{command}"
    );
    assert!(!env.plan_dir().join("check-ins.toml").exists());
    // Pasted as shown (the command names the plan folder).
    env.shell(&format!("\"$0\" {command}"))
        .env_remove("RELAPSE_PLAN_DIR")
        .run();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(
        log.contains("urge = 7")
            && log.contains("distress = 5")
            && log.contains("Важкий день, але я подзвонила сестрі"),
        "{log}"
    );
}

/// Ctrl-C in a menu left no line saying so (a text question did): the
/// question stays on screen with what stopped it.
#[test]
fn ctrl_c_in_a_menu_leaves_the_question_said_as_stopped() {
    let env = Env::new();
    env.ok(["init", "--country", "NZ"]);
    env.ok(["trigger", "add", "--situation", "深夜一个人在家"]);
    let t = Tmux::start(&env, &["rank"], 50);
    t.wait_for("How likely is it in the next month?");
    t.keys(&["C-c"]);
    let screen = t.wait_for("Stopped.");
    assert!(
        one_line_of(&screen).contains("· How likely is it in the next month? · stopped (Ctrl-C)"),
        "{screen}"
    );
    assert!(
        !screen.contains("0: it won't happen"),
        "the menu stayed:\n{screen}"
    );
}

/// The line an answer leaves on screen held her Arabic-Indic number bare:
/// on a bidi terminal its groups swapped, and at the moment she checks her
/// sister's number it looked mistyped (Layla, round 9). It is held left to
/// right as on every other screen.
#[test]
fn an_answer_left_on_screen_holds_her_number_as_typed() {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "EG"]);
    let mut p = stopped_or_not(&env, &["new"], true, 130);
    answer(&mut p, "Walk through it and change what you like?", "y\r");
    answer(&mut p, "Your local emergency number?", "٠١٠٠ ١٢٣ ٤٥٦٧\r");
    let shown = p.exp_string("The line's name?").unwrap();
    let shown: Vec<u8> = shown
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let shown = String::from_utf8_lossy(&shown).into_owned();
    let echo = shown
        .lines()
        .find(|l| l.contains("Your local emergency number?") && l.contains("٤٥٦٧"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(echo.contains("\u{202d}٠١٠٠ ١٢٣ ٤٥٦٧\u{202c}"), "{echo:?}");
    press(&mut p, "\u{3}");
    p.eof();
}
