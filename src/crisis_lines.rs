//! Built-in crisis lines, kept as data with the source each was checked
//! against and the date. Wrong or dead numbers are a known failure of
//! mental-health apps, so nothing goes in here unchecked, and short codes
//! (988, 116 123, 13 11 14) are stored as dialled inside the country, never
//! with a +country prefix: they cannot be dialled from abroad.

use toml::value::{Date, Datetime};

use crate::plan::date;

/// One crisis line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrisisLine {
    /// ISO 3166 alpha-2 country code.
    pub country: &'static str,
    pub name: &'static str,
    /// What it is for, when it is for something in particular.
    pub about: Option<&'static str>,
    /// The number as dialled inside the country.
    pub call: Option<&'static str>,
    /// A text/SMS option, as the organisation words it.
    pub text: Option<&'static str>,
    /// Opening hours, when limited.
    pub hours: Option<&'static str>,
    /// The organisation's own page, or a government page, the entry was
    /// checked against (a bare site for the first lines, checked before
    /// page addresses were kept; the full address since).
    pub source: &'static str,
    /// When it was last checked (ISO date).
    pub checked: &'static str,
}

impl CrisisLine {
    /// How to reach it: "call 116 123", "text SHOUT to 85258", or both.
    pub fn how_to_reach(&self) -> String {
        let mut ways = Vec::new();
        if let Some(call) = self.call {
            ways.push(format!("call {call}"));
        }
        if let Some(text) = self.text {
            ways.push(text.to_string());
        }
        ways.join(" or ")
    }

    /// Each number to call ("0800 111 0 111 or 0800 111 0 222" is two).
    pub fn call_numbers(&self) -> Vec<&'static str> {
        self.call
            .map_or_else(Vec::new, |c| c.split(" or ").collect())
    }

    /// The number a text goes to: "text SHOUT to 85258" sends to 85258,
    /// "text 988" to 988.
    pub fn text_number(&self) -> Option<&'static str> {
        let text = self.text?;
        let rest = text.strip_prefix("text ").unwrap_or(text);
        Some(rest.rsplit_once(" to ").map_or(rest, |(_, n)| n))
    }

    /// The day it was last checked.
    pub fn checked_on(&self) -> Option<Date> {
        let date = self.checked.parse::<Datetime>().ok()?.date?;
        date::is_real_date(date).then_some(date)
    }

    /// Whether the last check is more than a year before `today` (the
    /// person's local date): numbers change, so it is worth confirming.
    /// A date that cannot be read counts as old.
    pub fn checked_over_a_year_ago(&self, today: Date) -> bool {
        self.checked_on().is_none_or(|checked| {
            (today.year, today.month, today.day) > (checked.year + 1, checked.month, checked.day)
        })
    }
}

/// The emergency number of each country with lines in [`LINES`].
pub const EMERGENCY: &[(&str, &str)] = &[
    ("US", "911"),
    ("CA", "911"),
    ("GB", "999"),
    ("IE", "112 or 999"),
    ("AU", "000"),
    ("NZ", "111"),
    ("DE", "112"),
    ("FR", "112"),
    ("NL", "112"),
    ("IN", "112"),
    // Each checked on 2026-11-28 on a government page:
    // rtr.at (the Austrian telecoms regulator's list of emergency numbers),
    ("AT", "112 or 144"),
    // stadt-zuerich.ch (the City of Zürich: 144 for every medical emergency),
    ("CH", "144"),
    // city.odate.lg.jp (Odate City: 119 for fire and ambulance),
    ("JP", "119"),
    // the Ministry of Health and Welfare's 109 press release (eiec.kdi.re.kr).
    ("KR", "119"),
    // polizei.gv.at (the Vienna police: 112 in every EU member state, and
    // the main national number in Portugal and Sweden),
    ("PL", "112"),
    ("PT", "112"),
    // sjobo.se (Sjöbo Municipality: SOS Alarm on 112),
    ("SE", "112"),
    // scdf.gov.sg (the Civil Defence Force: 995 for an ambulance),
    ("SG", "995"),
    // capetown.gov.za (the City of Cape Town: 112, toll-free; from a
    // landline other numbers apply, so the mobile is named).
    ("ZA", "112 from a mobile phone"),
    // nfa.gov.tw (the National Fire Agency's "how to report": 119 for fire
    // and for an ambulance). Checked on 2026-11-29.
    ("TW", "119"),
];

/// When the first lines were checked.
const CHECKED: &str = "2026-11-22";
/// When the lines added for issue 15 were checked.
const CHECKED_2: &str = "2026-11-28";
/// When Taiwan's line was checked (issue 13). The Ministry of Health and
/// Welfare's 1925 line, Teacher Chang's 1980 and every Egyptian number
/// were found only in news pages, or on an official page with an older
/// number, so they are left out until an official page confirms them.
/// Thailand's 1323 (the Department of Mental Health's line), 1669
/// (emergency medical) and 191 (police) were found on 2026-11-29 only in
/// news and third-party pages, none on dmh.go.th, niems.go.th or another
/// official page (and news of a move to 911 leaves the emergency number in
/// doubt), so none is built in: the walk-through asks for hers and a line
/// she knows instead.
const CHECKED_3: &str = "2026-11-29";

const fn line(
    country: &'static str,
    name: &'static str,
    call: Option<&'static str>,
    source: &'static str,
) -> CrisisLine {
    CrisisLine {
        country,
        name,
        about: None,
        call,
        text: None,
        hours: None,
        source,
        checked: CHECKED,
    }
}

/// Every built-in line, grouped by country.
pub const LINES: &[CrisisLine] = &[
    CrisisLine {
        text: Some("text 988"),
        ..line(
            "US",
            "988 Suicide & Crisis Lifeline",
            Some("988"),
            "988lifeline.org",
        )
    },
    CrisisLine {
        text: Some("text HOME to 741741"),
        ..line("US", "Crisis Text Line", None, "crisistextline.org")
    },
    CrisisLine {
        about: Some("substance use"),
        hours: Some("24/7"),
        ..line(
            "US",
            "SAMHSA National Helpline",
            Some("1-800-662-4357"),
            "samhsa.gov",
        )
    },
    CrisisLine {
        text: Some("text 988"),
        ..line("CA", "9-8-8 Suicide Crisis Helpline", Some("988"), "988.ca")
    },
    line("GB", "Samaritans", Some("116 123"), "samaritans.org"),
    CrisisLine {
        text: Some("text SHOUT to 85258"),
        ..line("GB", "Shout", None, "giveusashout.org")
    },
    line("IE", "Samaritans", Some("116 123"), "samaritans.org"),
    line("IE", "Pieta", Some("1800 247 247"), "pieta.ie"),
    line("AU", "Lifeline", Some("13 11 14"), "lifeline.org.au"),
    CrisisLine {
        // Lifeline Australia's own appeal page; its text hours there are
        // older than today's, so no hours are kept.
        text: Some("text 0477 13 11 14"),
        checked: CHECKED_2,
        ..line(
            "AU",
            "Lifeline (text)",
            None,
            "https://lifeline.giveeasy.org/spr21-home",
        )
    },
    CrisisLine {
        text: Some("text 1737"),
        ..line("NZ", "Need to talk?", Some("1737"), "1737.org.nz")
    },
    line(
        "NZ",
        "Lifeline Aotearoa",
        Some("0800 543 354"),
        "lifeline.org.nz",
    ),
    line(
        "DE",
        "TelefonSeelsorge",
        Some("0800 111 0 111 or 0800 111 0 222"),
        "telefonseelsorge.de",
    ),
    line(
        "FR",
        "Numéro national de prévention du suicide",
        Some("3114"),
        "3114.fr",
    ),
    line(
        "NL",
        "113 Zelfmoordpreventie",
        Some("113 or 0800-0113"),
        "113.nl",
    ),
    line(
        "IN",
        "Tele-MANAS",
        Some("14416 or 1-800-891-4416"),
        "telemanas.mohfw.gov.in",
    ),
    CrisisLine {
        hours: Some("24/7"),
        checked: CHECKED_2,
        ..line(
            "AT",
            "TelefonSeelsorge",
            Some("142"),
            "https://rtr.at/TKP/was_wir_tun/telekommunikation/konsumentenservice/information/informationen_fuer_konsumenten/TKKS_Notrufe.de.html",
        )
    },
    CrisisLine {
        hours: Some("24/7"),
        checked: CHECKED_2,
        ..line(
            "CH",
            "Die Dargebotene Hand",
            Some("143"),
            "https://www.bag-blueprint.ch/die-dargebotene-hand-tel-143",
        )
    },
    CrisisLine {
        about: Some("your prefecture's public mental health line; hours vary"),
        checked: CHECKED_2,
        ..line(
            "JP",
            "こころの健康相談統一ダイヤル",
            Some("0570-064-556"),
            KAKOGAWA,
        )
    },
    CrisisLine {
        hours: Some("24/7"),
        checked: CHECKED_2,
        ..line("JP", "よりそいホットライン", Some("0120-279-338"), KAKOGAWA)
    },
    CrisisLine {
        about: Some("suicide prevention line"),
        checked: CHECKED_2,
        ..line(
            "KR",
            "자살예방상담전화",
            Some("109"),
            "https://eiec.kdi.re.kr/policy/materialView.do?num=246730",
        )
    },
    CrisisLine {
        about: Some("for adults in emotional crisis"),
        hours: Some("not around the clock"),
        checked: CHECKED_2,
        ..line(
            "PL",
            "Poradnia telefoniczna w kryzysie emocjonalnym",
            Some("116 123"),
            "http://bytom.slaska.policja.gov.pl/ka4/bezpieczenstwo/pomoc-ofiarom-przestep/13360,Telefony-zaufania.html",
        )
    },
    CrisisLine {
        about: Some("then option 4, psychological counselling"),
        hours: Some("24/7"),
        checked: CHECKED_2,
        ..line(
            "PT",
            "SNS 24",
            Some("808 24 24 24"),
            "https://www.sns24.gov.pt/en/servico/aconselhamento-psicologico-no-sns-24/",
        )
    },
    CrisisLine {
        checked: CHECKED_2,
        ..line(
            "SE",
            "Självmordslinjen (Mind)",
            Some("90101"),
            "https://sjobo.se/omsorg-och-stod/psykisk-halsa/psykisk-ohalsa---det-finns-hjalp/sjalvmordstankar.html",
        )
    },
    CrisisLine {
        hours: Some("24/7"),
        checked: CHECKED_2,
        ..line(
            "SG",
            "national mindline 1771",
            Some("1771"),
            "https://www.moh.gov.sg/newsroom/national-mindline-1771-to-provide--round-the-clock-support-for-mental-health",
        )
    },
    CrisisLine {
        hours: Some("24/7"),
        checked: CHECKED_2,
        ..line(
            "ZA",
            "SADAG Suicide Crisis Helpline",
            Some("0800 567 567"),
            "https://www.sadag.org/index.php?option=com_content&view=article&id=3141:world-mental-health-day-7-october-2020&catid=149:press-releases&Itemid=601",
        )
    },
    CrisisLine {
        // The New Taipei City Lifeline Association's own page: 1995 from
        // any phone reaches the Lifeline of the county you are in. It
        // names no hours, so none are kept.
        about: Some("reaches the Lifeline of the county you are in"),
        checked: CHECKED_3,
        ..line(
            "TW",
            "生命線 Lifeline",
            Some("1995"),
            "http://www.1995.org.tw/dvocacy_detail_32.htm",
        )
    },
];

/// Kakogawa City's list of where to talk (a government page).
const KAKOGAWA: &str = "https://www.city.kakogawa.lg.jp/soshikikarasagasu/kenkouiryou/kenkoka/uerunesukenkojoho2/1418542913345.html";

/// What to show for one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryLines {
    pub country: String,
    /// The emergency number, when the country is known.
    pub emergency: Option<&'static str>,
    pub lines: Vec<&'static CrisisLine>,
}

impl CountryLines {
    /// Each emergency number as dialled: "112 or 999" is two, and "112
    /// from a mobile phone" is 112. Compared whole, "112 or 999" matched
    /// neither, and a card "Emergency · 112" from an Irish phone was held
    /// back as a wrong number (Trudy, issue #12).
    pub fn emergency_numbers(&self) -> Vec<&'static str> {
        self.emergency.map_or_else(Vec::new, |all| {
            all.split(" or ")
                .map(|way| {
                    let end = way
                        .find(|c: char| !(c.is_ascii_digit() || c == ' ' || c == '-'))
                        .unwrap_or(way.len());
                    way[..end].trim()
                })
                .filter(|n| !n.is_empty())
                .collect()
        })
    }
}

/// The lines for a country code (any case). An unknown or missing country
/// gets no lines at all, never another country's.
pub fn for_country(country: Option<&str>) -> Option<CountryLines> {
    let country = country?.trim().to_ascii_uppercase();
    // Only a code of the right shape names a country; anything else (a
    // typo, or escape sequences from a hostile file) names none.
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return None;
    }
    let emergency = EMERGENCY
        .iter()
        .find(|(cc, _)| *cc == country)
        .map(|(_, n)| *n);
    let lines = LINES.iter().filter(|l| l.country == country).collect();
    Some(CountryLines {
        country,
        emergency,
        lines,
    })
}

/// The lines to show, for every command that shows them (`now`, `print`,
/// `lines`, the check-in's early warning, `contact export`, the
/// walk-through): the country chosen for this run (`--country`), else the
/// plan's, else the locale's. `None` means "call your local emergency
/// number".
pub fn to_show(
    chosen: Option<&str>,
    plan: Option<&str>,
    locale: Option<&str>,
) -> Option<CountryLines> {
    for_country(chosen.or(plan).or(locale))
}

/// What to say when there is no line to show.
pub const LOCAL_EMERGENCY: &str = "call your local emergency number";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_shown_come_from_the_chosen_country_then_the_plan_then_the_locale() {
        let shown = |c, p, l| to_show(c, p, l).map(|lines| lines.country);
        assert_eq!(
            shown(Some("ie"), Some("GB"), Some("US")).as_deref(),
            Some("IE")
        );
        assert_eq!(shown(None, Some("GB"), Some("US")).as_deref(), Some("GB"));
        assert_eq!(shown(None, None, Some("US")).as_deref(), Some("US"));
        assert_eq!(shown(None, None, None), None);
        // A damaged plan country names none; it does not fall through to
        // the locale's, as before.
        assert_eq!(shown(None, Some("G\u{1b}"), Some("US")), None);
    }

    #[test]
    fn every_line_has_a_source_a_date_and_a_way_to_reach_it() {
        for l in LINES {
            assert!(!l.source.is_empty() && !l.source.contains(' '), "{l:?}");
            assert!(l.checked_on().is_some(), "{l:?}");
            assert!(l.call.is_some() || l.text.is_some(), "{l:?}");
            assert!(EMERGENCY.iter().any(|(cc, _)| *cc == l.country), "{l:?}");
        }
        for (cc, _) in EMERGENCY {
            assert!(LINES.iter().any(|l| l.country == *cc), "{cc} has no line");
            // Known by name, so `set --country` and the walk-through read it.
            assert!(crate::plan::country::name(cc).is_some(), "{cc} has no name");
        }
    }

    /// Fails once any line's check is more than a year old by today's
    /// clock, so the table cannot go stale unnoticed: check the line
    /// against its source again and move its date on.
    #[test]
    fn every_line_was_checked_within_the_last_year() {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let today = date::utc_from_unix(i64::try_from(secs).unwrap())
            .date
            .unwrap();
        for l in LINES {
            assert!(
                !l.checked_over_a_year_ago(today),
                "{} ({}) was last checked on {}: check it against {} again",
                l.name,
                l.country,
                l.checked,
                l.source
            );
            let checked = l.checked_on().unwrap();
            assert!(
                date::days_from_civil(checked) <= date::days_from_civil(today) + 1,
                "{l:?} is dated in the future"
            );
        }
    }

    #[test]
    fn every_number_is_digits_as_dialled() {
        let dialable = |n: &str| {
            n.chars().any(|c| c.is_ascii_digit())
                && n.chars()
                    .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        };
        for l in LINES {
            for n in l.call_numbers().into_iter().chain(l.text_number()) {
                assert!(dialable(n), "{n:?} in {l:?}");
            }
        }
        let shout = LINES.iter().find(|l| l.name == "Shout").unwrap();
        assert_eq!(shout.text_number(), Some("85258"));
        let de = LINES.iter().find(|l| l.country == "DE").unwrap();
        assert_eq!(de.call_numbers(), ["0800 111 0 111", "0800 111 0 222"]);
    }

    #[test]
    fn a_check_is_old_the_day_after_its_first_anniversary() {
        let day = |s: &str| s.parse::<Datetime>().unwrap().date.unwrap();
        let line = CrisisLine {
            checked: "2026-11-28",
            ..LINES[0]
        };
        assert!(!line.checked_over_a_year_ago(day("2026-11-28")));
        assert!(!line.checked_over_a_year_ago(day("2027-11-28")));
        assert!(line.checked_over_a_year_ago(day("2027-11-29")));
        let leap = CrisisLine {
            checked: "2028-02-29",
            ..LINES[0]
        };
        assert!(!leap.checked_over_a_year_ago(day("2029-02-28")));
        assert!(leap.checked_over_a_year_ago(day("2029-03-01")));
        let unreadable = CrisisLine {
            checked: "soon",
            ..LINES[0]
        };
        assert!(unreadable.checked_over_a_year_ago(day("2026-11-28")));
    }

    #[test]
    fn short_codes_are_never_stored_with_a_country_prefix() {
        for l in LINES {
            for number in [l.call, l.text].into_iter().flatten() {
                assert!(!number.contains('+'), "{l:?}");
            }
        }
        let calls: Vec<&str> = LINES.iter().filter_map(|l| l.call).collect();
        for code in [
            "988", "116 123", "13 11 14", "1737", "3114", "113", "14416", "142", "143", "109",
            "1771", "1995",
        ] {
            assert!(
                calls.iter().any(|c| c.split(" or ").any(|n| n == code)),
                "{code}"
            );
        }
    }

    #[test]
    fn each_emergency_number_is_one_number_as_dialled() {
        let numbers = |cc| for_country(Some(cc)).unwrap().emergency_numbers();
        assert_eq!(numbers("IE"), ["112", "999"]);
        assert_eq!(numbers("AT"), ["112", "144"]);
        assert_eq!(numbers("ZA"), ["112"]);
        assert_eq!(numbers("NZ"), ["111"]);
        assert!(numbers("AR").is_empty());
        for (cc, _) in EMERGENCY {
            for n in numbers(cc) {
                assert!(n.chars().all(|c| c.is_ascii_digit()), "{cc}: {n:?}");
            }
        }
    }

    #[test]
    fn an_unknown_country_never_shows_another_countrys_numbers() {
        let unknown = for_country(Some("AR")).unwrap();
        assert!(unknown.lines.is_empty());
        assert_eq!(unknown.emergency, None);
        assert!(for_country(None).is_none());
        let gb = for_country(Some("gb")).unwrap();
        assert!(gb.lines.iter().all(|l| l.country == "GB"));
        assert_eq!(gb.emergency, Some("999"));
    }
}
