//! Pronoun speakers: the person a pronoun ("he said", "a-t-elle déclaré") stands for,
//! agreeing with its gender: the subject the sentence before introduces, the newest
//! salient person, the previous quote's speaker, the latest person.

use std::collections::HashSet;

use crate::model::{EntityMention, EntityType};
use crate::text::{sentence_of, word_spans};

use super::gender::agrees;
use super::resolver::{possessive, Resolver};
use super::score;
use super::speaker::{PrevQuote, Speaker};

impl Resolver<'_> {
    /// A pronoun's referent, agreeing with its `gender`. Since the previous quote: the
    /// newest person who speaks ("Carey said …") and does not disagree, or who opens a
    /// sentence and whose gender the document shows to match ("McFadden rejoiced. He
    /// …"). Else the previous quote's speaker when a person that does not disagree; else
    /// the newest such salient person before `before`, then any such person. Scores
    /// fall tier by tier, and when the match rests on an unknown gender.
    pub fn pronoun(&self, before: usize, prev: PrevQuote, gender: Option<char>) -> Option<Speaker> {
        let known = |name: &str| self.genders.get(name).copied();
        let shown = |name: &str| known(name).is_some() && agrees(known(name), gender);
        let lenient = |name: &str| agrees(known(name), gender);
        let persons = || {
            self.mentions
                .iter()
                .copied()
                .filter(move |m| m.end <= before && m.entity_type == EntityType::Person)
        };
        let since = prev.close_end.min(before);
        let strong = |m: &&EntityMention| {
            (lenient(&m.entity_name) && self.speaks(m, before))
                || (shown(&m.entity_name) && self.is_subject(m))
        };
        // A gendered pronoun resolved to a person whose gender the text does not show is
        // right as often as one whose gender it shows (session-4 measure): same score.
        let found = |m: &EntityMention, score: f32| Some(Speaker::of_mention(self.body, m, score));
        // "Shanaaz Gokool, president of …, is hopeful … «…», she said": the person
        // opening the sentence right before the quote's stands for the pronoun.
        if let Some(m) = self
            .previous_subject(before, since)
            .filter(|m| lenient(&m.entity_name))
        {
            return found(m, score::PRONOUN);
        }
        if let Some(m) = persons().filter(|m| m.start >= since).rfind(strong) {
            return found(m, score::PRONOUN);
        }
        let prev_person = prev.speaker.filter(|p| p.person);
        if let Some(p) = prev_person.filter(|p| p.name.as_deref().is_none_or(lenient)) {
            return Some(p.with_score(score::PRONOUN));
        }
        let agreeing = || persons().filter(|m| lenient(&m.entity_name));
        let salient = |m: &&EntityMention| self.speaks(m, before) || self.is_subject(m);
        let m = agreeing()
            .rfind(salient)
            .or_else(|| agreeing().next_back())?;
        found(m, score::PRONOUN_MENTION)
    }

    /// The person the sentence just before the one holding `at` introduces (a full name,
    /// or a name with an apposition) as its main clause's subject, or as its one person
    /// of known gender; none when that sentence starts before `since` (the previous quote's end) or
    /// a person is named in the sentence before `at`.
    pub fn previous_subject(&self, at: usize, since: usize) -> Option<&EntityMention> {
        let i = sentence_of(&self.sentences, at)?;
        let start = self.sentences[i].0.min(at);
        let j = self.sentences[..i].iter().rposition(|&(_, e)| e <= start)?;
        let (ps, pe) = self.sentences[j];
        if ps < since {
            return None;
        }
        let person = |m: &&EntityMention| m.entity_type == EntityType::Person;
        // A person earlier in the quote's own sentence is the pronoun's ("Wojtaszek said
        // she agreed …").
        if self.person_within(start, at) {
            return None;
        }
        // The main clause's subject ("Knowing Bardos was a fan, Cerato tried …"), else
        // the one person named, when the document shows their gender ("For Espinos, who
        // …, he's simply filling a niche.").
        let named = || {
            self.mentions
                .iter()
                .copied()
                .filter(move |m| m.start >= ps && m.end <= pe && person(m))
        };
        // A possessive counts when no pronoun in the sentence may stand for another
        // ("the issue of Musk's personal communications", not "he denied Hemming's
        // request").
        let sentence = &self.body[ps..pe];
        let pronoun = word_spans(sentence)
            .iter()
            .any(|&(s, e)| self.cues.words.is_pronoun(&sentence[s..e]));
        let counts = |m: &EntityMention| !pronoun || !possessive(self.body, m);
        let only = named()
            .filter(|m| counts(m))
            .map(|m| &m.entity_name)
            .collect::<HashSet<_>>();
        // Only a person the sentence introduces (a full name, or an apposition after it):
        // "Lavrov était absent." leaves the pronoun to the previous quote's speaker.
        let introduced = |m: &&EntityMention| {
            self.body[m.end..].starts_with(',') || word_spans(&self.body[m.start..m.end]).len() > 1
        };
        let subject = named().rfind(|m| self.is_subject(m));
        subject.filter(introduced).or_else(|| {
            (only.len() == 1 && subject.is_none())
                .then(|| {
                    named().find(|m| {
                        counts(m)
                            && (introduced(m) || possessive(self.body, m))
                            && self.genders.contains_key(&m.entity_name)
                    })
                })
                .flatten()
        })
    }
}
