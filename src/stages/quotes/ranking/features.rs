//! The candidates of one quotation and their features.
//!
//! Candidates: every PERSON/ORG entity with a mention from three sentences before the
//! quote to the end of its cue window (a one-word person mention joined to the fuller
//! name it starts or ends, "Carla" → "Carla Hinrichs"), the cascade's own speaker
//! (an entity, or a description kept as written), and "nobody named". Features say how
//! each stands to the quote and its cue: the cascade's choice and score, the relation to
//! the cue (named next to a cue after the quote, subject before a cue before it), the
//! distance in sentences and words, whether it opens its sentence, spoke before, was the
//! previous quote's speaker, agrees in gender with a pronoun of the cue, is the latest
//! person named, its type, and for a description whether it is a person-denoting noun.

use std::collections::HashMap;

use crate::model::{EntityMention, EntityType};
use crate::stages::quotes::attribution::Attribution;
use crate::stages::quotes::spans::MarkPair;
use crate::stages::quotes::speakers::{possessive, speaker_type, Resolver, Speaker};
use crate::text::{sentence_of, word_spans};

/// The number of features of a candidate.
pub const N_FEATURES: usize = 34;

/// Feature names, in vector order (the weights file names them).
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "entity",
    "described",
    "nobody",
    "cascade_pick",
    "cascade_score",
    "person",
    "org",
    "cue_adjacent_after",
    "cue_subject_before",
    "in_after_window",
    "same_sentence_before",
    "sentence_distance",
    "word_distance",
    "opens_sentence",
    "spoke_before",
    "previous_speaker",
    "gender_agrees",
    "gender_disagrees",
    "latest_person",
    "pronoun_cue_latest_person",
    "mentions",
    "possessive",
    "described_cascade_latest_person",
    "described_cascade_latest_org",
    "cascade_none_latest_person",
    "partial_same_sentence",
    "first_name_joined",
    "in_quote_paragraph",
    "described_role_word",
    "described_lowercase",
    "nobody_no_cue",
    "described_names_something",
    "described_new",
    "entity_given_new_description",
];

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    /// A person or organisation of the entity stage.
    Entity,
    /// A description the cascade kept as written ("un diplomate", "the father").
    Described,
    /// Nobody named.
    Nobody,
}

/// One candidate speaker of a quote with its features.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Entity, description or nobody.
    pub kind: CandidateKind,
    /// As written near the quote (the mention, or the description).
    pub text: Option<String>,
    /// Entity id.
    pub id: Option<String>,
    /// Canonical name.
    pub name: Option<String>,
    /// A PERSON entity.
    pub person: bool,
    /// The feature vector, in the order of [`FEATURE_NAMES`].
    pub features: [f32; N_FEATURES],
}

/// One quote's candidates, for training (`QuoteTagger::speaker_candidates`).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteCandidates {
    /// Byte offset of the first quoted byte.
    pub start: usize,
    /// One past the quoted words.
    pub end: usize,
    /// The candidates, the cascade's own choice first.
    pub candidates: Vec<Candidate>,
}

/// What the candidates of every quote of one document share: the entity of each mention
/// (one-word person mentions joined to the fuller name), and the cascade's speakers.
pub struct Context<'a> {
    /// Entity index of each of the resolver's mentions (`None`: not a speaker type).
    entity_of: Vec<Option<usize>>,
    /// The entities: key, id, name, person, mention count.
    entities: Vec<Entity>,
    /// The cascade's attribution of every quote.
    attributions: &'a [Attribution],
    /// The quotes.
    pairs: &'a [MarkPair],
    /// Paragraph spans.
    paragraphs: &'a [(usize, usize)],
    /// Indices (into the resolver's mentions) of each entity's mentions, in text order.
    mentions_of: Vec<Vec<usize>>,
    /// The entity of each quote's cascade speaker.
    speaker_entity: Vec<Option<usize>>,
    /// Word spans of the body.
    words: Vec<(usize, usize)>,
}

struct Entity {
    key: String,
    id: Option<String>,
    name: String,
    person: bool,
    mentions: usize,
    joined: bool,
}

impl Entity {
    /// The entity a mention names (under `key`), before any mention is counted or joined.
    fn of(m: &EntityMention, key: String) -> Self {
        Entity {
            key,
            id: (!m.entity_id.is_empty()).then(|| m.entity_id.clone()),
            name: m.entity_name.clone(),
            person: m.entity_type == EntityType::Person,
            mentions: 0,
            joined: false,
        }
    }
}

fn key_of(id: Option<&str>, name: Option<&str>) -> Option<String> {
    id.filter(|i| !i.is_empty())
        .map(str::to_string)
        .or_else(|| name.map(str::to_lowercase))
}

fn mention_key(m: &EntityMention) -> String {
    key_of(Some(&m.entity_id), Some(&m.entity_name)).unwrap_or_default()
}

impl<'a> Context<'a> {
    /// The context of one document.
    pub fn new(
        r: &Resolver,
        pairs: &'a [MarkPair],
        attributions: &'a [Attribution],
        paragraphs: &'a [(usize, usize)],
    ) -> Self {
        let mut entities: Vec<Entity> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        // Full names first, so that a one-word mention finds the name it belongs to.
        for m in r.mentions.iter().filter(|m| speaker_type(m.entity_type)) {
            if m.entity_type == EntityType::Person && !m.entity_name.contains(' ') {
                continue;
            }
            let k = mention_key(m);
            if !index.contains_key(&k) {
                index.insert(k.clone(), entities.len());
                entities.push(Entity::of(m, k));
            }
        }
        let mut entity_of = Vec::with_capacity(r.mentions.len());
        for m in &r.mentions {
            if !speaker_type(m.entity_type) {
                entity_of.push(None);
                continue;
            }
            let k = mention_key(m);
            let i = match index.get(&k) {
                Some(&i) => i,
                None => {
                    let word = m.entity_name.to_lowercase();
                    let full = entities.iter().position(|e| {
                        e.person && {
                            let n = e.name.to_lowercase();
                            let words: Vec<&str> = n.split_whitespace().collect();
                            words.len() >= 2
                                && (words[0] == word || words.last() == Some(&word.as_str()))
                        }
                    });
                    match full {
                        Some(i) => {
                            entities[i].joined = true;
                            index.insert(k, i);
                            i
                        }
                        None => {
                            index.insert(k.clone(), entities.len());
                            entities.push(Entity::of(m, k));
                            entities.len() - 1
                        }
                    }
                }
            };
            entities[i].mentions += 1;
            entity_of.push(Some(i));
        }
        let mut mentions_of = vec![Vec::new(); entities.len()];
        for (k, e) in entity_of.iter().enumerate() {
            if let Some(e) = e {
                mentions_of[*e].push(k);
            }
        }
        let mut ctx = Context {
            entity_of,
            entities,
            attributions,
            pairs,
            paragraphs,
            mentions_of,
            speaker_entity: Vec::new(),
            words: word_spans(r.body),
        };
        ctx.speaker_entity = attributions
            .iter()
            .map(|a| a.speaker.as_ref().and_then(|s| ctx.entity_of_speaker(s)))
            .collect();
        ctx
    }

    fn entity_of_speaker(&self, s: &Speaker) -> Option<usize> {
        let k = key_of(s.id.as_deref(), s.name.as_deref())?;
        self.entities.iter().position(|e| e.key == k).or_else(|| {
            let n = s.name.as_deref()?.to_lowercase();
            self.entities.iter().position(|e| {
                e.person && e.name.to_lowercase().split_whitespace().next() == Some(n.as_str())
            })
        })
    }
}

/// End of the stretch after the quote where its cue and speaker may be: the end of the
/// sentence holding the closing mark, within 250 bytes, before the next quote and the
/// paragraph end.
fn after_end(r: &Resolver, pair: &MarkPair, next_open: Option<usize>) -> usize {
    let a = pair.close_end;
    let mut b = sentence_of(&r.sentences, a.saturating_sub(1)).map_or(a, |i| r.sentences[i].1);
    if b <= a {
        let next = r.sentences.partition_point(|&(s, _)| s < a);
        b = r.sentences.get(next).map_or(a, |&(_, e)| e);
    }
    b = b.min(a + 250).min(r.body.len());
    if let Some(n) = next_open.filter(|&n| n >= a) {
        b = b.min(n);
    }
    b = r.body.floor_char_boundary(b.max(a));
    if let Some(nl) = r.body[a..b].find('\n') {
        b = a + nl;
    }
    b
}

/// Words of `body[a..b]`: the body's words (`words`, its word spans) that lie inside, plus
/// the pieces of words cut by either end, as `word_spans` of the slice would count them.
fn words_between(body: &str, words: &[(usize, usize)], a: usize, b: usize) -> usize {
    if a >= b {
        return 0;
    }
    let from = words.partition_point(|w| w.1 <= a);
    let to = words.partition_point(|w| w.0 < b);
    if from >= to {
        return 0;
    }
    // A word cut by an end counts only when the slice keeps some of its letters.
    let cut = |s: usize, e: usize| body.get(s..e).map_or(0, |t| word_spans(t).len());
    let (fs, fe) = words[from];
    let (ls, le) = words[to - 1];
    if from + 1 == to {
        return if fs >= a && fe <= b { 1 } else { cut(a, b) };
    }
    let first = if fs >= a { 1 } else { cut(a, fe) };
    let last = if le <= b { 1 } else { cut(ls, b) };
    first + last + (to - from - 2)
}

/// The candidates of quote `i` with their features.
pub fn candidates_of(r: &Resolver, ctx: &Context, i: usize) -> Vec<Candidate> {
    let body = r.body;
    let pair = &ctx.pairs[i];
    let a = &ctx.attributions[i];
    let next_open = ctx.pairs.get(i + 1).map(|p| p.open);
    let after_to = after_end(r, pair, next_open);
    let open = pair.open;
    let quote_sentence = sentence_of(&r.sentences, open).unwrap_or(0);
    let from = r
        .sentences
        .get(quote_sentence.saturating_sub(3))
        .map_or(0, |s| s.0)
        .min(open);
    let partial =
        crate::stages::quotes::spans::kind_of(body, pair) == crate::model::QuoteKind::Partial;
    let para = ctx
        .paragraphs
        .iter()
        .find(|&&(s, e)| s <= open && open < e)
        .copied()
        .unwrap_or((open, pair.close_end));
    let cascade = a.speaker.as_ref();
    let cascade_entity = ctx.speaker_entity[i];
    let described = cascade.filter(|s| s.name.is_none() && s.text.is_some());
    let previous = i.checked_sub(1).and_then(|j| ctx.speaker_entity[j]);
    let spoken = &ctx.speaker_entity[..i];
    // Pronouns next to the cue ("a-t-elle dit", "sagte sie", "Il a promis").
    let (pronoun, pronoun_gender) = match a.cue {
        Some((cs, ce)) => {
            let s = body.floor_char_boundary(cs.saturating_sub(12));
            let e = body.floor_char_boundary((ce + 12).min(body.len()));
            let region = &body[s..e];
            let words: Vec<&str> = region
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let has = words.iter().any(|w| r.cues.words.is_pronoun(w));
            let g = words.iter().find_map(|w| r.cues.words.gender_of(w));
            (has, g)
        }
        None => (false, None),
    };
    let latest = |t: EntityType| {
        r.mentions
            .iter()
            .enumerate()
            .rfind(|(_, m)| m.end <= open && m.entity_type == t && !possessive(body, m))
            .and_then(|(k, _)| ctx.entity_of[k])
    };
    let latest_person = latest(EntityType::Person);
    // A description holding a name in its complement (from its first function word after
    // the head: a mention, or a capitalised word: "the spokesman for Mexico's economy
    // ministry", "le porte-parole du ministère libanais des Affaires étrangères") speaks
    // for that body, not for the person last named; a name before the head ("the Bowling
    // Green Republican") only describes the person.
    let described_names = described.and_then(|d| d.text.as_deref()).is_some_and(|t| {
        let words = word_spans(t);
        let Some(&(cs, _)) = words
            .iter()
            .skip(1)
            .find(|&&(s, e)| r.cues.words.is_stopword(&t[s..e]))
        else {
            return false;
        };
        let near = |from: usize, to: usize| {
            let from = body.floor_char_boundary(from);
            let to = body.floor_char_boundary(to.min(body.len()));
            body[from..to]
                .find(t)
                .map(|i| (from + i, from + i + t.len()))
        };
        let span = near(pair.close_end, after_to).or_else(|| near(open.saturating_sub(300), open));
        span.is_some_and(|(s, e)| r.mentions.iter().any(|m| m.start >= s + cs && m.end <= e))
            || t[cs..]
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_uppercase))
    });
    let latest_org = latest(EntityType::Org);
    // A description opening with an indefinite determiner ("one woman", "a man who lives
    // across the street", "one of them") brings in someone new, not a person named before.
    let described_new = described
        .and_then(|d| d.text.as_deref())
        .and_then(|t| t.split_whitespace().next())
        .is_some_and(|w| r.cues.words.is_new_determiner(w));

    // The entities in reach, in order of first mention, the cascade's own first.
    let mut order: Vec<usize> = Vec::new();
    if let Some(e) = cascade_entity {
        order.push(e);
    }
    for (k, m) in r.mentions.iter().enumerate() {
        if m.start >= from && m.end <= after_to && !(m.start >= open && m.end <= pair.close_end) {
            if let Some(e) = ctx.entity_of[k] {
                if !order.contains(&e) {
                    order.push(e);
                }
            }
        }
    }

    let mut out = Vec::with_capacity(order.len() + 2);
    if let Some(d) = described {
        let text = d.text.clone().unwrap_or_default();
        let mut f = [0.0; N_FEATURES];
        f[1] = 1.0;
        f[3] = 1.0;
        f[4] = a.score;
        f[28] = f32::from(
            word_spans(&text)
                .iter()
                .any(|&(s, e)| r.cues.is_role_word(&text[s..e])),
        );
        f[29] = f32::from(text.starts_with(char::is_lowercase));
        f[31] = f32::from(described_names);
        f[32] = f32::from(described_new);
        out.push(Candidate {
            kind: CandidateKind::Described,
            text: Some(text),
            id: None,
            name: None,
            person: false,
            features: f,
        });
    }
    // A cascade speaker with a name that no mention in reach carries (an untagged name
    // the cascade read itself): a candidate of its own, known only as the cascade's pick.
    if let Some(s) = cascade.filter(|s| s.name.is_some() && cascade_entity.is_none()) {
        let mut f = [0.0; N_FEATURES];
        f[0] = 1.0;
        f[3] = 1.0;
        f[4] = a.score;
        f[5] = f32::from(s.person);
        f[6] = f32::from(!s.person);
        out.push(Candidate {
            kind: CandidateKind::Entity,
            text: s.text.clone(),
            id: s.id.clone(),
            name: s.name.clone(),
            person: s.person,
            features: f,
        });
    }
    for &e in &order {
        let ent = &ctx.entities[e];
        // Its mentions up to the end of the cue window, outside the quote.
        let ms: Vec<&EntityMention> = ctx.mentions_of[e]
            .iter()
            .map(|&k| r.mentions[k])
            .filter(|m| m.end <= after_to && !(m.start >= open && m.end <= pair.close_end))
            .collect();
        let dist = |m: &EntityMention| {
            if m.start >= pair.close_end {
                words_between(body, &ctx.words, pair.close_end, m.start)
            } else {
                words_between(body, &ctx.words, m.end, open)
            }
        };
        let nearest = ms.iter().min_by_key(|m| dist(m)).copied();
        let mut f = [0.0; N_FEATURES];
        f[0] = 1.0;
        let pick = cascade_entity == Some(e);
        f[3] = f32::from(pick);
        f[4] = if pick { a.score } else { 0.0 };
        f[5] = f32::from(ent.person);
        f[6] = f32::from(!ent.person);
        if let Some((cs, ce)) = a.cue {
            if cs >= pair.close_end {
                f[7] = f32::from(ms.iter().any(|m| {
                    m.start >= pair.close_end
                        && m.end <= after_to
                        && (words_between(body, &ctx.words, ce, m.start) <= 4 && m.start >= ce
                            || words_between(body, &ctx.words, m.end, cs) <= 4 && m.end <= cs)
                }));
            } else if ce <= open {
                let cue_sentence = sentence_of(&r.sentences, cs).unwrap_or(0);
                let s0 = r.sentences.get(cue_sentence).map_or(0, |s| s.0);
                let last = ms.iter().rfind(|m| m.start >= s0 && m.end <= cs);
                f[8] = f32::from(
                    last.is_some_and(|m| words_between(body, &ctx.words, m.end, cs) <= 6),
                );
            }
        }
        f[9] = f32::from(
            ms.iter()
                .any(|m| m.start >= pair.close_end && m.end <= after_to),
        );
        f[10] =
            f32::from(ms.iter().any(|m| {
                m.end <= open && sentence_of(&r.sentences, m.start) == Some(quote_sentence)
            }));
        let sd = ms
            .iter()
            .map(|m| {
                let s = sentence_of(&r.sentences, m.start).unwrap_or(0);
                quote_sentence.abs_diff(s)
            })
            .min()
            .unwrap_or(4);
        f[11] = sd.min(4) as f32 / 4.0;
        f[12] = nearest.map_or(1.0, |m| ((1 + dist(m)) as f32).ln() / 5.0);
        f[13] = f32::from(nearest.is_some_and(|m| {
            let s = sentence_of(&r.sentences, m.start).map_or(0, |i| r.sentences[i].0);
            words_between(body, &ctx.words, s, m.start) <= 1
        }));
        f[14] = f32::from(spoken.contains(&Some(e)));
        f[15] = f32::from(previous == Some(e));
        let gender = r.genders.get(&ent.name).copied();
        if let (Some(p), Some(g)) = (pronoun_gender, gender) {
            f[16] = f32::from(p == g);
            f[17] = f32::from(p != g);
        }
        let is_latest = latest_person == Some(e);
        f[18] = f32::from(is_latest);
        f[19] = f32::from(pronoun && is_latest);
        f[20] = ((1 + ent.mentions) as f32).ln() / 3.0;
        f[21] = f32::from(nearest.is_some_and(|m| possessive(body, m)));
        f[22] = f32::from(described.is_some() && is_latest && !described_names);
        f[23] = f32::from(described.is_some() && latest_org == Some(e));
        f[24] = f32::from(cascade.is_none() && is_latest);
        f[25] = f32::from(partial && f[10] > 0.0);
        f[26] = f32::from(ent.joined);
        f[27] = f32::from(ms.iter().any(|m| m.start >= para.0 && m.end <= para.1));
        // Its text would be the indefinite description (see `text` below).
        f[33] = f32::from(described_new && !pick);
        let text = if pick {
            cascade.and_then(|s| s.text.clone())
        } else {
            described
                .and_then(|d| d.text.clone())
                .or_else(|| nearest.and_then(|m| body.get(m.start..m.end).map(str::to_string)))
        };
        out.push(Candidate {
            kind: CandidateKind::Entity,
            text,
            id: ent.id.clone(),
            name: Some(ent.name.clone()),
            person: ent.person,
            features: f,
        });
    }
    let mut f = [0.0; N_FEATURES];
    f[2] = 1.0;
    f[3] = f32::from(cascade.is_none());
    f[4] = if cascade.is_none() { a.score } else { 0.0 };
    f[30] = f32::from(a.cue.is_none());
    f[25] = f32::from(partial);
    let nobody = Candidate {
        kind: CandidateKind::Nobody,
        text: None,
        id: None,
        name: None,
        person: false,
        features: f,
    };
    if cascade.is_none() {
        out.insert(0, nobody);
    } else {
        out.push(nobody);
    }
    out
}
