//! Countries as people type and read them: "Ireland", "ireland", "IE" and
//! "Éire" all mean IE, and the walk-through shows names, not codes.

/// Two-letter code, English name, then other names people type (in the
/// country's own languages), lower case. Every country with checked crisis
/// lines is here, and common others.
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("AT", "Austria", &["österreich", "oesterreich"]),
    ("AU", "Australia", &[]),
    ("BE", "Belgium", &["belgië", "belgique", "belgien"]),
    ("BR", "Brazil", &["brasil"]),
    ("CA", "Canada", &[]),
    ("CH", "Switzerland", &["schweiz", "suisse", "svizzera"]),
    ("CZ", "Czechia", &["czech republic", "česko"]),
    ("DE", "Germany", &["deutschland"]),
    ("DK", "Denmark", &["danmark"]),
    ("ES", "Spain", &["españa", "espana"]),
    ("FI", "Finland", &["suomi"]),
    ("FR", "France", &[]),
    (
        "GB",
        "United Kingdom",
        &[
            "uk",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "northern ireland",
        ],
    ),
    ("GR", "Greece", &["ελλάδα"]),
    ("IE", "Ireland", &["éire", "eire", "republic of ireland"]),
    ("IN", "India", &["bharat", "भारत"]),
    ("IT", "Italy", &["italia"]),
    ("JP", "Japan", &["日本", "nippon", "nihon"]),
    (
        "KR",
        "South Korea",
        &["korea", "republic of korea", "대한민국", "한국"],
    ),
    ("MX", "Mexico", &["méxico"]),
    (
        "NL",
        "Netherlands",
        &["the netherlands", "holland", "nederland"],
    ),
    ("NO", "Norway", &["norge"]),
    ("NZ", "New Zealand", &["aotearoa"]),
    ("PL", "Poland", &["polska"]),
    ("PT", "Portugal", &[]),
    ("SE", "Sweden", &["sverige"]),
    ("SG", "Singapore", &[]),
    (
        "US",
        "United States",
        &[
            "usa",
            "united states of america",
            "america",
            "the united states",
        ],
    ),
    ("ZA", "South Africa", &[]),
];

/// A country's English name, if it is one this tool knows by name.
pub fn name(code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, name, _)| *name)
}

/// What was typed for a country: `Ok("NONE")` to clear it, `Ok(code)` for
/// a two-letter code (`UK` is GB) or a name this tool knows, and otherwise
/// one sentence saying what is expected.
pub fn parse(typed: &str) -> Result<String, String> {
    let trimmed = typed.trim();
    let lower = trimmed.to_lowercase();
    if lower == "none" {
        return Ok("NONE".into());
    }
    if lower == "uk" {
        return Ok("GB".into());
    }
    if trimmed.len() == 2 && trimmed.chars().all(|c| c.is_ascii_alphabetic()) {
        return Ok(trimmed.to_ascii_uppercase());
    }
    COUNTRIES
        .iter()
        .find(|(_, name, others)| name.to_lowercase() == lower || others.contains(&lower.as_str()))
        .map(|(code, _, _)| (*code).to_string())
        .ok_or_else(|| {
            format!(
                "`{}` is not a country name relapse-plan knows: give its two-letter code instead, like IE for Ireland or JP for Japan",
                crate::render::clean(trimmed)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_people_type() {
        for typed in ["Ireland", "ireland", " IE ", "ie", "Éire"] {
            assert_eq!(parse(typed).as_deref(), Ok("IE"), "{typed}");
        }
        assert_eq!(parse("UK").as_deref(), Ok("GB"));
        assert_eq!(parse("Deutschland").as_deref(), Ok("DE"));
        assert_eq!(parse("none").as_deref(), Ok("NONE"));
        assert_eq!(parse("ES").as_deref(), Ok("ES"));
        let err = parse("Irlande").unwrap_err();
        assert!(
            err.contains("`Irlande`") && err.contains("IE for Ireland"),
            "{err}"
        );
        assert!(parse("I E").is_err());
        assert_eq!(name("ie"), Some("Ireland"));
    }
}
