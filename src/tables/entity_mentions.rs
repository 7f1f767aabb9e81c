//! The `entity_mentions` table, declared once: one row per mention of a named entity, and
//! how one document's [`EntityMention`]s (byte offsets) fill rows (code-point offsets,
//! ordinals in document order, the text as written).

use super::columns::{int32, Float32, Int32, Utf8};
use super::declare::declare_table;
use crate::model::EntityMention;
use crate::text::CharOffsets;

declare_table! {
    name: "entity_mentions";
    /// One `entity_mentions` row: a field per column, named as the column.
    row: EntityMentionRow;
    /// Accumulates `entity_mentions` rows.
    builder: EntityMentionsBuilder;
    columns: {
        doc_id: Utf8 = "doc_id of the document it is in",
        mention: Int32 = "ordinal of the mention in its document, from 0",
        entity_id: Utf8 = "canonical id shared by every mention of the same real entity, across documents, languages and spellings (Choïgou, Choigu, Shoigu → one id). A Wikidata QID when the knowledge base knows it, else a stable derived key",
        entity_name: Utf8 = "canonical display name (\"Sergei Shoigu\")",
        entity_type: Utf8 = "`PERSON`, `ORG`, `LOC` or `MISC`",
        text: Utf8 = "the mention as written",
        start: Int32 = "offset into body where it starts (code points)",
        end: Int32 = "offset into body where it ends (code points, exclusive)",
        sentence: Option<Int32> = "ordinal of the sentence holding it",
        method: Option<Utf8> = "how it was found: `gazetteer`, `pattern`, `coref` (a short form resolved to a fuller mention) …",
        score: Option<Float32> = "confidence in [0, 1]",
    }
}

impl EntityMentionsBuilder {
    /// Appends one document's mentions (sorted by start).
    pub fn append(
        &mut self,
        doc_id: &str,
        body: &str,
        offsets: &CharOffsets,
        mentions: &[EntityMention],
    ) {
        for (i, m) in mentions.iter().enumerate() {
            self.push(EntityMentionRow {
                doc_id,
                mention: int32(i),
                entity_id: &m.entity_id,
                entity_name: &m.entity_name,
                entity_type: m.entity_type.as_str(),
                text: &body[m.start..m.end],
                start: int32(offsets.char_of(m.start)),
                end: int32(offsets.char_of(m.end)),
                sentence: m.sentence.map(int32),
                method: Some(m.method),
                score: Some(m.score),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType;
    use crate::tables::test_support::{int_at, text_at};

    #[test]
    fn each_mention_field_lands_in_its_column() {
        let body = "À Paris, Sergei Shoigu";
        let start = body.find("Sergei").unwrap();
        let mention = EntityMention {
            entity_id: "Q1".into(),
            entity_name: "Sergei Shoigu".into(),
            entity_type: EntityType::Person,
            start,
            end: body.len(),
            sentence: Some(3),
            method: "gazetteer",
            score: 0.9,
        };
        let mut b = EntityMentionsBuilder::new();
        b.append(
            "d",
            body,
            &CharOffsets::new(body),
            &[mention.clone(), mention],
        );
        let batch = b.finish().unwrap();
        for (column, value) in [
            ("doc_id", "d"),
            ("entity_id", "Q1"),
            ("entity_name", "Sergei Shoigu"),
            ("entity_type", "PERSON"),
            ("text", "Sergei Shoigu"),
            ("method", "gazetteer"),
        ] {
            assert_eq!(text_at(&batch, column, 1), Some(value), "{column}");
        }
        for (column, value) in [("mention", 1), ("start", 9), ("end", 22), ("sentence", 3)] {
            assert_eq!(int_at(&batch, column, 1), Some(value), "{column}");
        }
    }
}
