//! Built-in crisis lines, kept as data with the source each was checked
//! against and the date. Wrong or dead numbers are a known failure of
//! mental-health apps, so nothing goes in here unchecked, and short codes
//! (988, 116 123, 13 11 14) are stored as dialled inside the country, never
//! with a +country prefix: they cannot be dialled from abroad.

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
    /// The organisation's own site the entry was checked against.
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
];

const CHECKED: &str = "2026-11-22";

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
];

/// What to show for one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryLines {
    pub country: String,
    /// The emergency number, when the country is known.
    pub emergency: Option<&'static str>,
    pub lines: Vec<&'static CrisisLine>,
}

/// The lines for a country code (any case). An unknown or missing country
/// gets no lines at all, never another country's.
pub fn for_country(country: Option<&str>) -> Option<CountryLines> {
    let country = country?.trim().to_ascii_uppercase();
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

/// What to say when there is no line to show.
pub const LOCAL_EMERGENCY: &str = "call your local emergency number";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_a_source_a_date_and_a_way_to_reach_it() {
        for l in LINES {
            assert!(!l.source.is_empty() && !l.source.contains(' '), "{l:?}");
            assert_eq!(l.checked.len(), 10, "{l:?}");
            assert!(l.call.is_some() || l.text.is_some(), "{l:?}");
            assert!(EMERGENCY.iter().any(|(cc, _)| *cc == l.country), "{l:?}");
        }
    }

    #[test]
    fn short_codes_are_never_stored_with_a_country_prefix() {
        for l in LINES {
            for number in [l.call, l.text].into_iter().flatten() {
                assert!(!number.contains('+'), "{l:?}");
            }
        }
        let calls: Vec<&str> = LINES.iter().filter_map(|l| l.call).collect();
        for code in ["988", "116 123", "13 11 14", "1737", "3114", "113", "14416"] {
            assert!(
                calls.iter().any(|c| c.split(" or ").any(|n| n == code)),
                "{code}"
            );
        }
    }

    #[test]
    fn an_unknown_country_never_shows_another_countrys_numbers() {
        let unknown = for_country(Some("JP")).unwrap();
        assert!(unknown.lines.is_empty());
        assert_eq!(unknown.emergency, None);
        assert!(for_country(None).is_none());
        let gb = for_country(Some("gb")).unwrap();
        assert!(gb.lines.iter().all(|l| l.country == "GB"));
        assert_eq!(gb.emergency, Some("999"));
    }
}
