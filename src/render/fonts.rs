//! Fonts for the PDF: `DejaVu Sans`, built into the binary, and for each
//! character it lacks a font installed on the machine (found with
//! `fontdb`, as typst does), so Chinese, Devanagari, Thai and the rest
//! print as themselves. The system's fonts are only looked at when some
//! character needs them, so a plan `DejaVu Sans` covers prints as fast as ever.
//! Characters no font can show are collected for the print command to
//! name; they are never dropped silently.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use krilla::text::Font;
use unicode_segmentation::UnicodeSegmentation;

/// Where to look for fonts beyond the built-in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontSearch {
    /// The system's font folders (fontconfig's on Linux, and the usual
    /// places on macOS and Windows).
    System,
    /// Only these folders. The print command uses this when
    /// `RELAPSE_PLAN_FONT_DIRS` is set, which exists for the tests (to
    /// check the warning on a machine "without" the Noto fonts).
    Dirs(Vec<PathBuf>),
}

/// One face the PDF can use.
pub struct Face {
    pub font: Font,
    /// The face as rustybuzz shapes it (krilla draws with the same), for
    /// measuring.
    shaper: rustybuzz::Face<'static>,
    /// The family name, for the tests and the warning (and the SVG).
    pub family: String,
    pub bold: bool,
    /// How much larger than the text's size this face is drawn, so its
    /// letters read as large as `DejaVu Sans`'s beside them (1 for the
    /// built-in faces): see [`matching_scale`].
    pub scale: f32,
    /// The font file's bytes and the face's index in it, for the font
    /// database that draws the lock-screen image's SVG text.
    data: &'static [u8],
}

/// The faces in use: 0 is `DejaVu Sans`, 1 `DejaVu Sans Bold`, then any
/// system fonts needed, with which face draws which character.
pub struct Fonts {
    faces: Vec<Face>,
    /// Which face draws a character the built-in face lacks, by (char, bold).
    fallback: HashMap<(char, bool), usize>,
    /// Characters that no font on the machine can show.
    missing: BTreeSet<char>,
    /// Emoji sequences (joined with ZWJ, or with a skin tone) that no face
    /// in use draws as one picture: they print as their parts.
    split: BTreeSet<String>,
    dejavu: [ttf_parser::Face<'static>; 2],
    /// Shaped widths, in font units per em, by (face, direction, text).
    widths: std::cell::RefCell<HashMap<(usize, bool, String), f32>>,
}

/// Characters that draw nothing and need no glyph of their own: they ride
/// along with the text around them.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{e0100}'..='\u{e01ef}'
        )
}

/// Whether a grapheme cluster is an emoji sequence meant to draw as one
/// picture: parts joined by a zero-width joiner (👩‍👧), or a skin-tone
/// modifier after an emoji (🙏🏽).
pub fn is_emoji_sequence(cluster: &str) -> bool {
    cluster.chars().nth(1).is_some()
        && cluster
            .chars()
            .any(|c| c == '\u{200d}' || matches!(c, '\u{1f3fb}'..='\u{1f3ff}'))
}

/// What to install for a character: the Debian/Ubuntu package that has it.
pub fn package_for(c: char) -> &'static str {
    match u32::from(c) {
        0x1100..=0x11ff
        | 0x2e80..=0x2fdf
        | 0x3000..=0x33ff
        | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff
        | 0xa960..=0xa97f
        | 0xac00..=0xd7ff
        | 0xf900..=0xfaff
        | 0xfe30..=0xfe4f
        | 0xff00..=0xffef
        | 0x20000..=0x3134f => "fonts-noto-cjk",
        0x1f000..=0x1faff | 0x2600..=0x27bf => "fonts-symbola",
        _ => "fonts-noto-core",
    }
}

/// Common characters written one way in Traditional Chinese and another
/// in Simplified, each string in the same order: 們/们, 這/这, …
const TRADITIONAL: &str = "們這個會說對時來點過還沒裡嗎後話體電車開門問間頭長東麼樣發現經學國覺愛歡讓邊錢媽醫聽實機氣關無見親賭週與當從兒習慣幫幾錯應該難樂";
const SIMPLIFIED: &str = "们这个会说对时来点过还没里吗后话体电车开门问间头长东么样发现经学国觉爱欢让边钱妈医听实机气关无见亲赌周与当从儿习惯帮几错应该难乐";

/// Whether Chinese text is written in Traditional characters (Taiwan, Hong
/// Kong): then its Han characters and punctuation are drawn in the
/// Traditional style, where `，` and `。` sit centred; Wei's plan, written
/// in Taipei, was drawn with the Simplified face.
pub fn traditional_han(text: &str) -> bool {
    let (mut traditional, mut simplified) = (0, 0);
    for c in text.chars() {
        match (TRADITIONAL.contains(c), SIMPLIFIED.contains(c)) {
            (true, false) => traditional += 1,
            (false, true) => simplified += 1,
            _ => {}
        }
    }
    traditional > simplified
}

/// For a script a fallback face draws: a letter of that script whose top
/// is the script's own top line, and the `DejaVu Sans` letter whose top it
/// should reach. Devanagari (and Bengali and Gurmukhi) hang from a
/// headline, which sits at the height of the capitals beside it; Thai and
/// Lao letters stand at the height of small letters; Hebrew and Arabic
/// letters `DejaVu Sans` lacks match its own Hebrew and Arabic. Chinese,
/// Japanese and Korean fill the em as designed to sit beside Latin
/// capitals, and any other script is drawn as its font is designed: none.
fn reference(script: unicode_script::Script) -> Option<(char, char)> {
    use unicode_script::Script;
    match script {
        Script::Devanagari => Some(('\u{915}', 'H')),
        Script::Bengali => Some(('\u{995}', 'H')),
        Script::Gurmukhi => Some(('\u{a15}', 'H')),
        Script::Thai => Some(('\u{e01}', 'x')),
        Script::Lao => Some(('\u{e81}', 'x')),
        Script::Hebrew => Some(('\u{5d4}', '\u{5d4}')),
        Script::Arabic => Some(('\u{627}', '\u{627}')),
        _ => None,
    }
}

/// The top of `c`'s ink in `face`, as a share of the em.
fn letter_top(face: &ttf_parser::Face<'_>, c: char) -> Option<f32> {
    let top = face.glyph_bounding_box(face.glyph_index(c)?)?.y_max;
    (top > 0).then(|| f32::from(top) / f32::from(face.units_per_em()))
}

/// How much larger than the text's size a fallback face must be drawn for
/// its letters to read as large as `DejaVu Sans`'s, as a browser's
/// `font-size-adjust` does with x-heights: by the script most of the
/// characters it draws here (`covered`) are in, comparing the tops of the
/// two letters [`reference`] names. Priya's Hindi at the same point size
/// as her English had its headline well below the English capitals, and
/// read a size smaller. 1 when the script, or either letter, is not there.
fn matching_scale(
    dejavu: &ttf_parser::Face<'_>,
    face: &ttf_parser::Face<'_>,
    covered: &[char],
) -> f32 {
    use unicode_script::UnicodeScript;
    let mut counts: HashMap<unicode_script::Script, usize> = HashMap::new();
    for c in covered {
        if reference(c.script()).is_some() {
            *counts.entry(c.script()).or_default() += 1;
        }
    }
    let Some(script) = counts
        .into_iter()
        .max_by_key(|&(script, n)| (n, script.short_name()))
        .map(|(script, _)| script)
    else {
        return 1.0;
    };
    reference(script)
        .and_then(|(theirs, ours)| Some(letter_top(dejavu, ours)? / letter_top(face, theirs)?))
        .unwrap_or(1.0)
}

/// The runs of one script in `chars`, as index ranges from a run's first
/// letter to its last (and the marks on it): characters common to all
/// scripts (spaces, punctuation, digits) neither start nor end one.
fn script_runs(chars: &[(usize, char)]) -> Vec<std::ops::Range<usize>> {
    use unicode_script::{Script, UnicodeScript};
    let mut runs = Vec::new();
    let mut open: Option<(Script, usize, usize)> = None;
    for (n, &(_, c)) in chars.iter().enumerate() {
        let script = c.script();
        if script == Script::Inherited {
            // A mark goes with the letter before it.
            if let Some((_, _, end)) = open.as_mut() {
                *end = n;
            }
            continue;
        }
        if matches!(script, Script::Common | Script::Unknown) {
            continue;
        }
        match open {
            Some((s, start, _)) if s == script => open = Some((s, start, n)),
            _ => {
                if let Some((_, start, end)) = open {
                    runs.push(start..end + 1);
                }
                open = Some((script, n, n));
            }
        }
    }
    if let Some((_, start, end)) = open {
        runs.push(start..end + 1);
    }
    runs
}

impl Fonts {
    /// The fonts needed to draw `texts`: the built-in faces, and system
    /// fonts only if some character needs one.
    pub fn for_texts<'a>(
        texts: impl IntoIterator<Item = &'a str>,
        search: &FontSearch,
    ) -> Result<Fonts, String> {
        let builtin = |data: &'static [u8], bold: bool| -> Result<Face, String> {
            Ok(Face {
                shaper: rustybuzz::Face::from_slice(data, 0)
                    .ok_or("the built-in font could not be read")?,
                font: Font::new(data.into(), 0).ok_or("the built-in font could not be read")?,
                family: "DejaVu Sans".into(),
                bold,
                scale: 1.0,
                data,
            })
        };
        let face =
            |data: &'static [u8]| ttf_parser::Face::parse(data, 0).map_err(|e| e.to_string());
        let (regular, bold) = (dejavu::sans::regular(), dejavu::sans::bold());
        let mut fonts = Fonts {
            faces: vec![builtin(regular, false)?, builtin(bold, true)?],
            fallback: HashMap::new(),
            missing: BTreeSet::new(),
            split: BTreeSet::new(),
            dejavu: [face(regular)?, face(bold)?],
            widths: std::cell::RefCell::default(),
        };
        let mut lacking: BTreeSet<char> = BTreeSet::new();
        let mut all = String::new();
        let mut sequences: BTreeSet<&str> = BTreeSet::new();
        for text in texts {
            all.push_str(text);
            sequences.extend(text.graphemes(true).filter(|g| is_emoji_sequence(g)));
            for c in text.chars() {
                if !is_invisible(c)
                    && (fonts.dejavu[0].glyph_index(c).is_none()
                        || fonts.dejavu[1].glyph_index(c).is_none())
                {
                    lacking.insert(c);
                }
            }
        }
        if !lacking.is_empty() {
            fonts.find_fallbacks(&lacking, search, &all);
        }
        for sequence in sequences {
            if !fonts.draws_as_one(sequence) {
                fonts.split.insert(sequence.to_string());
            }
        }
        Ok(fonts)
    }

    /// Looks through the machine's fonts for the characters `DejaVu Sans` lacks,
    /// best candidates first (regular upright Noto Sans faces).
    fn find_fallbacks(&mut self, lacking: &BTreeSet<char>, search: &FontSearch, all: &str) {
        let mut db = fontdb::Database::new();
        match search {
            FontSearch::System => db.load_system_fonts(),
            FontSearch::Dirs(dirs) => {
                for dir in dirs {
                    db.load_fonts_dir(dir);
                }
            }
        }
        // Han characters are drawn in the regional style the text suggests.
        let cjk = if all.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}')) {
            " JP"
        } else if all.chars().any(|c| matches!(c, '\u{ac00}'..='\u{d7af}')) {
            " KR"
        } else if traditional_han(all) {
            " TC"
        } else {
            " SC"
        };
        for bold in [false, true] {
            let want: Vec<char> = lacking
                .iter()
                .copied()
                .filter(|&c| self.dejavu[usize::from(bold)].glyph_index(c).is_none())
                .collect();
            let mut left: BTreeSet<char> = want.iter().copied().collect();
            let mut candidates: Vec<&fontdb::FaceInfo> = db
                .faces()
                .filter(|f| f.style == fontdb::Style::Normal)
                .collect();
            let target = if bold { 700 } else { 400 };
            candidates.sort_by_cached_key(|f| {
                let family = f.families.first().map_or("", |(n, _)| n.as_str());
                let odd = ["Mono", "Serif", "Display", " UI", "Looped"]
                    .iter()
                    .filter(|w| family.contains(*w))
                    .count();
                (
                    !family.starts_with("Noto Sans"),
                    odd,
                    family.contains("CJK") && !family.ends_with(cjk),
                    f.weight.0.abs_diff(target),
                    family.to_string(),
                )
            });
            for info in candidates {
                if left.is_empty() {
                    break;
                }
                let covered: Vec<char> = db
                    .with_face_data(info.id, |data, index| {
                        ttf_parser::Face::parse(data, index).map_or_else(
                            |_| Vec::new(),
                            |face| {
                                left.iter()
                                    .copied()
                                    .filter(|&c| face.glyph_index(c).is_some())
                                    .collect()
                            },
                        )
                    })
                    .unwrap_or_default();
                if covered.is_empty() {
                    continue;
                }
                let Some(data) = db.with_face_data(info.id, |data, _| data.to_vec()) else {
                    continue;
                };
                // A font found is kept for the life of the process (one
                // print command), so krilla and rustybuzz share one copy.
                let data: &'static [u8] = Box::leak(data.into_boxed_slice());
                let (Some(font), Some(shaper)) = (
                    Font::new(data.into(), info.index),
                    rustybuzz::Face::from_slice(data, info.index),
                ) else {
                    continue;
                };
                let family = info
                    .families
                    .first()
                    .map_or_else(String::new, |(n, _)| n.clone());
                let scale = ttf_parser::Face::parse(data, info.index).map_or(1.0, |found| {
                    matching_scale(&self.dejavu[usize::from(bold)], &found, &covered)
                });
                let id = self.faces.len();
                self.faces.push(Face {
                    font,
                    shaper,
                    family,
                    bold,
                    scale,
                    data,
                });
                for c in covered {
                    left.remove(&c);
                    self.fallback.insert((c, bold), id);
                }
            }
            self.missing.extend(left);
        }
    }

    /// A font database holding exactly the faces in use (each file once),
    /// for resvg to draw SVG text with: the same faces the lines were
    /// measured and split with, so what is drawn is what was laid out.
    pub fn database(&self) -> fontdb::Database {
        let mut db = fontdb::Database::new();
        let mut loaded: Vec<*const u8> = Vec::new();
        for face in &self.faces {
            if !loaded.contains(&face.data.as_ptr()) {
                loaded.push(face.data.as_ptr());
                db.load_font_source(fontdb::Source::Binary(std::sync::Arc::new(face.data)));
            }
        }
        db
    }

    pub fn face(&self, id: usize) -> &Face {
        &self.faces[id]
    }

    /// Every face used beyond the built-in ones, for the tests.
    pub fn families(&self) -> Vec<&str> {
        self.faces[2..].iter().map(|f| f.family.as_str()).collect()
    }

    /// Characters no font on this machine can show.
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Emoji sequences no face in use draws as one picture.
    pub fn split(&self) -> &BTreeSet<String> {
        &self.split
    }

    /// Whether one face draws the grapheme `cluster` as one visible glyph
    /// (a font with the sequence as a ligature), not as its parts side by
    /// side.
    fn draws_as_one(&self, cluster: &str) -> bool {
        let [(id, _)] = self.runs(cluster, false)[..] else {
            return false;
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(cluster);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.faces[id].shaper, &[], buffer);
        shaped
            .glyph_positions()
            .iter()
            .filter(|p| p.x_advance != 0)
            .count()
            == 1
    }

    /// Whether face `id` has a glyph for `c`.
    fn covers(&self, id: usize, c: char) -> bool {
        if id < 2 {
            self.dejavu[id].glyph_index(c).is_some()
        } else {
            self.fallback.get(&(c, self.faces[id].bold)) == Some(&id)
        }
    }

    /// The face that draws `c`, staying with `current` when it can so a
    /// word (and its marks and joiners) is shaped as one run.
    pub fn face_for(&self, c: char, bold: bool, current: Option<usize>) -> usize {
        if let Some(current) = current
            && (is_invisible(c) || self.covers(current, c))
        {
            return current;
        }
        let builtin = usize::from(bold);
        if is_invisible(c) || self.dejavu[builtin].glyph_index(c).is_some() {
            return builtin;
        }
        self.fallback.get(&(c, bold)).copied().unwrap_or(builtin)
    }

    /// Whether face `id` has a glyph for `c` at all (not only for the
    /// characters it was found for).
    fn has_glyph(&self, id: usize, c: char) -> bool {
        if id < 2 {
            self.dejavu[id].glyph_index(c).is_some()
        } else {
            self.faces[id].shaper.glyph_index(c).is_some()
        }
    }

    /// Splits `text` into runs of one face each, in logical order. A run
    /// of one script (its words and the spaces and marks between them) is
    /// drawn in one face when one face has all its letters: Arabic letters
    /// join only when the shaper sees the whole word in one font. Farida's
    /// Urdu "گہری" printed as three pieces, because `DejaVu Sans` has گ
    /// and ر but not ہ (U+06C1), so ہ alone came from Noto Sans Arabic.
    pub fn runs<'t>(&self, text: &'t str, bold: bool) -> Vec<(usize, &'t str)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut faces: Vec<usize> = Vec::with_capacity(chars.len());
        let mut current: Option<usize> = None;
        for &(_, c) in &chars {
            let face = self.face_for(c, bold, current);
            faces.push(face);
            current = Some(face);
        }
        for run in script_runs(&chars) {
            self.one_face_for(&chars, &mut faces, run, bold);
        }
        let mut runs = Vec::new();
        let mut start = 0;
        for (n, &(i, _)) in chars.iter().enumerate().skip(1) {
            if faces[n] != faces[n - 1] {
                runs.push((faces[n - 1], &text[start..i]));
                start = i;
            }
        }
        if let Some(&face) = faces.last() {
            runs.push((face, &text[start..]));
        }
        runs
    }

    /// Draws the script run `run` (indices into `chars`, first and last a
    /// letter) in one face, if its letters were given more than one and
    /// some face has them all: the built-in face first, then the others
    /// in the order they were found. What lies between the letters
    /// (spaces, punctuation) goes with them where that face has it.
    fn one_face_for(
        &self,
        chars: &[(usize, char)],
        faces: &mut [usize],
        run: std::ops::Range<usize>,
        bold: bool,
    ) {
        use unicode_script::{Script, UnicodeScript};
        let letter = |c: char| !is_invisible(c) && c.script() != Script::Common;
        let mut used = run
            .clone()
            .filter(|&n| letter(chars[n].1))
            .map(|n| faces[n]);
        let Some(first) = used.next() else {
            return;
        };
        if used.all(|f| f == first) {
            return;
        }
        let builtin = usize::from(bold);
        let Some(chosen) = std::iter::once(builtin)
            .chain((2..self.faces.len()).filter(|&id| self.faces[id].bold == bold))
            .find(|&id| {
                run.clone()
                    .all(|n| !letter(chars[n].1) || self.has_glyph(id, chars[n].1))
            })
        else {
            return;
        };
        for n in run {
            let c = chars[n].1;
            if is_invisible(c) || self.has_glyph(chosen, c) {
                faces[n] = chosen;
            }
        }
    }

    /// The shaped width of `text` in face `id` at `size` points, as
    /// rustybuzz (which krilla draws with) lays it out.
    pub fn width(&self, id: usize, text: &str, rtl: bool, size: f32) -> f32 {
        let key = (id, rtl, text.to_string());
        if let Some(w) = self.widths.borrow().get(&key) {
            return w * size;
        }
        let face = &self.faces[id];
        let em = face.font.units_per_em();
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let shaped = rustybuzz::shape(&face.shaper, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        #[allow(clippy::cast_precision_loss)] // advances are far below 2^24
        let width = units as f32 / em * face.scale;
        self.widths.borrow_mut().insert(key, width);
        width * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_alone_needs_no_system_fonts_and_names_what_it_lacks() {
        let none = FontSearch::Dirs(Vec::new());
        let fonts = Fonts::for_texts(["Zoë Παπαδοπούλου, Моя дочь"], &none).unwrap();
        assert!(fonts.missing().is_empty());
        assert!(fonts.families().is_empty());
        let fonts = Fonts::for_texts(["王医生 दीदी"], &none).unwrap();
        let expected: BTreeSet<char> = "王医生दीदी".chars().collect();
        assert_eq!(fonts.missing(), &expected);
        assert_eq!(package_for('王'), "fonts-noto-cjk");
        assert_eq!(package_for('द'), "fonts-noto-core");
    }

    /// Wei, in Taipei: his plan in Traditional characters was drawn with
    /// the Simplified face (its `，` and `。` low at the left, not centred).
    #[test]
    fn traditional_chinese_is_drawn_with_the_traditional_face() {
        for (words, style) in [
            (
                "把手機放抽屜，出門去河堤走走，打給阿明。",
                "Noto Sans CJK TC",
            ),
            ("如果没人接，打给王医生。", "Noto Sans CJK SC"),
            ("お母さんに電話する。", "Noto Sans CJK JP"),
        ] {
            let fonts = Fonts::for_texts([words], &FontSearch::System).unwrap();
            assert!(fonts.missing().is_empty(), "{words}: {:?}", fonts.missing());
            assert!(
                fonts.families().iter().any(|f| f.starts_with(style)),
                "{words}: {:?}",
                fonts.families()
            );
        }
        assert!(traditional_han("週末去賭場"));
        assert!(!traditional_han("周末去赌场"));
    }

    #[test]
    fn emoji_sequences_dejavu_cannot_draw_whole_are_named() {
        assert!(is_emoji_sequence("👩\u{200d}👧") && is_emoji_sequence("🙏🏽"));
        assert!(!is_emoji_sequence("🙏") && !is_emoji_sequence("दी"));
        let none = FontSearch::Dirs(Vec::new());
        let fonts = Fonts::for_texts(["मेरी बेटी 👩\u{200d}👧, भरोसा 🙏🏽 🙏"], &none).unwrap();
        let split: Vec<&str> = fonts.split().iter().map(String::as_str).collect();
        assert_eq!(split, ["👩\u{200d}👧", "🙏🏽"]);
    }

    #[test]
    fn runs_keep_a_word_in_one_face() {
        let fonts = Fonts::for_texts(["abc"], &FontSearch::Dirs(Vec::new())).unwrap();
        assert_eq!(fonts.runs("ab c", false), [(0, "ab c")]);
        assert_eq!(fonts.runs("ab", true), [(1, "ab")]);
    }

    /// Farida's Urdu: a sentence with ہ (which `DejaVu Sans` lacks) is one
    /// run in the face that has all its letters; English beside it, and
    /// Arabic `DejaVu Sans` has whole, stay in `DejaVu Sans`.
    #[test]
    fn a_run_of_one_script_is_shaped_in_one_face() {
        let urdu = "جب میں رات کو اکیلی ہوتی ہوں";
        let line = format!("Call {urdu}");
        for bold in [false, true] {
            let fonts = Fonts::for_texts([urdu, "Call امي"], &FontSearch::System).unwrap();
            let runs = fonts.runs(&line, bold);
            let [(latin, "Call "), (arabic, words)] = runs[..] else {
                panic!("{runs:?}");
            };
            assert_eq!((latin, words), (usize::from(bold), urdu));
            assert!(fonts.face(arabic).family.starts_with("Noto Sans Arabic"));
            assert_eq!(
                fonts.runs("Call امي", bold),
                [(usize::from(bold), "Call امي")]
            );
        }
    }
}
