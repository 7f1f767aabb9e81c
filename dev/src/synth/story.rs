//! One story group: an original in a weighted-random language, its syndicated copies
//! (each variant's edit applied to the original), and its hard negatives — another
//! article on the same event, a translation — with their own story ids.

use chrono::{Duration, NaiveDate};

use super::rng::Rng;
use super::{article, vocab, SynthDoc, Variant};

fn pick_language<'a>(langs: &'a [vocab::Language], rng: &mut Rng) -> &'a vocab::Language {
    let total: u32 = langs.iter().map(|l| l.weight.max(1)).sum();
    let mut x = rng.below(total as usize) as u32;
    for l in langs {
        if x < l.weight.max(1) {
            return l;
        }
        x -= l.weight.max(1);
    }
    &langs[0]
}

fn url(outlet: &str, date: NaiveDate, story: u64, k: usize) -> String {
    let slug: String = outlet
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!(
        "https://{}.example/{date}/story-{story}-{k}.html",
        slug.trim_matches('-')
    )
}

const COPY_KINDS: &[(Variant, usize)] = &[
    (Variant::Exact, 15),
    (Variant::Boilerplate, 20),
    (Variant::Headline, 15),
    (Variant::Trimmed, 15),
    (Variant::Reordered, 10),
    (Variant::Edited, 15),
    (Variant::TrimmedEdited, 10),
];

fn copy_kind(rng: &mut Rng, brief: bool) -> Variant {
    let total: usize = COPY_KINDS.iter().map(|k| k.1).sum();
    let mut x = rng.below(total);
    for &(v, w) in COPY_KINDS {
        if x < w {
            // A brief is only re-published whole.
            return if brief && !matches!(v, Variant::Exact | Variant::Boilerplate) {
                Variant::Headline
            } else {
                v
            };
        }
        x -= w;
    }
    Variant::Exact
}

pub(super) fn story_group(
    langs: &[vocab::Language],
    rng: &mut Rng,
    next_story: &mut u64,
) -> Vec<SynthDoc> {
    let lang = pick_language(langs, rng);
    let topic = article::topic(rng);
    let brief = rng.chance(0.04);
    let original = article::article(lang, &topic, rng, brief);
    let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default()
        + Duration::days(rng.below(300) as i64);
    let story = *next_story;
    *next_story += 1;
    let from_agency = rng.chance(0.4);
    let source = match (&lang.agency, from_agency) {
        (Some(a), true) => a.clone(),
        _ => rng.pick(&lang.outlets).cloned().unwrap_or_default(),
    };
    let text = article::with_boilerplate(lang, &original.body(), rng);
    let make = |a: &article::Article, text: String, source: &str, date, variant, k| SynthDoc {
        url: url(source, date, story, k),
        published: date,
        source_name: source.to_string(),
        language: lang.code.clone(),
        title: a.title.clone(),
        body: a.body(),
        text,
        story,
        variant,
        related: story,
    };
    let mut docs = vec![make(
        &original,
        text.clone(),
        &source,
        date,
        Variant::Original,
        0,
    )];
    let copies = if rng.chance(0.5) {
        0
    } else {
        (1..6).take_while(|_| rng.chance(0.55)).count() + 1
    };
    for k in 1..=copies {
        let kind = copy_kind(rng, brief);
        let outlet = rng.pick(&lang.outlets).cloned().unwrap_or_default();
        let day = date + Duration::days(rng.below(3) as i64);
        let mut a = match kind {
            Variant::Trimmed => article::trim(&original, rng),
            Variant::Reordered => article::reorder(&original, rng),
            Variant::Edited => article::edit(lang, &original, rng, 0.015),
            Variant::TrimmedEdited => {
                article::edit(lang, &article::trim(&original, rng), rng, 0.01)
            }
            _ => original.clone(),
        };
        if kind == Variant::Headline {
            a.title = article::sentence(lang, &topic, rng, 6, 12);
        }
        let text = match kind {
            Variant::Exact => text.clone(),
            _ => article::with_boilerplate(lang, &a.body(), rng),
        };
        docs.push(make(&a, text, &outlet, day, kind, k));
    }
    if rng.chance(0.12) {
        // Another story on the same event, often by the same outlet, quoting one
        // sentence of the original.
        let mut other = article::article(lang, &topic, rng, false);
        if let Some(p) = original.paragraphs.first() {
            let shared = p.split(". ").next().unwrap_or(p).to_string();
            let at = rng.below(other.paragraphs.len());
            other.paragraphs[at] = format!("{shared}. {}", other.paragraphs[at]);
        }
        let outlet = if rng.chance(0.5) {
            source.clone()
        } else {
            rng.pick(&lang.outlets).cloned().unwrap_or_default()
        };
        docs.push(sibling(
            lang,
            &other,
            &outlet,
            date,
            story,
            next_story,
            Variant::SameTopic,
            rng,
        ));
    }
    if rng.chance(0.06) {
        let others: Vec<&vocab::Language> = langs.iter().filter(|l| l.code != lang.code).collect();
        if let Some(&tl) = rng.pick(&others) {
            let translated = article::article(tl, &topic, rng, brief);
            let outlet = rng.pick(&tl.outlets).cloned().unwrap_or_default();
            docs.push(sibling(
                tl,
                &translated,
                &outlet,
                date,
                story,
                next_story,
                Variant::Translation,
                rng,
            ));
        }
    }
    docs
}

#[allow(clippy::too_many_arguments)]
fn sibling(
    lang: &vocab::Language,
    a: &article::Article,
    outlet: &str,
    date: NaiveDate,
    related: u64,
    next_story: &mut u64,
    variant: Variant,
    rng: &mut Rng,
) -> SynthDoc {
    let story = *next_story;
    *next_story += 1;
    SynthDoc {
        url: url(outlet, date, story, 0),
        published: date,
        source_name: outlet.to_string(),
        language: lang.code.clone(),
        title: a.title.clone(),
        text: article::with_boilerplate(lang, &a.body(), rng),
        body: a.body(),
        story,
        variant,
        related,
    }
}
