//! What `<meta>` keys, itemprops and classes say about a date: the original publication
//! (`article:published_time`, `sw-pubdate`, `itemprop="datePublished"`), a generic date
//! (`date`, `DC.date`: publication on most sites, the last change on some), or an update
//! (`article:modified_time`, `class="updated"`); and `datePublished` in JSON-LD.

/// `<meta>` keys (name, property or itemprop, lower case) naming the original publication.
const PUBLISHED_KEYS: [&str; 24] = [
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "date_published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "publicationdate",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "dc.date",
    "date",
];

/// Words in a `<meta>` key that name a publication date ("sw-pubdate", "publish-date").
const PUBLISHED_PARTS: [&str; 4] = ["published", "pubdate", "publishdate", "publish_date"];

/// Publication keys that only say "date": the original publication on most sites, the
/// last change on some (TYPO3's `date`, `DC.date`), so a page's other evidence can
/// overrule them.
const GENERIC_KEYS: [&str; 2] = ["date", "dc.date"];

/// Words in a key or class that name a later date than the original publication.
pub(super) const UPDATE_PARTS: [&str; 5] = ["modif", "updat", "lastmod", "expir", "revis"];

/// A `<meta>` key, property or itemprop, lower case, without a `schema:` prefix.
pub(super) fn key_of<'a>(get: &impl Fn(&str) -> Option<&'a str>) -> Option<String> {
    let key = get("property").or(get("name")).or(get("itemprop"))?;
    let key = key.to_ascii_lowercase();
    Some(
        key.strip_prefix("schema:")
            .map_or(key.clone(), str::to_string),
    )
}

/// Whether a key names the original publication: a listed key, or one holding a
/// publication word and no update word ("sw-pubdate", "page-publish-date").
fn published_key(key: &str) -> bool {
    PUBLISHED_KEYS.contains(&key)
        || (PUBLISHED_PARTS.iter().any(|p| key.contains(p))
            && !UPDATE_PARTS.iter().any(|p| key.contains(p)))
}

/// The value of a `<meta>` publication key or an `itemprop="datePublished"` element, and
/// whether its key is a generic one ([`GENERIC_KEYS`]); `key` is the tag's [`key_of`].
pub(super) fn strict_value<'a>(
    name: &str,
    key: Option<&str>,
    get: &impl Fn(&str) -> Option<&'a str>,
) -> Option<(&'a str, bool)> {
    let key = key.filter(|k| published_key(k))?;
    if name != "meta" && key != "datepublished" {
        return None;
    }
    let value = get("content").or(get("datetime")).or(get("title"))?;
    Some((value, GENERIC_KEYS.contains(&key)))
}

/// Whether an element's class and itemprop allow it as a publication date: no update
/// word (`class="updated"`, `itemprop="dateModified"`), unless it also names the
/// publication (hAtom's `class="updated published"`).
pub(super) fn loose_allowed(attrs: &[(String, String)]) -> bool {
    let value = |key: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == key)
            .map_or(String::new(), |(_, v)| v.to_ascii_lowercase())
    };
    let (class, itemprop) = (value("class"), value("itemprop"));
    let update = |v: &str| UPDATE_PARTS.iter().any(|p| v.contains(p));
    class.contains("publish") || !(update(&class) || update(&itemprop))
}

/// The value of a `<time>` element, of one marked as the publication date, or of a
/// `dateCreated` key; never of one marked as modified or updated. `key` is the tag's
/// [`key_of`], `allowed` its [`loose_allowed`].
pub(super) fn loose_value<'a>(
    name: &str,
    key: Option<&str>,
    allowed: bool,
    attrs: &[(String, String)],
    get: &impl Fn(&str) -> Option<&'a str>,
) -> Option<&'a str> {
    if !allowed {
        return None;
    }
    let class = get("class").unwrap_or("").to_ascii_lowercase();
    let marked = attrs.iter().any(|(n, _)| n == "pubdate")
        || class.contains("publish")
        || class.contains("posted")
        || key == Some("datecreated");
    if !(name == "time" || marked) {
        return None;
    }
    get("datetime").or(get("content")).or(get("title"))
}

/// The string value of `key` (`datePublished`, `dateModified`) in a JSON-LD value:
/// articles first, then any object, depth first.
pub(super) fn find_json_date(value: &serde_json::Value, key: &str) -> Option<String> {
    fn walk(v: &serde_json::Value, key: &str, articles_only: bool) -> Option<String> {
        match v {
            serde_json::Value::Array(items) => {
                items.iter().find_map(|i| walk(i, key, articles_only))
            }
            serde_json::Value::Object(map) => {
                let kind = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
                let article = ["Article", "Posting", "Report", "NewsArticle"]
                    .iter()
                    .any(|k| kind.contains(k));
                if article || !articles_only {
                    if let Some(serde_json::Value::String(s)) = map.get(key) {
                        return Some(s.clone());
                    }
                }
                map.values().find_map(|i| walk(i, key, articles_only))
            }
            _ => None,
        }
    }
    walk(value, key, true).or_else(|| walk(value, key, false))
}
