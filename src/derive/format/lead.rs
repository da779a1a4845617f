//! The run-in lead of an English progress item, fitted to its title. The
//! Chinese 一是……；二是…… becomes "The first is to …" only where the title
//! is a verb phrase: an item titled "Lists" would print "The first is to
//! lists." So the title is read first:
//!
//! - **A verb phrase**: its first word (after an optional "To") is a verb in
//!   its base form, from a list of the verbs reports use ("set", "build",
//!   "strengthen", …) or ending in -ize, -ise or -ify ("mobilise",
//!   "intensify"). A word that is a noun as often as a verb ("support",
//!   "review", "increase", "repair", …) counts as a verb only when a word
//!   other than a preposition or "and" follows it: "Support farmers" is a
//!   verb phrase, "Support for farmers" and "Repairs" are not.
//!   → "The first is to set up the headquarters."
//! - **A sentence**: it starts with a subject pronoun ("We", "They", "I",
//!   …), ends with its own full stop, question or exclamation mark, or has a
//!   finite verb after its first word ("is", "are", "has", "lack", "remains",
//!   a word with -ed, a verb with -s before another word: "Progress is
//!   uneven", "Roads improved", "Baiguo Town brings farming to …").
//!   → "First, we opened the station."
//! - **A noun phrase**: anything else ("Lists", "Road repairs", "The new
//!   clinic"). → "First, road repairs."
//!
//! The first word is lower-cased after "to" or "First, " when it is a verb,
//! an article, a determiner or a pronoun ("The Party branch met" → "First,
//! the Party branch met."), but never "I"; any other first word as the
//! `lcfirst` filter does (a name of capitalised words stays: "Tuanfeng
//! County opened …").

use super::en::{ordinal_lower, ordinal_word};

/// What an item's title is, for its lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// "Set up the headquarters".
    VerbPhrase,
    /// "Road repairs".
    NounPhrase,
    /// "We opened the station."
    Sentence,
}

/// Verbs in their base form, as the titles of reports' items start.
const VERBS: &[&str] = &[
    "accelerate",
    "achieve",
    "adjust",
    "adopt",
    "advance",
    "allocate",
    "apply",
    "arrange",
    "assess",
    "assign",
    "attract",
    "boost",
    "break",
    "bring",
    "broaden",
    "build",
    "carry",
    "clean",
    "clear",
    "collect",
    "combine",
    "complete",
    "conduct",
    "consolidate",
    "construct",
    "continue",
    "coordinate",
    "create",
    "cultivate",
    "cut",
    "deepen",
    "deliver",
    "deploy",
    "develop",
    "do",
    "draw",
    "drive",
    "encourage",
    "enhance",
    "enlarge",
    "ensure",
    "establish",
    "expand",
    "explore",
    "extend",
    "find",
    "finish",
    "focus",
    "follow",
    "foster",
    "formulate",
    "further",
    "give",
    "grasp",
    "grow",
    "guide",
    "hold",
    "implement",
    "improve",
    "increase",
    "innovate",
    "inspect",
    "install",
    "integrate",
    "introduce",
    "invest",
    "keep",
    "launch",
    "lead",
    "lift",
    "make",
    "manage",
    "meet",
    "mobilise",
    "mobilize",
    "monitor",
    "open",
    "optimise",
    "optimize",
    "organise",
    "organize",
    "pair",
    "perform",
    "pilot",
    "prepare",
    "prevent",
    "promote",
    "protect",
    "provide",
    "publicise",
    "publicize",
    "push",
    "put",
    "raise",
    "rebuild",
    "reduce",
    "refine",
    "reinforce",
    "relocate",
    "renovate",
    "resettle",
    "resolve",
    "restore",
    "run",
    "safeguard",
    "secure",
    "select",
    "send",
    "serve",
    "set",
    "settle",
    "speed",
    "stabilise",
    "stabilize",
    "start",
    "step",
    "stimulate",
    "strengthen",
    "streamline",
    "supervise",
    "tackle",
    "take",
    "tighten",
    "train",
    "treat",
    "turn",
    "uphold",
    "upgrade",
    "widen",
    "win",
];

/// Words that are nouns as often as verbs: a verb only when a word other
/// than a preposition follows.
const NOUN_OR_VERB: &[&str] = &[
    "audit", "change", "check", "control", "design", "help", "issue", "plan", "reform", "release", "repair", "report",
    "research", "review", "support", "survey", "transfer", "visit", "increase", "pilot", "start", "train",
];

/// Words after which a [`NOUN_OR_VERB`] word is a noun: "Support for".
const PREPOSITIONS: &[&str] =
    &["of", "for", "in", "on", "at", "from", "with", "and", "to", "by", "under", "over", "across", "among", "within"];

/// Words ending in -ise or -ize that are not verbs.
const NOT_VERBS: &[&str] = &[
    "enterprise",
    "expertise",
    "premise",
    "franchise",
    "merchandise",
    "paradise",
    "noise",
    "cruise",
    "treatise",
    "demise",
    "precise",
    "concise",
    "otherwise",
    "likewise",
    "clockwise",
    "size",
    "prize",
];

/// Pronouns a sentence starts with.
const SUBJECTS: &[&str] = &["we", "they", "i", "he", "she", "it", "you", "everyone", "everybody"];

/// Articles, determiners and possessives: lower-cased after "First, ".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "that", "those", "our", "their", "its", "his", "her", "my", "your", "all",
    "each", "every", "some", "many", "most", "more", "no", "both", "several",
];

/// Finite verbs that make a title a sentence wherever they stand after its
/// first word.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "cannot", "could", "should", "must",
    "may", "might", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "don't", "doesn't", "didn't", "can't",
    "won't", "do", "does", "did", "remain", "remains", "remained", "lack", "lacks", "lacked", "need", "needs", "took",
    "made", "got", "became", "rose", "fell", "grew", "began", "went", "came", "gave", "saw", "met", "set", "built",
    "held", "won", "kept", "led", "brought",
];

/// The words of a title, lower-cased, without the marks around them.
fn words(title: &str) -> Vec<String> {
    title
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `word` (lower-cased) is a verb in its base form, given the word
/// after it.
fn is_verb(word: &str, next: Option<&str>) -> bool {
    if NOUN_OR_VERB.contains(&word) {
        return next.is_some_and(|n| !PREPOSITIONS.contains(&n));
    }
    if VERBS.contains(&word) {
        return true;
    }
    word.chars().count() >= 5
        && word.chars().all(|c| c.is_ascii_lowercase())
        && (word.ends_with("ize") || word.ends_with("ise") || word.ends_with("ify"))
        && !NOT_VERBS.contains(&word)
}

/// Whether `word` (lower-cased, not the first of the title) is a finite
/// verb: one of [`FINITE`], a word with -ed, or a verb of [`VERBS`] with -s
/// or -es that has a word after it ("Baiguo Town brings farming to …"; in
/// "Toilet upgrades" it is a plural noun).
fn is_finite(word: &str, last: bool) -> bool {
    if FINITE.contains(&word) || (word.len() > 4 && word.ends_with("ed")) {
        return true;
    }
    let verb = |stem: &str| VERBS.contains(&stem) && !NOUN_OR_VERB.contains(&stem);
    !last && (word.strip_suffix("es").is_some_and(verb) || word.strip_suffix('s').is_some_and(verb))
}

/// What `title` is: a verb phrase, a sentence or a noun phrase (see the
/// module's text).
pub fn title_kind(title: &str) -> TitleKind {
    let words = words(title);
    let skip = usize::from(words.first().is_some_and(|w| w == "to") && words.len() > 1);
    let Some(first) = words.get(skip) else { return TitleKind::NounPhrase };
    if is_verb(first, words.get(skip + 1).map(String::as_str)) {
        return TitleKind::VerbPhrase;
    }
    if SUBJECTS.contains(&first.as_str())
        || title.trim_end().ends_with(['.', '!', '?'])
        || words.iter().enumerate().skip(skip + 1).any(|(i, w)| is_finite(w, i + 1 == words.len()))
    {
        return TitleKind::Sentence;
    }
    TitleKind::NounPhrase
}

/// The bold lead of the `n`th progress item with `title`: "The first is to
/// set up the headquarters.", "First, road repairs.", "First, we opened the
/// station." A title that ends its own sentence keeps its mark.
pub fn item_lead(n: i64, title: &str) -> String {
    let title = title.trim();
    let kind = title_kind(title);
    let stop = if title.ends_with(['.', '!', '?']) { "" } else { "." };
    match kind {
        TitleKind::VerbPhrase => {
            let phrase = strip_to(title);
            format!("The {} is to {}{stop}", ordinal_lower(n), lower_first_word(phrase, true))
        }
        TitleKind::NounPhrase | TitleKind::Sentence => {
            format!("{}, {}{stop}", ordinal_word(n), lower_first_word(title, false))
        }
    }
}

/// The title without a leading "To ".
fn strip_to(title: &str) -> &str {
    match title.split_once(char::is_whitespace) {
        Some((to, rest)) if to.eq_ignore_ascii_case("to") && !rest.trim().is_empty() => rest.trim_start(),
        _ => title,
    }
}

/// `text` with its first word lower-cased where it starts a clause after
/// "to" or "First, ": always when `known` (a verb) or when it is an article,
/// a determiner or a pronoun other than "I"; otherwise when it is a
/// capitalised word (not an acronym) that does not begin a name of several
/// capitalised words.
fn lower_first_word(text: &str, known: bool) -> String {
    let (word, rest) = text.split_at(text.find(char::is_whitespace).unwrap_or(text.len()));
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return text.to_owned() };
    let tail = chars.as_str();
    let capitalised = first.is_uppercase() && !tail.is_empty() && tail.chars().all(|c| !c.is_uppercase());
    if !capitalised {
        return text.to_owned();
    }
    let lower = word.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let closed_class = DETERMINERS.contains(&bare) || (SUBJECTS.contains(&bare) && bare != "i");
    let next_is_name = rest.split_whitespace().next().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    if known || closed_class || !next_is_name {
        first.to_lowercase().chain(tail.chars()).chain(rest.chars()).collect()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_phrases_take_the_first_is_to() {
        let cases = [
            ("Set up the headquarters", "The first is to set up the headquarters."),
            (
                "Set up poverty alleviation bodies and task forces",
                "The first is to set up poverty alleviation bodies and task forces.",
            ),
            (
                "Draw up the county-wide plan for lifting people out of poverty",
                "The first is to draw up the county-wide plan for lifting people out of poverty.",
            ),
            ("Select and send village-stay work teams", "The first is to select and send village-stay work teams."),
            (
                "Push the work forward on site and supervise it",
                "The first is to push the work forward on site and supervise it.",
            ),
            (
                "Hold high-level meetings of the Standing Committee",
                "The first is to hold high-level meetings of the Standing Committee.",
            ),
            ("Formulate supporting policy documents", "The first is to formulate supporting policy documents."),
            ("Pilot poverty alleviation microcredit", "The first is to pilot poverty alleviation microcredit."),
            (
                "Carry out in-depth research on poverty alleviation",
                "The first is to carry out in-depth research on poverty alleviation.",
            ),
            (
                "Build various kinds of demonstration sites",
                "The first is to build various kinds of demonstration sites.",
            ),
            (
                "Assign responsibility and work from task lists",
                "The first is to assign responsibility and work from task lists.",
            ),
            ("Upgrade rural toilets with quality first", "The first is to upgrade rural toilets with quality first."),
            ("Treat domestic sewage by type of village", "The first is to treat domestic sewage by type of village."),
            (
                "Keep villages clean and improve their appearance",
                "The first is to keep villages clean and improve their appearance.",
            ),
            ("Open Tuanfeng Station", "The first is to open Tuanfeng Station."),
            ("Mobilise the forces of society", "The first is to mobilise the forces of society."),
            ("Intensify inspections of village roads", "The first is to intensify inspections of village roads."),
            ("Modernize the irrigation canals", "The first is to modernize the irrigation canals."),
            ("Support farmers with microcredit", "The first is to support farmers with microcredit."),
            ("Review the lists again and again", "The first is to review the lists again and again."),
            ("Increase villagers' incomes", "The first is to increase villagers' incomes."),
            ("To set up the headquarters", "The first is to set up the headquarters."),
            ("Set up the headquarters.", "The first is to set up the headquarters."),
            ("Strengthen the village Party organisation", "The first is to strengthen the village Party organisation."),
            ("Invest more in education", "The first is to invest more in education."),
        ];
        for (title, lead) in cases {
            assert_eq!(title_kind(title), TitleKind::VerbPhrase, "{title}");
            assert_eq!(item_lead(1, title), lead, "{title}");
        }
        assert_eq!(item_lead(12, "Train village cadres"), "The twelfth is to train village cadres.");
    }

    #[test]
    fn noun_phrases_take_first() {
        let cases = [
            ("Lists", "First, lists."),
            ("Road repairs", "First, road repairs."),
            ("Support for farmers", "First, support for farmers."),
            ("Review of the poverty lists", "First, review of the poverty lists."),
            ("Increase in incomes", "First, increase in incomes."),
            ("Repair", "First, repair."),
            ("Training for village cadres", "First, training for village cadres."),
            ("The new clinic", "First, the new clinic."),
            ("The Party branch", "First, the Party branch."),
            ("Our village-stay work", "First, our village-stay work."),
            ("Village roads and bridges", "First, village roads and bridges."),
            (
                "Tuanfeng County Poverty Alleviation Headquarters",
                "First, Tuanfeng County Poverty Alleviation Headquarters.",
            ),
            ("Microcredit for poor households", "First, microcredit for poor households."),
            ("Enterprise reform in the county", "First, enterprise reform in the county."),
            ("Toilet upgrades", "First, toilet upgrades."),
            ("Sewage treatment", "First, sewage treatment."),
            ("Health insurance for all", "First, health insurance for all."),
            ("Party building", "First, party building."),
            ("Rural living environment", "First, rural living environment."),
            ("Size of the collective economy", "First, size of the collective economy."),
            ("NASA-style checklists", "First, NASA-style checklists."),
            ("Plan", "First, plan."),
        ];
        for (title, lead) in cases {
            assert_eq!(title_kind(title), TitleKind::NounPhrase, "{title}");
            assert_eq!(item_lead(1, title), lead, "{title}");
        }
        assert_eq!(item_lead(2, "Road repairs"), "Second, road repairs.");
    }

    #[test]
    fn sentences_take_first_and_keep_their_own_stop() {
        let cases = [
            ("We opened the station.", "First, we opened the station."),
            ("We opened the station", "First, we opened the station."),
            ("They repaired 12 km of road", "First, they repaired 12 km of road."),
            ("I visited every household", "First, I visited every household."),
            ("It took three months", "First, it took three months."),
            ("Progress is uneven", "First, progress is uneven."),
            ("The work is not moving fast enough", "First, the work is not moving fast enough."),
            ("Results are not yet clear enough", "First, results are not yet clear enough."),
            ("Our experience of rural work is insufficient", "First, our experience of rural work is insufficient."),
            ("Villagers lack the inner drive to develop", "First, villagers lack the inner drive to develop."),
            ("Roads improved in every village", "First, roads improved in every village."),
            ("The county opened 12 stations", "First, the county opened 12 stations."),
            ("Tuanfeng County opened a new clinic", "First, Tuanfeng County opened a new clinic."),
            ("The Party branch met every month", "First, the Party branch met every month."),
            (
                "Baiguo Town brings crayfish farming to households",
                "First, Baiguo Town brings crayfish farming to households.",
            ),
            ("Funds have reached every village", "First, funds have reached every village."),
            ("Every household was visited", "First, every household was visited."),
            ("Is the money enough?", "First, is the money enough?"),
            ("Income rose by a fifth!", "First, income rose by a fifth!"),
            ("Long-term maintenance is not yet secured", "First, long-term maintenance is not yet secured."),
            ("Toilets were upgraded", "First, toilets were upgraded."),
            ("Everyone took part.", "First, everyone took part."),
        ];
        for (title, lead) in cases {
            assert_eq!(title_kind(title), TitleKind::Sentence, "{title}");
            assert_eq!(item_lead(1, title), lead, "{title}");
        }
        assert_eq!(item_lead(3, "We opened the station."), "Third, we opened the station.");
    }

    #[test]
    fn odd_titles_still_give_a_lead() {
        assert_eq!(item_lead(1, ""), "First, .");
        assert_eq!(item_lead(1, "  "), "First, .");
        assert_eq!(item_lead(1, "To"), "First, to.");
        assert_eq!(item_lead(1, "团风站"), "First, 团风站.");
        assert_eq!(item_lead(1, "Open the 团风站"), "The first is to open the 团风站.");
    }
}
