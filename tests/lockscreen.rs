//! The card as a phone's lock-screen image: the PNG decoded and looked
//! at pixel by pixel (size, a clear top and bottom, text that shows on its
//! ground); the SVG it is drawn from is read back in the unit tests.

use std::fs;

use crate::Env;

/// A decoded PNG: width, height, and RGBA pixels.
fn decode(path: &std::path::Path) -> (u32, u32, Vec<[u8; 4]>) {
    let decoder = png::Decoder::new(fs::File::open(path).unwrap());
    let mut reader = decoder.read_info().expect("a PNG a decoder reads");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| match channels {
            4 => [p[0], p[1], p[2], p[3]],
            3 => [p[0], p[1], p[2], 255],
            _ => [p[0], p[0], p[0], 255],
        })
        .collect();
    (info.width, info.height, pixels)
}

fn luma(p: [u8; 4]) -> u32 {
    (u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000
}

#[test]
fn the_lock_screen_is_phone_sized_dark_or_light_with_room_for_the_clock() {
    let env = Env::with_example();
    for (args, size, dark) in [
        (vec![], (1170, 2532), true),
        (vec!["--light", "--size", "1080x2400"], (1080, 2400), false),
        (vec!["--dark", "--size", "1080×2400"], (1080, 2400), true),
    ] {
        let file = env.home().join("lock.png");
        let mut argv = vec!["print", "--card", "-o", file.to_str().unwrap(), "--force"];
        argv.extend(&args);
        env.test(&argv)
            .stderr_has("private health information")
            .run();
        let (w, h, pixels) = decode(&file);
        assert_eq!((w, h), size, "{args:?}");
        let ground = pixels[0];
        assert_eq!(ground[3], 255, "opaque");
        assert_eq!(luma(ground) < 60, dark, "{args:?}: ground {ground:?}");
        let row = |y: u32| &pixels[(y * w) as usize..((y + 1) * w) as usize];
        // The clock's third and the buttons' strip hold nothing.
        for y in (0..h / 3).chain(h * 89 / 100..h) {
            assert!(
                row(y).iter().all(|p| *p == ground),
                "{args:?}: row {y} is clear"
            );
        }
        // The text shows: plenty of pixels far from the ground, in the
        // middle, on both sides (names left, numbers right).
        let far = |p: &[u8; 4]| luma(*p).abs_diff(luma(ground)) > 120;
        let ink: usize = (h / 3..h * 89 / 100)
            .map(|y| row(y).iter().filter(|p| far(p)).count())
            .sum();
        let area = (w * h) as usize;
        assert!(ink > area / 100, "{args:?}: {ink} text pixels of {area}");
        let right: usize = (h / 3..h * 89 / 100)
            .map(|y| row(y)[(w / 2) as usize..].iter().filter(|p| far(p)).count())
            .sum();
        assert!(right > ink / 5, "{args:?}: numbers on the right");
    }
}

#[test]
fn a_many_scripts_plan_makes_a_lock_screen_and_says_what_stayed_in_the_plan() {
    let env = Env::with_world();
    let file = env.home().join("world.png");
    env.test([
        "print",
        "--card",
        "--format",
        "png",
        "-o",
        file.to_str().unwrap(),
    ])
    .stderr_has("On the lock screen, left off: crisis step 10 (no room at a legible size); the full plan has it whole.")
    .stderr_lacks("no font on this computer")
    .run();
    let (w, h, _) = decode(&file);
    assert_eq!((w, h), (1170, 2532));
    // The file is private, like every printout.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn a_png_is_the_card_and_the_image_flags_are_for_it() {
    let env = Env::with_example();
    let err = env.fails(2, ["print", "--format", "png", "-o", "x.png"]);
    assert!(err.contains("add --card"), "{err}");
    let err = env.fails(2, ["print", "-o", "plan.png"]);
    assert!(err.contains("add --card"), "{err}");
    let err = env.fails(2, ["print", "--card", "--light", "-o", "card.pdf"]);
    assert!(err.contains("for the lock-screen image"), "{err}");
    let err = env.fails(2, ["print", "--card", "--size", "2532x1170", "-o", "x.png"]);
    assert!(err.contains("upright"), "{err}");
    env.fails(2, ["print", "--card", "--light", "--dark", "-o", "x.png"]);
    // Piped, it is written to standard output.
    let out = env.test(["print", "--card", "--format", "png"]).run();
    assert!(out.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
}

/// Noa (Jerusalem): her sister's and her doctor's numbers changed, and two
/// of her crisis steps still hold the old ones. The notes under them ran
/// to two lines each (their long names) and pushed her last step and her
/// reason off the lock screen. The notes now say only what to do ("old
/// number: call … instead"), it is said that they were shortened, and
/// every step and her reason stay on the image.
#[test]
fn old_number_notes_give_way_before_a_step_or_her_reason() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "IL"]);
    for (name, phone, role) in [
        ("אחותי מיכל בן דוד-לוינסון", "052-555-1234", "help"),
        (
            "Dr. Jonathan Abrahamson-Whitfield",
            "+972 2-555-6789",
            "professional",
        ),
    ] {
        env.ok([
            "contact", "add", "--name", name, "--phone", phone, "--role", role,
        ]);
    }
    for step in [
        "להתקשר לאחותי מיכל בן דוד-לוינסון 052-555-1234",
        "Call Dr. Jonathan Abrahamson-Whitfield on +972 2-555-6789",
        "לשים את הסכינים אצל השכנה",
        "ללכת לחדר מיון בשערי צדק",
    ] {
        env.ok(["step", "add", step]);
    }
    env.ok(["contact", "edit", "1", "--phone", "054-777-8888"]);
    env.ok(["contact", "edit", "2", "--phone", "+972 2-555-0000"]);
    env.ok(["reason", "add", "הילדים שלי, שצריכים אותי"]);
    for size in ["1170x2532", "1080x2400"] {
        let file = env.home().join("noa.png");
        env.test([
            "print",
            "--card",
            "--size",
            size,
            "-o",
            file.to_str().unwrap(),
            "--force",
        ])
        .stderr_has("On the lock screen, shortened: the note under crisis step 1;")
        .stderr_has("On the lock screen, shortened: the note under crisis step 2;")
        .stderr_lacks("left off: crisis step")
        .stderr_lacks("left off: a reason")
        .run();
        // Nothing runs into the buttons' strip at the bottom.
        let (w, h, pixels) = decode(&file);
        let ground = pixels[0];
        for y in h * 89 / 100..h {
            let row = &pixels[(y * w) as usize..((y + 1) * w) as usize];
            assert!(row.iter().all(|p| *p == ground), "{size}: row {y} is clear");
        }
    }
}
