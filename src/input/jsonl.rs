//! One JSON line → one [`RawRecord`]. `text` or `html` is required; `id`, `url`, `title`,
//! `published`, `source_name`, `language`, `crawled` are optional; unknown fields are ignored.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{Payload, RawRecord, RecordMeta};

#[derive(Deserialize)]
struct JsonRecord {
    text: Option<String>,
    html: Option<String>,
    id: Option<IdValue>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source_name: Option<String>,
    language: Option<String>,
    crawled: Option<String>,
}

/// `id` may be a string or a number in the wild.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdValue {
    Text(String),
    Number(serde_json::Number),
}

/// Parses an ISO date or date-time ("2024-08-06", "2024-08-06T10:00:00Z") to its date.
pub fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    let day = v.get(..10)?;
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let rest = &v[10..];
    (rest.is_empty() || rest.starts_with(['T', ' ', 't'])).then_some(date)
}

/// Parses one line; the error is the detail of a `malformed` reject.
pub fn parse_line(line: &str, input: String) -> Result<RawRecord, String> {
    let rec: JsonRecord = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let payload = match (rec.text, rec.html) {
        (Some(t), _) if !t.trim().is_empty() => Payload::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => Payload::Html(h),
        (Some(_), _) | (_, Some(_)) => return Err("`text`/`html` field is empty".into()),
        (None, None) => return Err("neither a `text` nor an `html` field".into()),
    };
    let date = |field: &str, v: Option<String>| -> Result<Option<NaiveDate>, String> {
        match v {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => parse_iso_date(&s)
                .map(Some)
                .ok_or_else(|| format!("`{field}` is {s:?}, not an ISO date or date-time")),
        }
    };
    let nonempty = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let meta = RecordMeta {
        id: rec.id.map(|id| match id {
            IdValue::Text(s) => s,
            IdValue::Number(n) => n.to_string(),
        }),
        url: nonempty(rec.url),
        title: nonempty(rec.title),
        published: date("published", rec.published)?,
        source_name: nonempty(rec.source_name),
        language: nonempty(rec.language).map(|l| l.to_ascii_lowercase()),
        crawled: date("crawled", rec.crawled)?,
    };
    Ok(RawRecord {
        input,
        payload,
        meta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_ignores_unknown_ones() {
        let r = parse_line(
            r#"{"text":"Corps","id":7,"url":"https://x.test/a","published":"2024-04-17T08:00:00Z","language":"FR","extra":[1]}"#,
            "f.jsonl#1".into(),
        )
        .unwrap();
        assert_eq!(r.payload, Payload::Text("Corps".into()));
        assert_eq!(r.meta.id.as_deref(), Some("7"));
        assert_eq!(r.meta.published, NaiveDate::from_ymd_opt(2024, 4, 17));
        assert_eq!(r.meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn malformed_lines_say_why() {
        assert!(parse_line("{\"text\": ", "x".into())
            .unwrap_err()
            .contains("invalid JSON"));
        assert!(parse_line("{\"title\": \"t\"}", "x".into())
            .unwrap_err()
            .contains("neither"));
        assert!(
            parse_line("{\"text\": \"a\", \"published\": \"hier\"}", "x".into())
                .unwrap_err()
                .contains("published")
        );
        assert!(parse_line("[1,2]", "x".into()).is_err());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            parse_iso_date("2023-10-28"),
            NaiveDate::from_ymd_opt(2023, 10, 28)
        );
        assert_eq!(
            parse_iso_date("2023-10-28 10:00"),
            NaiveDate::from_ymd_opt(2023, 10, 28)
        );
        assert_eq!(parse_iso_date("2023-10-28x"), None);
        assert_eq!(parse_iso_date("28/10/2023"), None);
    }
}
