"""The figures of one batch, computed from the Parquet tables with polars lazy scans.

:func:`batch_figures` returns plain JSON-able data (dicts, lists, numbers, strings), the
single source for the terminal text, the HTML page and the golden test.
"""

from __future__ import annotations

import pathlib
from typing import Any

import polars as pl

from gazette.report.scan import Batch, scan

#: How many entities per type, speakers and spellings the report lists.
TOP_ENTITIES = 10
TOP_SPEAKERS = 15
TOP_SPELLINGS = 5
#: The publication date histogram has day bins up to this span in days, month bins beyond.
DAY_BINS_UP_TO = 92


def _counts(frame: pl.DataFrame, key: str) -> list[dict[str, Any]]:
    """Rows ``{key, count}`` sorted by count (descending), then key."""
    return [
        {key: row[key], "count": row["count"]}
        for row in frame.sort(["count", key], descending=[True, False], nulls_last=True).to_dicts()
    ]


def _shares(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The same rows with a ``share`` of their total (rounded to 6 places)."""
    total = sum(r["count"] for r in rows)
    return [{**r, "share": round(r["count"] / total, 6) if total else 0.0} for r in rows]


def batch_figures(output: pathlib.Path, batch: Batch) -> dict[str, Any]:
    """Every figure of the report for ``batch`` of ``output`` (see the module doc)."""
    ids = [batch.id]
    docs = scan(output, "documents", ids)
    rejects = scan(output, "rejects", ids)
    mentions = scan(output, "entity_mentions", ids)
    quotes = scan(output, "quotes", ids)

    figures: dict[str, Any] = {"batch": batch.id}
    manifest = batch.manifest
    figures["manifest"] = {
        "started": manifest.get("started"),
        "finished": manifest.get("finished"),
        "version": manifest.get("version"),
        "schema_version": manifest.get("schema_version"),
        "input_records": manifest.get("counts", {}).get("input_records"),
        "skipped_files": manifest.get("skipped_files", []),
    }

    # documents: counts, languages, date sources, publication dates, duplicates.
    if docs is not None:
        d = (
            docs.select("doc_id", "language", "chars", "published_date", "date_source", "duplicate_of")
            .collect()
        )
    else:
        d = pl.DataFrame(
            schema={"doc_id": pl.String, "language": pl.String, "chars": pl.Int32,
                    "published_date": pl.Date, "date_source": pl.String, "duplicate_of": pl.String}
        )
    r = (
        rejects.select("reason").collect()
        if rejects is not None
        else pl.DataFrame(schema={"reason": pl.String})
    )
    n_docs, n_rejects = d.height, r.height
    n_dups = int(d["duplicate_of"].is_not_null().sum())
    figures["records"] = n_docs + n_rejects
    figures["documents"] = n_docs
    figures["rejects"] = n_rejects
    figures["reject_rate"] = round(n_rejects / (n_docs + n_rejects), 6) if n_docs + n_rejects else 0.0
    figures["rejects_by_reason"] = _counts(r.group_by("reason").len("count"), "reason")

    clusters = d.filter(pl.col("duplicate_of").is_not_null()).group_by("duplicate_of").len("dups")
    sizes = clusters.select((pl.col("dups") + 1).alias("size")).group_by("size").len("clusters")
    figures["duplicates"] = {
        "documents": n_dups,
        "share": round(n_dups / n_docs, 6) if n_docs else 0.0,
        "clusters": clusters.height,
        "of_earlier_batches": int(
            clusters.join(d.select(pl.col("doc_id").alias("duplicate_of")), on="duplicate_of", how="anti").height
        ),
        "cluster_sizes": [
            {"size": row["size"], "clusters": row["clusters"]} for row in sizes.sort("size").to_dicts()
        ],
    }
    figures["languages"] = _shares(_counts(d.group_by("language").len("count"), "language"), "language")
    figures["date_sources"] = _shares(
        _counts(d.group_by("date_source").len("count").with_columns(pl.col("date_source").fill_null("unknown")),
                "date_source"),
        "date_source",
    )
    dated = d.filter(pl.col("published_date").is_not_null())
    figures["date_coverage"] = round(dated.height / n_docs, 6) if n_docs else 0.0
    figures["mean_body_chars"] = round(float(d["chars"].mean()), 3) if n_docs else 0.0
    # The histogram of publication dates: one bin per day when they span at most
    # DAY_BINS_UP_TO days, else one per month.
    span = (dated["published_date"].max() - dated["published_date"].min()).days if dated.height else 0
    unit, fmt = ("day", "%Y-%m-%d") if span <= DAY_BINS_UP_TO else ("month", "%Y-%m")
    bins = dated.group_by(pl.col("published_date").dt.strftime(fmt).alias("bin")).len("count")
    figures["publication_dates"] = {
        "bin": unit,
        "counts": [{"bin": row["bin"], "count": row["count"]} for row in bins.sort("bin").to_dicts()],
    }
    if dated.height:
        figures["publication_range"] = [
            str(dated["published_date"].min()),
            str(dated["published_date"].max()),
        ]
    else:
        figures["publication_range"] = None

    # entities: the top per type, with their ids and the spellings seen.
    entities: dict[str, list[dict[str, Any]]] = {}
    if mentions is not None:
        m = mentions.select("doc_id", "entity_id", "entity_name", "entity_type", "text")
        top = (
            m.group_by("entity_type", "entity_id", "entity_name")
            .agg(pl.len().alias("mentions"), pl.col("doc_id").n_unique().alias("documents"))
            .sort(["entity_type", "mentions", "documents", "entity_id"], descending=[False, True, True, False])
            .group_by("entity_type", maintain_order=True)
            .head(TOP_ENTITIES)
            .collect()
        )
        spellings = (
            m.join(top.lazy().select("entity_id"), on="entity_id", how="semi")
            .group_by("entity_id", "text")
            .len("n")
            .sort(["entity_id", "n", "text"], descending=[False, True, False])
            .group_by("entity_id", maintain_order=True)
            .agg(pl.col("text").head(TOP_SPELLINGS).alias("spellings"), pl.len().alias("n_spellings"))
            .collect()
        )
        spell = {row["entity_id"]: row for row in spellings.to_dicts()}
        for row in top.to_dicts():
            s = spell.get(row["entity_id"], {"spellings": [], "n_spellings": 0})
            entities.setdefault(row["entity_type"], []).append(
                {
                    "entity_id": row["entity_id"],
                    "name": row["entity_name"],
                    "mentions": row["mentions"],
                    "documents": row["documents"],
                    "spellings": s["spellings"],
                    "distinct_spellings": s["n_spellings"],
                }
            )
    figures["entity_mentions"] = int(mentions.select(pl.len()).collect().item()) if mentions is not None else 0
    figures["top_entities"] = dict(sorted(entities.items()))

    # quotes: top speakers, quotes per language.
    speakers: list[dict[str, Any]] = []
    per_language: list[dict[str, Any]] = []
    n_quotes = 0
    if quotes is not None:
        q = quotes.select("doc_id", "speaker", "speaker_id", "speaker_name").collect()
        n_quotes = q.height
        named = q.with_columns(pl.coalesce("speaker_name", "speaker").alias("who"))
        top = (
            named.filter(pl.col("who").is_not_null())
            .group_by("who", "speaker_id")
            .agg(pl.len().alias("quotes"), pl.col("doc_id").n_unique().alias("documents"))
            .sort(["quotes", "documents", "who"], descending=[True, True, False], nulls_last=True)
            .head(TOP_SPEAKERS)
        )
        speakers = [
            {"speaker": row["who"], "speaker_id": row["speaker_id"], "quotes": row["quotes"],
             "documents": row["documents"]}
            for row in top.to_dicts()
        ]
        figures["quotes_without_speaker"] = int(named["who"].is_null().sum())
        lang = q.join(d.select("doc_id", "language"), on="doc_id", how="left").with_columns(
            pl.col("language").fill_null("und")
        )
        per_language = _shares(_counts(lang.group_by("language").len("count"), "language"), "language")
    else:
        figures["quotes_without_speaker"] = 0
    figures["quotes"] = n_quotes
    figures["top_speakers"] = speakers
    figures["quotes_per_language"] = per_language
    return figures
