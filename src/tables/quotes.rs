//! The `quotes` table, declared once: one row per direct quotation, and how one
//! document's [`Quote`]s (byte offsets) fill rows (code-point offsets, ordinals in
//! document order, the text as written).

use super::columns::{int32, Float32, Int32, Utf8};
use super::declare::declare_table;
use crate::model::Quote;
use crate::text::CharOffsets;

declare_table! {
    name: "quotes";
    /// One `quotes` row: a field per column, named as the column.
    row: QuoteRow;
    /// Accumulates `quotes` rows.
    builder: QuotesBuilder;
    columns: {
        doc_id: Utf8 = "doc_id of the document it is in",
        quote: Int32 = "ordinal in its document",
        text: Utf8 = "the quoted words, without the quotation marks",
        start: Int32 = "offset of `text` into body where it starts (code points)",
        end: Int32 = "offset of `text` into body where it ends (code points, exclusive)",
        kind: Utf8 = "`full` (a sentence or more) or `partial` (a quoted fragment inside the writer's sentence)",
        speaker: Option<Utf8> = "who said it, as named in the text near the quote (a pronoun or role resolved to the name it stands for)",
        speaker_id: Option<Utf8> = "entity_id of the speaker when it is a known entity",
        speaker_name: Option<Utf8> = "canonical name of the speaker",
        cue: Option<Utf8> = "the attribution cue as written (\"a déclaré\", \"avrebbe affermato\", \"said\")",
        score: Option<Float32> = "confidence in [0, 1]",
    }
}

impl QuotesBuilder {
    /// Appends one document's quotes (sorted by start).
    pub fn append(&mut self, doc_id: &str, body: &str, offsets: &CharOffsets, quotes: &[Quote]) {
        for (i, q) in quotes.iter().enumerate() {
            self.push(QuoteRow {
                doc_id,
                quote: int32(i),
                text: &body[q.start..q.end],
                start: int32(offsets.char_of(q.start)),
                end: int32(offsets.char_of(q.end)),
                kind: q.kind.as_str(),
                speaker: q.speaker.as_deref(),
                speaker_id: q.speaker_id.as_deref(),
                speaker_name: q.speaker_name.as_deref(),
                cue: q.cue.as_deref(),
                score: Some(q.score),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;
    use crate::tables::test_support::{int_at, text_at};

    #[test]
    fn each_quote_field_lands_in_its_column() {
        let body = "Il a déclaré « non merci ».";
        let start = body.find("non").unwrap();
        let quote = Quote {
            start,
            end: start + "non merci".len(),
            kind: QuoteKind::Partial,
            speaker: Some("il".into()),
            speaker_id: Some("Q7".into()),
            speaker_name: Some("Jean Dupont".into()),
            cue: Some("a déclaré".into()),
            score: 0.5,
        };
        let mut b = QuotesBuilder::new();
        b.append("d", body, &CharOffsets::new(body), &[quote]);
        let batch = b.finish().unwrap();
        for (column, value) in [
            ("doc_id", "d"),
            ("text", "non merci"),
            ("kind", "partial"),
            ("speaker", "il"),
            ("speaker_id", "Q7"),
            ("speaker_name", "Jean Dupont"),
            ("cue", "a déclaré"),
        ] {
            assert_eq!(text_at(&batch, column, 0), Some(value), "{column}");
        }
        for (column, value) in [("quote", 0), ("start", 15), ("end", 24)] {
            assert_eq!(int_at(&batch, column, 0), Some(value), "{column}");
        }
    }
}
