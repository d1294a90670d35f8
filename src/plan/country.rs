//! Countries as people type and read them: "Ireland", "ireland", "IE" and
//! "Éire" all mean IE, and the walk-through shows names, not codes.

/// Two-letter code, English name, then other names people type (in the
/// country's own languages), lower case. Every country with checked crisis
/// lines is here, and common others.
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    (
        "AE",
        "United Arab Emirates",
        &["uae", "الإمارات", "الامارات", "الإمارات العربية المتحدة"],
    ),
    ("AR", "Argentina", &[]),
    (
        "AT",
        "Austria",
        &[
            "österreich",
            "oesterreich",
            "австрия",
            "autriche",
            "奥地利",
            "奧地利",
            "オーストリア",
            "오스트리아",
        ],
    ),
    (
        "AU",
        "Australia",
        &[
            "australien",
            "澳大利亚",
            "澳大利亞",
            "澳洲",
            "オーストラリア",
            "호주",
            "أستراليا",
            "אוסטרליה",
        ],
    ),
    ("BE", "Belgium", &["belgië", "belgique", "belgien"]),
    ("BR", "Brazil", &["brasil"]),
    ("BY", "Belarus", &["беларусь", "белоруссия"]),
    (
        "CA",
        "Canada",
        &[
            "kanada",
            "加拿大",
            "カナダ",
            "캐나다",
            "كندا",
            "קנדה",
            "канада",
        ],
    ),
    (
        "CH",
        "Switzerland",
        &[
            "schweiz",
            "suisse",
            "svizzera",
            "svizra",
            "瑞士",
            "スイス",
            "스위스",
        ],
    ),
    ("CL", "Chile", &[]),
    (
        "CN",
        "China",
        &[
            "中国",
            "中國",
            "中华人民共和国",
            "中華人民共和國",
            "people's republic of china",
            "zhongguo",
        ],
    ),
    ("CO", "Colombia", &[]),
    ("CZ", "Czechia", &["czech republic", "česko"]),
    (
        "DE",
        "Germany",
        &[
            "deutschland",
            "германия",
            "גרמניה",
            "allemagne",
            "alemania",
            "germania",
            "德国",
            "德國",
            "ドイツ",
            "독일",
            "ألمانيا",
        ],
    ),
    ("DK", "Denmark", &["danmark"]),
    ("EG", "Egypt", &["مصر", "égypte", "ägypten"]),
    ("ES", "Spain", &["españa", "espana", "испания"]),
    ("FI", "Finland", &["suomi"]),
    (
        "FR",
        "France",
        &[
            "франция",
            "צרפת",
            "frankreich",
            "francia",
            "法国",
            "法國",
            "フランス",
            "프랑스",
            "فرنسا",
        ],
    ),
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
            "royaume-uni",
            "reino unido",
            "vereinigtes königreich",
            "英国",
            "英國",
            "イギリス",
            "영국",
            "المملكة المتحدة",
            "בריטניה",
        ],
    ),
    (
        "GR",
        "Greece",
        &["ελλάδα", "ελλαδα", "ελλάς", "hellas", "ελληνική δημοκρατία"],
    ),
    ("HK", "Hong Kong", &["香港", "hongkong"]),
    ("ID", "Indonesia", &[]),
    (
        "IE",
        "Ireland",
        &[
            "éire",
            "eire",
            "republic of ireland",
            "irlande",
            "irland",
            "irlanda",
            "爱尔兰",
            "愛爾蘭",
            "アイルランド",
            "아일랜드",
            "أيرلندا",
            "ايرلندا",
            "אירלנד",
            "ирландия",
        ],
    ),
    ("IL", "Israel", &["ישראל", "израиль", "isra'il", "إسرائيل"]),
    (
        "IN",
        "India",
        &[
            "bharat",
            "भारत",
            "இந்தியா",
            "ভারত",
            "印度",
            "インド",
            "인도",
            "الهند",
        ],
    ),
    ("IT", "Italy", &["italia", "италия"]),
    ("JO", "Jordan", &["الأردن", "الاردن"]),
    (
        "JP",
        "Japan",
        &[
            "日本",
            "日本国",
            "にほん",
            "にっぽん",
            "nippon",
            "nihon",
            "일본",
            "япония",
        ],
    ),
    (
        "KR",
        "South Korea",
        &[
            "korea",
            "republic of korea",
            "대한민국",
            "한국",
            "남한",
            "韓国",
            "韩国",
            "韓國",
            "南韩",
            "南韓",
        ],
    ),
    ("LB", "Lebanon", &["لبنان", "liban"]),
    ("MA", "Morocco", &["المغرب", "maroc"]),
    ("MO", "Macao", &["macau", "澳門", "澳门"]),
    ("MX", "Mexico", &["méxico"]),
    ("MY", "Malaysia", &[]),
    (
        "NL",
        "Netherlands",
        &[
            "the netherlands",
            "holland",
            "nederland",
            "pays-bas",
            "niederlande",
            "países bajos",
            "荷兰",
            "荷蘭",
            "オランダ",
            "네덜란드",
        ],
    ),
    ("NO", "Norway", &["norge"]),
    (
        "NZ",
        "New Zealand",
        &[
            "aotearoa",
            "新西兰",
            "紐西蘭",
            "新西蘭",
            "ニュージーランド",
            "뉴질랜드",
        ],
    ),
    ("PH", "Philippines", &["pilipinas"]),
    (
        "PL",
        "Poland",
        &[
            "polska",
            "pologne",
            "polen",
            "польша",
            "波兰",
            "波蘭",
            "ポーランド",
            "폴란드",
        ],
    ),
    ("PT", "Portugal", &["葡萄牙", "ポルトガル", "포르투갈"]),
    ("RU", "Russia", &["россия", "russian federation"]),
    (
        "SA",
        "Saudi Arabia",
        &["السعودية", "المملكة العربية السعودية"],
    ),
    (
        "SE",
        "Sweden",
        &[
            "sverige",
            "suède",
            "schweden",
            "瑞典",
            "スウェーデン",
            "스웨덴",
        ],
    ),
    (
        "SG",
        "Singapore",
        &[
            "singapura",
            "新加坡",
            "シンガポール",
            "싱가포르",
            "சிங்கப்பூர்",
        ],
    ),
    ("TH", "Thailand", &["ประเทศไทย", "ไทย"]),
    ("TR", "Türkiye", &["turkey", "turkiye", "турция"]),
    (
        "TW",
        "Taiwan",
        &[
            "台灣",
            "台湾",
            "臺灣",
            "臺湾",
            "中華民國",
            "中华民国",
            "republic of china",
        ],
    ),
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
            "estados unidos",
            "états-unis",
            "etats-unis",
            "vereinigte staaten",
            "美国",
            "美國",
            "アメリカ",
            "미국",
            "الولايات المتحدة",
        ],
    ),
    ("VN", "Vietnam", &["việt nam", "viet nam"]),
    (
        "ZA",
        "South Africa",
        &[
            "suid-afrika",
            "iningizimu afrika",
            "afrique du sud",
            "南非",
            "南アフリカ",
            "남아프리카 공화국",
        ],
    ),
    // Common others, in English and their own languages: a crisis-line
    // heading must name the country, never show a bare code.
    ("AF", "Afghanistan", &["افغانستان"]),
    ("BD", "Bangladesh", &["বাংলাদেশ"]),
    ("BG", "Bulgaria", &["българия"]),
    ("DZ", "Algeria", &["الجزائر", "algérie"]),
    ("EE", "Estonia", &["eesti"]),
    ("ET", "Ethiopia", &["ኢትዮጵያ"]),
    ("GH", "Ghana", &[]),
    ("HR", "Croatia", &["hrvatska"]),
    ("HU", "Hungary", &["magyarország"]),
    ("IQ", "Iraq", &["العراق"]),
    (
        "IR",
        "Iran",
        &["ایران", "إيران", "islamic republic of iran"],
    ),
    ("IS", "Iceland", &["ísland"]),
    ("KE", "Kenya", &[]),
    ("KW", "Kuwait", &["الكويت"]),
    ("LK", "Sri Lanka", &["ශ්‍රී ලංකාව", "இலங்கை"]),
    ("LT", "Lithuania", &["lietuva"]),
    ("LU", "Luxembourg", &["lëtzebuerg", "luxemburg"]),
    ("LV", "Latvia", &["latvija"]),
    ("NG", "Nigeria", &[]),
    ("NP", "Nepal", &["नेपाल"]),
    ("PE", "Peru", &["perú"]),
    ("PK", "Pakistan", &["پاکستان"]),
    ("QA", "Qatar", &["قطر"]),
    ("RO", "Romania", &["românia"]),
    ("RS", "Serbia", &["србија", "srbija"]),
    ("SI", "Slovenia", &["slovenija"]),
    ("SK", "Slovakia", &["slovensko"]),
    ("SY", "Syria", &["سوريا", "سورية"]),
    ("TN", "Tunisia", &["تونس", "tunisie"]),
    ("VE", "Venezuela", &[]),
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
    // `ＵＳＡ` and `Hong  Kong` are what they look like.
    let lower = crate::plan::typed::fold(trimmed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if lower == "none" {
        return Ok("NONE".into());
    }
    if lower == "uk" {
        return Ok("GB".into());
    }
    if lower.len() == 2 && lower.chars().all(|c| c.is_ascii_alphabetic()) {
        let code = lower.to_ascii_uppercase();
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
        let err = parse("Atlantis").unwrap_err();
        assert!(
            err.contains("`Atlantis`") && err.contains("IE for Ireland"),
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

    #[test]
    fn iran_and_other_common_countries_by_name() {
        for (typed, code) in [
            ("Iran", "IR"),
            ("ایران", "IR"),
            ("پاکستان", "PK"),
            ("नेपाल", "NP"),
            ("Nigeria", "NG"),
        ] {
            assert_eq!(parse(typed).as_deref(), Ok(code), "{typed}");
        }
        assert_eq!(name("IR"), Some("Iran"));
    }

    #[test]
    fn names_in_their_own_language_and_script() {
        for (typed, code) in [
            ("台灣", "TW"),
            ("台湾", "TW"),
            ("臺灣", "TW"),
            ("Taiwan", "TW"),
            ("ｔｗ", "TW"),
            ("香港", "HK"),
            ("Hong  Kong", "HK"),
            ("日本", "JP"),
            ("대한민국", "KR"),
            ("한국", "KR"),
            ("韓国", "KR"),
            ("中国", "CN"),
            ("中國", "CN"),
            ("Ελλάδα", "GR"),
            ("ελλαδα", "GR"),
            ("مصر", "EG"),
            ("ＵＳＡ", "US"),
            ("美國", "US"),
            ("Royaume-Uni", "GB"),
            ("Suid-Afrika", "ZA"),
        ] {
            assert_eq!(parse(typed).as_deref(), Ok(code), "{typed}");
            assert!(name(code).is_some(), "{code}");
        }
        // No name is two countries', and every code is a real one.
        let mut seen = std::collections::HashMap::new();
        for (code, english, others) in COUNTRIES {
            assert!(is_country_code(code), "{code}");
            for n in std::iter::once(english.to_lowercase())
                .chain(others.iter().map(|o| (*o).to_string()))
            {
                assert_eq!(n, n.to_lowercase(), "{n} should be lower case");
                if let Some(other) = seen.insert(n.clone(), *code) {
                    assert_eq!(other, *code, "{n} names {other} and {code}");
                }
            }
        }
    }
}
