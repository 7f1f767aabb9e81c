//! Words around a name that only an organisation has ("shares of X", "X Inc.", "X's
//! employees", "l'amministratore delegato di X", "X S.p.A.": `entity_org_cues`, `before=`
//! and `after=`), or what the text says it is ("X è la prima squadra", "X, a company":
//! `copula=`, `article=` and the organisation nouns of entity_type_nouns). A name found by
//! pattern with such a cue anywhere in the document is an organisation in every mention:
//! the cue outweighs the language's default type and a lone speech verb ("Facebook
//! said"), not a title ("Mr.") or a given name. A possessive only a thing takes ("X …
//! its": `nonperson=`) makes an organisation of a name that a lone speech verb made a
//! person, or of an unconfirmed place that speaks ("Acme said … its"). A guessed name of
//! several words whose last word is an organisation found by pattern in the document is
//! one too ("Cisco Talos" after "researchers at Talos"). Names of the knowledge base keep
//! their type. Only names with a mention a cue may retype (a place, a person by a lone
//! speech verb or a guess) are read around.

use std::collections::{HashMap, HashSet};

use super::guess::SCORE_HINTED;
use crate::model::EntityType;
use crate::stages::entities::draft::Draft;
use crate::stages::entities::lists::context_lists::LangLists;
use crate::stages::entities::names::candidates::SCORE_PERSON;
use crate::stages::entities::words::{first_words, fold_plain, last_words};
use crate::text::sentence_of;

/// Words after a name searched for a `nonperson=` possessive.
const NONPERSON_WINDOW: usize = 8;

/// Punctuation that ends the clause a `before=` cue must share with the name.
const CLAUSE_MARKS: [char; 12] = [',', ';', ':', '(', ')', '"', '“', '”', '«', '»', '—', '–'];

/// Score of a name typed an organisation by a cue.
const SCORE_ORG_CUE: f32 = 0.6;

/// What the cues say about the mentions of one name.
#[derive(Debug, Clone, Copy, Default)]
struct Cues {
    org: bool,
    nonperson: bool,
    speaks: bool,
    titled: bool,
}

/// The part of `text[from..start]` after the last clause mark.
fn clause_start(text: &str, from: usize, start: usize) -> usize {
    text[from..start]
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE_MARKS.contains(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// True when a `before=` cue ends the words before the name (folded, of its clause), an
/// article or function word allowed between ("l'amministratore delegato della").
fn cue_before(before: &[String], lists: &LangLists) -> bool {
    let cues = &lists.org_cues;
    // An elided article is no word of the cue ("l'amministratore" → "amministratore").
    let tail = before.len().saturating_sub(cues.before.max_words() + 1);
    let before: Vec<String> = before[tail..]
        .iter()
        .map(|w| match w.rsplit_once(['\'', '’']) {
            Some((_, rest)) if !rest.is_empty() => rest.to_string(),
            _ => w.clone(),
        })
        .collect();
    let function_word = |w: &String| {
        lists.stopwords.contains(w)
            || cues.articles.contains(w)
            || lists.org_articles.contains(w)
            || lists.org_articles.contains(&format!("{w}'"))
    };
    let n = before.len();
    cues.before.longest_ending_at(&before, n).is_some()
        || (n > 1
            && cues.before.longest_ending_at(&before, n - 1).is_some()
            && function_word(&before[n - 1]))
}

/// True when the words after the name (folded) say it is an organisation: a copula (or
/// a comma before them: `comma`), an article, then an organisation noun as one of the
/// next two words.
fn cue_predicate(words: &[String], comma: bool, lists: &LangLists) -> bool {
    let cues = &lists.org_cues;
    if cues.articles.is_empty() {
        return false;
    }
    let skip = if comma {
        0
    } else {
        match (1..=cues.copulas.max_words().min(words.len()))
            .rev()
            .find(|&k| cues.copulas.longest_ending_at(&words[..k], k) == Some(k))
        {
            Some(k) => k,
            None => return false,
        }
    };
    // "l'azienda" is an article and a noun.
    let words: Vec<&str> = words[skip..]
        .iter()
        .take(3)
        .flat_map(|w| match w.split_once(['\'', '’']) {
            Some((a, b)) if !b.is_empty() => vec![a, b],
            _ => vec![w.as_str()],
        })
        .collect();
    words.first().is_some_and(|a| cues.articles.contains(*a))
        && words[1..]
            .iter()
            .take(2)
            .any(|w| lists.type_nouns.get(*w) == Some(&EntityType::Org))
}

/// True when `rest` opens with a comma and a lower-case word: an apposition that says
/// what the name is ("X, a charity"), not a list of names ("X, Le Club des …").
fn apposition(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\u{a0}'])
        .strip_prefix(',')
        .and_then(|r| r.chars().find(|c| !c.is_whitespace()))
        .is_some_and(char::is_lowercase)
}

/// The cues around one mention.
fn cues_at(
    text: &str,
    sentences: &[(usize, usize)],
    lists: &LangLists,
    start: usize,
    end: usize,
) -> Cues {
    let cues = &lists.org_cues;
    let sent = sentence_of(sentences, start).map(|i| sentences[i]);
    let from = sent.map_or(0, |(s, _)| s.min(start));
    let to = sent.map_or(text.len(), |(_, e)| e.max(end));
    // A cue stands in the same clause: "iron founder, of Yeovil" names no company.
    let clause = clause_start(text, from, start);
    let before = last_words(
        &text[clause..start],
        (cues.before.max_words() + 1).max(lists.title_words()),
    );
    let titled = lists.title_ending_at(&before, before.len()).is_some();
    let rest = &text[end..to];
    let possessive = crate::text::after_possessive(rest);
    let after = possessive.unwrap_or(rest);
    let reach = [
        cues.after.max_words(),
        NONPERSON_WINDOW,
        cues.copulas.max_words() + 3,
        lists.speech_verb_words(),
    ];
    let words = first_words(after, reach.into_iter().max().unwrap_or(0));
    let org = cue_before(&before, lists)
        || (!after.starts_with(char::is_alphanumeric) && cues.after.starts(&words))
        || (possessive.is_none() && cue_predicate(&words, apposition(rest), lists));
    let nonperson = !cues.nonperson.is_empty()
        && words
            .iter()
            .take(NONPERSON_WINDOW)
            .take_while(|w| !cues.person.contains(*w))
            .any(|w| cues.nonperson.contains(w));
    let speaks = possessive.is_none()
        && rest.starts_with([' ', '\u{a0}'])
        && lists.starts_with_speech_verb(&words);
    Cues {
        org,
        nonperson,
        speaks,
        titled,
    }
}

/// Retypes the names of a document found by `method` (`pattern`, or `model` for the
/// trained tagger's names no knowledge-base alias confirms) by their organisation cues
/// (see the module doc).
pub(crate) fn type_by_org_cues(
    text: &str,
    sentences: &[(usize, usize)],
    lists: &LangLists,
    drafts: &mut [Draft],
    method: &str,
) {
    if lists.org_cues.is_empty() {
        return;
    }
    let weak_person = |d: &Draft| d.entity_type == EntityType::Person && d.score < SCORE_PERSON;
    // The model's names an alias confirms keep their type (measured: retyping them
    // gained nothing on kind-wikinews-it); a pattern name keeps its old behaviour.
    let pattern = |d: &&Draft| d.method == method && (method == "pattern" || d.canonical.is_none());
    let names: Vec<Option<String>> = drafts
        .iter()
        .map(|d| pattern(&d).then(|| fold_plain(&text[d.start..d.end])))
        .collect();
    // Only names with a mention a cue may retype are worth reading around.
    let mut by_name: HashMap<String, Cues> = drafts
        .iter()
        .zip(&names)
        .filter(|(d, _)| weak_person(d) || d.entity_type == EntityType::Loc)
        .filter_map(|(_, name)| name.clone().map(|n| (n, Cues::default())))
        .collect();
    for (d, name) in drafts.iter().zip(&names) {
        if let Some(slot) = name.as_ref().and_then(|n| by_name.get_mut(n)) {
            let c = cues_at(text, sentences, lists, d.start, d.end);
            slot.org |= c.org;
            slot.nonperson |= c.nonperson;
            slot.speaks |= c.speaks;
            slot.titled |= c.titled;
        }
    }
    let mut orgs: HashSet<&str> = HashSet::new();
    for (d, name) in drafts.iter_mut().zip(&names) {
        let Some(name) = name else {
            continue;
        };
        if let Some(c) = by_name.get(name) {
            let weak = weak_person(d);
            let weak_place = d.entity_type == EntityType::Loc && d.score <= SCORE_HINTED;
            if !c.titled
                && (weak || d.entity_type == EntityType::Loc)
                && (c.org || (c.nonperson && (weak || (weak_place && c.speaks))))
            {
                d.entity_type = EntityType::Org;
                d.score = d.score.max(SCORE_ORG_CUE);
            }
        }
        if d.entity_type == EntityType::Org && !name.contains(' ') {
            orgs.insert(name);
        }
    }
    if orgs.is_empty() {
        return;
    }
    // "Cisco Talos" once "Talos" is an organisation.
    for (d, name) in drafts.iter_mut().zip(&names) {
        let last = name
            .as_deref()
            .and_then(|n| n.rsplit_once(' '))
            .map(|(_, l)| l);
        if d.entity_type != EntityType::Org
            && d.score <= SCORE_HINTED
            && last.is_some_and(|l| orgs.contains(l))
        {
            d.entity_type = EntityType::Org;
        }
    }
}
