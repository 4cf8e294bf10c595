//! Prisma's inflector: the names `prisma format` gives the relation fields it adds (the
//! model name in camel case, pluralised for a list). Our quick fixes and scaffolding name
//! their fields the same way, so a schema reads as if Prisma had written it.

/// The field name Prisma derives from a model name (the inflector's camel case): a word
/// starts after a separator or a digit, or at a capital that follows a small letter;
/// everything else is lowered, so `OhWhatAUser` → `ohWhatAUser`, `HTTPServer` →
/// `httpserver`, `user_account` → `userAccount`.
pub fn field_name(name: &str) -> String {
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(name.len());
    let mut new_word = false;
    let mut started = false;
    // The last character written lowered (a word's capital does not count).
    let mut last_lowered = ' ';
    for c in name.chars() {
        if !c.is_alphanumeric() {
            new_word = started;
        } else if c.is_numeric() {
            started = true;
            new_word = true;
            out.push(c);
        } else if new_word || (last_lowered.is_lowercase() && c.is_uppercase()) {
            started = true;
            new_word = false;
            out.push(c.to_ascii_uppercase());
        } else {
            started = true;
            last_lowered = c;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The plural Prisma gives a generated list field (the inflector's rules: a few irregular
/// words, words without a plural, then suffix rules, the most specific first).
pub fn plural(word: &str) -> String {
    const SAME: [&str; 202] = [
        "accommodation",
        "adulthood",
        "advertising",
        "advice",
        "aggression",
        "aid",
        "air",
        "aircraft",
        "alcohol",
        "anger",
        "applause",
        "arithmetic",
        "assistance",
        "athletics",
        "bacon",
        "baggage",
        "beef",
        "biology",
        "blood",
        "botany",
        "bread",
        "butter",
        "carbon",
        "cardboard",
        "cash",
        "chalk",
        "chaos",
        "chess",
        "crossroads",
        "countryside",
        "dancing",
        "deer",
        "dignity",
        "dirt",
        "dust",
        "economics",
        "education",
        "electricity",
        "engineering",
        "enjoyment",
        "envy",
        "equipment",
        "ethics",
        "evidence",
        "evolution",
        "fame",
        "fiction",
        "flour",
        "flu",
        "food",
        "fuel",
        "fun",
        "furniture",
        "gallows",
        "garbage",
        "garlic",
        "genetics",
        "gold",
        "golf",
        "gossip",
        "grammar",
        "gratitude",
        "grief",
        "guilt",
        "gymnastics",
        "happiness",
        "hardware",
        "harm",
        "hate",
        "hatred",
        "health",
        "heat",
        "help",
        "homework",
        "honesty",
        "honey",
        "hospitality",
        "housework",
        "humour",
        "hunger",
        "hydrogen",
        "ice",
        "importance",
        "inflation",
        "information",
        "innocence",
        "iron",
        "irony",
        "jam",
        "jewelry",
        "judo",
        "karate",
        "knowledge",
        "lack",
        "laughter",
        "lava",
        "leather",
        "leisure",
        "lightning",
        "linguine",
        "linguini",
        "linguistics",
        "literature",
        "litter",
        "livestock",
        "logic",
        "loneliness",
        "luck",
        "luggage",
        "macaroni",
        "machinery",
        "magic",
        "management",
        "mankind",
        "marble",
        "mathematics",
        "mayonnaise",
        "measles",
        "methane",
        "milk",
        "money",
        "mud",
        "music",
        "mumps",
        "nature",
        "news",
        "nitrogen",
        "nonsense",
        "nurture",
        "nutrition",
        "obedience",
        "obesity",
        "oxygen",
        "pasta",
        "patience",
        "physics",
        "poetry",
        "pollution",
        "poverty",
        "pride",
        "psychology",
        "publicity",
        "punctuation",
        "quartz",
        "racism",
        "relaxation",
        "reliability",
        "research",
        "respect",
        "revenge",
        "rice",
        "rubbish",
        "rum",
        "safety",
        "scenery",
        "seafood",
        "seaside",
        "series",
        "shame",
        "sheep",
        "shopping",
        "sleep",
        "smoke",
        "smoking",
        "snow",
        "soap",
        "software",
        "soil",
        "spaghetti",
        "species",
        "steam",
        "stuff",
        "stupidity",
        "sunshine",
        "symmetry",
        "tennis",
        "thirst",
        "thunder",
        "timber",
        "traffic",
        "transportation",
        "trust",
        "underwear",
        "unemployment",
        "unity",
        "validity",
        "veal",
        "vegetation",
        "vegetarianism",
        "vengeance",
        "violence",
        "vitality",
        "warmth",
        "wealth",
        "weather",
        "welfare",
        "wheat",
        "wildlife",
        "wisdom",
        "yoga",
        "zinc",
        "zoology",
    ];
    const IRREGULAR: [(&str, &str); 10] = [
        ("ox", "oxen"),
        ("man", "men"),
        ("woman", "women"),
        ("die", "dice"),
        ("yes", "yeses"),
        ("foot", "feet"),
        ("eave", "eaves"),
        ("goose", "geese"),
        ("tooth", "teeth"),
        ("quiz", "quizzes"),
    ];
    if SAME.contains(&word) {
        return word.to_string();
    }
    if let Some((_, plural)) = IRREGULAR.iter().find(|(singular, _)| *singular == word) {
        return (*plural).to_string();
    }
    let chars: Vec<char> = word.chars().collect();
    // The character `back` places before the end, if any.
    let before = |back: usize| chars.len().checked_sub(back + 1).map(|i| chars[i]);
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| word.ends_with(s));
    let stem = |cut: usize| &word[..word.len() - cut];
    // Stem alternatives followed by one of `endings`: the stem (without the ending) + `add`.
    let rule = |stems: &[&str], endings: &[&str], add: &str| -> Option<String> {
        endings.iter().find_map(|ending| {
            let base = word.strip_suffix(ending)?;
            stems
                .iter()
                .any(|s| base.ends_with(s))
                .then(|| format!("{base}{add}"))
        })
    };
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiou".contains(c));
    if word.ends_with("eaux") {
        return word.to_string();
    }
    if let Some(found) = rule(&["child"], &["ren", ""], "ren") {
        return found;
    }
    if let Some(found) = rule(&["pe"], &["rson", "ople"], "ople") {
        return found;
    }
    if let Some(found) = rule(&["m", "l"], &["ice", "ouse"], "ice") {
        return found;
    }
    if let Some(found) = rule(
        &["matr", "cod", "mur", "sil", "vert", "ind", "append"],
        &["ix", "ex"],
        "ices",
    ) {
        return found;
    }
    if ends(&["x", "ch", "ss", "sh", "zz"]) {
        return format!("{word}es");
    }
    if ends(&["xes", "ches", "sses", "shes", "zzes"]) {
        return word.to_string();
    }
    // `[^ch][ieo][ln]ey`
    if word.ends_with("ey")
        && before(2).is_some_and(|c| c == 'l' || c == 'n')
        && before(3).is_some_and(|c| "ieo".contains(c))
        && before(4).is_some_and(|c| c != 'c' && c != 'h')
    {
        return format!("{}ies", stem(2));
    }
    // `([^aeiouy]|qu)y`
    if word.ends_with('y')
        && (before(1).is_some_and(|c| !"aeiouy".contains(c)) || word.ends_with("quy"))
    {
        return format!("{}ies", stem(1));
    }
    if let Some(found) = rule(&["ar", "l", "ea", "eo", "oa", "hoo"], &["f"], "ves") {
        return found;
    }
    if let Some(found) = rule(&["kni", "wi", "li"], &["fe"], "ves") {
        return found;
    }
    if word.ends_with("sis") {
        return format!("{}ses", stem(3));
    }
    if let Some(found) = rule(
        &[
            "apheli",
            "hyperbat",
            "periheli",
            "asyndet",
            "noumen",
            "phenomen",
            "criteri",
            "organ",
            "prolegomen",
            "hedr",
            "automat",
        ],
        &["a", "on"],
        "a",
    ) {
        return found;
    }
    if let Some(found) = rule(
        &[
            "agend",
            "addend",
            "millenni",
            "dat",
            "extrem",
            "bacteri",
            "desiderat",
            "strat",
            "candelabr",
            "errat",
            "ov",
            "symposi",
            "curricul",
            "automat",
            "quor",
        ],
        &["a", "um"],
        "a",
    ) {
        return found;
    }
    if let Some(found) = rule(&["her", "at", "gr"], &["o"], "oes") {
        return found;
    }
    if let Some(found) = rule(&["seraph", "cherub"], &["im", ""], "im") {
        return found;
    }
    if let Some(found) = rule(&["alumn", "alg", "vertebr"], &["a", "ae"], "ae") {
        return found;
    }
    if let Some(found) = rule(
        &[
            "alumn", "syllab", "octop", "vir", "radi", "nucle", "fung", "cact", "stimul", "termin",
            "bacill", "foc", "uter", "loc", "strat",
        ],
        &["us", "i"],
        "i",
    ) {
        return found;
    }
    // `[^l]ias|[aeiou]las|[emjzr]as|[iu]am`: already plural.
    let already_plural = (word.ends_with("ias") && before(3).is_some_and(|c| c != 'l'))
        || (word.ends_with("las") && vowel(before(3)))
        || (word.ends_with("as") && before(2).is_some_and(|c| "emjzr".contains(c)))
        || (word.ends_with("am") && before(2).is_some_and(|c| c == 'i' || c == 'u'));
    if already_plural {
        return word.to_string();
    }
    // `e[mn]u` with or without an `s`.
    let emu = |w: &str| w.len() >= 3 && (w.ends_with("emu") || w.ends_with("enu"));
    if emu(word) {
        return format!("{word}s");
    }
    if let Some(base) = word.strip_suffix('s')
        && emu(base)
    {
        return word.to_string();
    }
    // `alias|[^aou]us|tlas|gas|ris`
    if word.ends_with("alias")
        || (word.ends_with("us") && before(2).is_some_and(|c| !"aou".contains(c)))
        || word.ends_with("tlas")
        || word.ends_with("gas")
        || word.ends_with("ris")
    {
        return format!("{word}es");
    }
    if let Some(found) = rule(&["ax", "test"], &["is"], "es") {
        return found;
    }
    // `[^aeiou]ese`: already plural.
    if word.ends_with("ese") && before(3).is_some_and(|c| !"aeiou".contains(c)) {
        return word.to_string();
    }
    if word.ends_with('s') {
        return word.to_string();
    }
    format!("{word}s")
}

/// The name Prisma gives the opposite field it adds for a relation from `model`: the model
/// in camel case, pluralised when the field is a list (`User` → `user`, `users`).
pub fn opposite_field_name(model: &str, list: bool) -> String {
    let name = field_name(model);
    if list { plural(&name) } else { name }
}

/// `base`, or the first of `base2`, `base3`, … that is not `taken`: a new field's name that
/// does not clash with the fields already there (Prisma's own name would be a duplicate).
pub fn free_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1u32..)
        .map(|n| match n {
            1 => base.to_string(),
            n => format!("{base}{n}"),
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_as_prisma_format_writes_them() {
        let cases = [
            ("User", "user", "users"),
            ("OhWhatAUser", "ohWhatAUser", "ohWhatAUsers"),
            ("HTTPServer", "httpserver", "httpservers"),
            ("user_account", "userAccount", "userAccounts"),
            ("Person", "person", "people"),
            ("Analysis", "analysis", "analyses"),
            ("Category", "category", "categories"),
            ("Equipment", "equipment", "equipment"),
        ];
        for (model, singular, list) in cases {
            assert_eq!(field_name(model), singular, "{model}");
            assert_eq!(plural(&field_name(model)), list, "{model}");
        }
    }
}
