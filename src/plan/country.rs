//! Countries as people type and read them: "Ireland", "ireland", "IE" and
//! "Éire" all mean IE, and the walk-through shows names, not codes.

/// Two-letter code, English name, then other names people type (in the
/// country's own languages), lower case. Every country with checked crisis
/// lines is here, and common others.
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("AT", "Austria", &["österreich", "oesterreich", "австрия"]),
    ("AU", "Australia", &[]),
    ("BE", "Belgium", &["belgië", "belgique", "belgien"]),
    ("BR", "Brazil", &["brasil"]),
    ("BY", "Belarus", &["беларусь", "белоруссия"]),
    ("CA", "Canada", &[]),
    ("CH", "Switzerland", &["schweiz", "suisse", "svizzera"]),
    ("CN", "China", &["中国"]),
    ("CZ", "Czechia", &["czech republic", "česko"]),
    ("DE", "Germany", &["deutschland", "германия", "גרמניה"]),
    ("DK", "Denmark", &["danmark"]),
    ("ES", "Spain", &["españa", "espana", "испания"]),
    ("FI", "Finland", &["suomi"]),
    ("FR", "France", &["франция", "צרפת"]),
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
            "великобритания",
            "англия",
        ],
    ),
    ("GR", "Greece", &["ελλάδα"]),
    ("IE", "Ireland", &["éire", "eire", "republic of ireland"]),
    ("IL", "Israel", &["ישראל", "израиль", "isra'il"]),
    ("IN", "India", &["bharat", "भारत"]),
    ("IT", "Italy", &["italia", "италия"]),
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
    ("RU", "Russia", &["россия", "russian federation"]),
    ("SE", "Sweden", &["sverige"]),
    ("SG", "Singapore", &[]),
    ("TR", "Türkiye", &["turkey", "turkiye", "турция"]),
    ("UA", "Ukraine", &["україна", "украина"]),
    (
        "US",
        "United States",
        &[
            "usa",
            "united states of america",
            "america",
            "the united states",
            "сша",
            "америка",
            "ארצות הברית",
        ],
    ),
    ("ZA", "South Africa", &[]),
];

/// Every ISO 3166-1 alpha-2 country code (from Debian's iso-codes), so a
/// code that names no country is refused instead of kept silently.
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Whether `code` (upper case) is an ISO 3166-1 country code.
fn is_country_code(code: &str) -> bool {
    code.len() == 2 && ISO_3166_ALPHA2.split(' ').any(|c| c == code)
}

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
        let code = trimmed.to_ascii_uppercase();
        if is_country_code(&code) {
            return Ok(code);
        }
        return Err(format!(
            "`{code}` is not a country code: give the country's name, or its two-letter code, like IE for Ireland or IL for Israel"
        ));
    }
    COUNTRIES
        .iter()
        .find(|(_, name, others)| name.to_lowercase() == lower || others.contains(&lower.as_str()))
        .map(|(code, _, _)| (*code).to_string())
        .ok_or_else(|| {
            format!(
                // Cleaned where it is shown, as every error is.
                "`{trimmed}` is not a country name relapse-plan knows: give its two-letter code instead, like IE for Ireland or JP for Japan"
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

    #[test]
    fn names_in_the_persons_language_and_codes_that_are_no_country() {
        for typed in ["Israel", "Израиль", "ישראל", "IL"] {
            assert_eq!(parse(typed).as_deref(), Ok("IL"), "{typed}");
        }
        assert_eq!(parse("España").as_deref(), Ok("ES"));
        assert_eq!(parse("Германия").as_deref(), Ok("DE"));
        assert_eq!(parse("Украина").as_deref(), Ok("UA"));
        let err = parse("ZZ").unwrap_err();
        assert!(err.contains("`ZZ` is not a country code"), "{err}");
        assert!(parse("zz").is_err());
        assert!(ISO_3166_ALPHA2.split(' ').count() == 249);
    }
}
