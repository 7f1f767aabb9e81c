//! Scheduled batches: a new batch is deduplicated against every earlier one through the
//! dedup state kept in the output directory, and re-running a batch gives the same tables.

#[path = "../../tests/common/mod.rs"]
mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use gazette::config::PipelineConfig;
use gazette::tables::Table;
use gazette_dev::synth::{generate, shingle_jaccard, SynthDoc, Variant};

fn write_jsonl(path: &Path, docs: &[&SynthDoc]) {
    let lines: Vec<String> = docs.iter().map(|d| d.jsonl()).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The generated articles of `seed` long enough for the parse stage to keep (it rejects
/// the shortest briefs).
fn long_articles(docs: usize, seed: u64) -> Vec<SynthDoc> {
    generate(docs, seed)
        .unwrap()
        .into_iter()
        .filter(|d| d.body.split(' ').count() >= 40)
        .collect()
}

/// Each story's original article, by story.
fn originals(corpus: &[SynthDoc]) -> HashMap<u64, &SynthDoc> {
    corpus
        .iter()
        .filter(|d| d.variant == Variant::Original)
        .map(|d| (d.story, d))
        .collect()
}

/// The copies close to their story's original (shingle Jaccard ≥ 0.9): duplicates for
/// the dedup stage.
fn close_copies<'a>(
    corpus: &'a [SynthDoc],
    originals: &HashMap<u64, &SynthDoc>,
) -> Vec<&'a SynthDoc> {
    corpus
        .iter()
        .filter(|d| d.variant != Variant::Original)
        .filter(|d| {
            originals
                .get(&d.story)
                .is_some_and(|o| shingle_jaccard(&o.body, &d.body, 5) >= 0.9)
        })
        .collect()
}

/// url → (doc_id, duplicate_of) of a batch's documents.
fn documents(out: &Path, batch: &str) -> HashMap<String, (String, Option<String>)> {
    let col = |c| common::string_column(out, Table::Documents, batch, c);
    let (urls, ids, dups) = (col("url"), col("doc_id"), col("duplicate_of"));
    urls.into_iter()
        .zip(ids.into_iter().zip(dups))
        .map(|(u, (id, dup))| (u.unwrap(), (id.unwrap(), dup)))
        .collect()
}

#[test]
fn second_batch_copies_point_at_the_first_batch_and_reruns_are_identical() {
    let corpus = long_articles(240, 20261121);
    let originals = originals(&corpus);
    // Batch 1: every original and hard negative; batch 2: close copies of them (Jaccard
    // ≥ 0.9 to their original) and fresh articles from another seed.
    let first: Vec<&SynthDoc> = corpus
        .iter()
        .filter(|d| originals.get(&d.story).is_none_or(|o| o.url == d.url))
        .collect();
    let copies = close_copies(&corpus, &originals);
    let fresh_corpus = long_articles(30, 7);
    let fresh: Vec<&SynthDoc> = fresh_corpus
        .iter()
        .filter(|d| d.variant == Variant::Original)
        .collect();
    assert!(
        copies.len() > 40 && fresh.len() > 10,
        "{} copies",
        copies.len()
    );

    let dir = common::temp_dir("dedup-batches");
    let (in1, in2, out) = (dir.join("in1"), dir.join("in2"), dir.join("out"));
    std::fs::create_dir_all(&in1).unwrap();
    std::fs::create_dir_all(&in2).unwrap();
    write_jsonl(&in1.join("day1.jsonl"), &first);
    let second: Vec<&SynthDoc> = copies.iter().chain(&fresh).copied().collect();
    write_jsonl(&in2.join("day2.jsonl"), &second);
    let run = |input: &Path, batch: &str, threads: usize| {
        common::run_with(
            PipelineConfig::default(),
            vec![input.to_path_buf()],
            &out,
            batch,
            threads,
            64,
        )
    };

    let m1 = run(&in1, "2026-11-20", 2);
    let day1 = documents(&out, "2026-11-20");
    let day1_ids: HashSet<&str> = day1.values().map(|(id, _)| id.as_str()).collect();
    let before = common::render_all(&out, "2026-11-20");
    let m = run(&in2, "2026-11-21", 1);
    let day2 = documents(&out, "2026-11-21");
    assert_eq!(day2.len(), second.len());

    for c in &copies {
        let (_, dup) = &day2[&c.url];
        let original = &day1[&originals[&c.story].url].0;
        assert_eq!(
            dup.as_deref(),
            Some(original.as_str()),
            "{:?} copy {}",
            c.variant,
            c.url
        );
    }
    for f in &fresh {
        assert_eq!(day2[&f.url].1, None, "fresh article {} is unique", f.url);
    }
    assert!(day2
        .values()
        .filter_map(|(_, d)| d.as_deref())
        .all(|d| day1_ids.contains(d)));
    assert_eq!(m.counts.duplicates, copies.len());
    assert_eq!(
        common::render_all(&out, "2026-11-20"),
        before,
        "earlier rows are never rewritten"
    );

    // Re-running batch 2 forgets its own state first: same tables, same state.
    let params = PipelineConfig::default()
        .stages
        .dedup
        .build()
        .unwrap()
        .params();
    let state = || gazette::output::dedup_state::load_prior(&out, "none", params).unwrap();
    let (tables, entries) = (common::render_all(&out, "2026-11-21"), state());
    assert_eq!(
        entries.len(),
        m.counts.dedup_state_documents + m1.counts.dedup_state_documents
    );
    run(&in2, "2026-11-21", 2);
    assert_eq!(common::render_all(&out, "2026-11-21"), tables);
    assert_eq!(state(), entries);
    // Re-running batch 1 after batch 2 leaves it as it was.
    run(&in1, "2026-11-20", 1);
    assert_eq!(common::render_all(&out, "2026-11-20"), before);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_url_crawled_again_gets_its_own_id_and_points_at_the_first_crawl() {
    let corpus: Vec<SynthDoc> = generate(60, 11)
        .unwrap()
        .into_iter()
        .filter(|d| d.variant == Variant::Original && d.body.split(' ').count() >= 40)
        .collect();
    assert!(corpus.len() >= 4);
    let dir = common::temp_dir("dedup-recrawl");
    let (in1, in2, out) = (dir.join("in1"), dir.join("in2"), dir.join("out"));
    std::fs::create_dir_all(&in1).unwrap();
    std::fs::create_dir_all(&in2).unwrap();
    write_jsonl(&in1.join("day1.jsonl"), &corpus.iter().collect::<Vec<_>>());
    // Day 2 crawls the first two URLs again, unchanged.
    write_jsonl(
        &in2.join("day2.jsonl"),
        &corpus.iter().take(2).collect::<Vec<_>>(),
    );
    for (input, batch) in [(&in1, "day1"), (&in2, "day2")] {
        common::run_with(
            PipelineConfig::default(),
            vec![input.to_path_buf()],
            &out,
            batch,
            1,
            64,
        );
    }
    let (day1, day2) = (documents(&out, "day1"), documents(&out, "day2"));
    for d in corpus.iter().take(2) {
        let (first_id, _) = &day1[&d.url];
        let (id, dup) = &day2[&d.url];
        assert_ne!(id, first_id, "one doc_id never names two rows");
        assert_eq!(dup.as_deref(), Some(first_id.as_str()), "{}", d.url);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_url_whose_earlier_copy_was_a_duplicate_gets_a_new_id_when_crawled_again() {
    let corpus = long_articles(240, 20261121);
    let originals = originals(&corpus);
    // Close copies (Jaccard ≥ 0.9 to their original): duplicates in the batch they are in.
    let copies = close_copies(&corpus, &originals);
    assert!(copies.len() > 40, "{} copies", copies.len());
    let dir = common::temp_dir("dedup-recrawl-dup");
    let (in1, in2, out) = (dir.join("in1"), dir.join("in2"), dir.join("out"));
    std::fs::create_dir_all(&in1).unwrap();
    std::fs::create_dir_all(&in2).unwrap();
    // Day 1: the originals and their copies; day 2 crawls every copy's URL again.
    let first: Vec<&SynthDoc> = originals.values().copied().chain(copies.clone()).collect();
    write_jsonl(&in1.join("day1.jsonl"), &first);
    write_jsonl(&in2.join("day2.jsonl"), &copies);
    for (input, batch) in [(&in1, "day1"), (&in2, "day2")] {
        common::run_with(
            PipelineConfig::default(),
            vec![input.to_path_buf()],
            &out,
            batch,
            2,
            64,
        );
    }
    let (day1, day2) = (documents(&out, "day1"), documents(&out, "day2"));
    let day1_ids: HashSet<&str> = day1.values().map(|(id, _)| id.as_str()).collect();
    let mut earlier_duplicates = 0;
    for c in &copies {
        let (first_id, first_dup) = &day1[&c.url];
        earlier_duplicates += usize::from(first_dup.is_some());
        let (id, dup) = &day2[&c.url];
        assert_ne!(id, first_id, "one doc_id never names two rows: {}", c.url);
        let cluster = first_dup.as_ref().unwrap_or(first_id);
        assert_eq!(
            dup.as_ref(),
            Some(cluster),
            "it joins its first crawl's cluster"
        );
    }
    // Most of day 1's copies were duplicates there (the others represent their cluster).
    assert!(
        earlier_duplicates * 2 > copies.len(),
        "{earlier_duplicates} of {} copies were duplicates on day 1",
        copies.len()
    );
    let reused: Vec<&str> = day2
        .values()
        .map(|(id, _)| id.as_str())
        .filter(|id| day1_ids.contains(id))
        .collect();
    assert!(reused.is_empty(), "{} ids of day 1 reused", reused.len());
    // Re-running day 2 gives the same ids.
    common::run_with(
        PipelineConfig::default(),
        vec![in2.to_path_buf()],
        &out,
        "day2",
        1,
        64,
    );
    assert_eq!(documents(&out, "day2"), day2);
    std::fs::remove_dir_all(dir).unwrap();
}

/// Day 1 holds originals and their close copies; day 2 crawls every copy's URL again, but
/// the pages now carry unrelated articles (another seed's), so dedup finds nothing earlier.
/// The run's ids (url → doc_id) of both days, with dedup on or off.
fn recrawl_with_new_text(dedup: bool, name: &str) -> (HashSet<String>, HashMap<String, String>) {
    let corpus = long_articles(240, 20261207);
    let originals = originals(&corpus);
    let copies = close_copies(&corpus, &originals);
    let fresh: Vec<SynthDoc> = long_articles(480, 7)
        .into_iter()
        .filter(|d| d.variant == Variant::Original)
        .collect();
    assert!(copies.len() > 20 && fresh.len() >= copies.len());
    let again: Vec<SynthDoc> = copies
        .iter()
        .zip(&fresh)
        .map(|(c, f)| SynthDoc {
            url: c.url.clone(),
            ..f.clone()
        })
        .collect();
    let dir = common::temp_dir(name);
    let (in1, in2, out) = (dir.join("in1"), dir.join("in2"), dir.join("out"));
    std::fs::create_dir_all(&in1).unwrap();
    std::fs::create_dir_all(&in2).unwrap();
    let first: Vec<&SynthDoc> = originals.values().copied().chain(copies).collect();
    write_jsonl(&in1.join("day1.jsonl"), &first);
    write_jsonl(&in2.join("day2.jsonl"), &again.iter().collect::<Vec<_>>());
    let mut config = PipelineConfig::default();
    config.stages.dedup.enabled = dedup;
    for (input, batch) in [(&in1, "day1"), (&in2, "day2")] {
        common::run_with(
            config.clone(),
            vec![input.to_path_buf()],
            &out,
            batch,
            2,
            64,
        );
    }
    let day1 = documents(&out, "day1").into_values().map(|(id, _)| id);
    let day2 = documents(&out, "day2");
    let day2_dups = day2.values().filter(|(_, dup)| dup.is_some()).count();
    assert_eq!(day2_dups, 0, "the new texts match nothing earlier");
    std::fs::remove_dir_all(dir).unwrap();
    (
        day1.collect(),
        day2.into_iter().map(|(u, (id, _))| (u, id)).collect(),
    )
}

#[test]
fn no_doc_id_is_reused_by_a_later_batch_with_dedup_on_or_off() {
    for dedup in [true, false] {
        let (day1, day2) = recrawl_with_new_text(dedup, &format!("ids-reuse-{dedup}"));
        let reused = day2.values().filter(|id| day1.contains(*id)).count();
        assert_eq!(
            reused,
            0,
            "dedup {dedup}: {reused} of {} ids reused",
            day2.len()
        );
        let distinct: HashSet<&String> = day2.values().collect();
        assert_eq!(
            distinct.len(),
            day2.len(),
            "dedup {dedup}: ids unique in day 2"
        );
    }
}
