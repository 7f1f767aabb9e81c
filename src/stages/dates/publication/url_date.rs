//! Publication dates written in a URL's path: `/2024/08/06/`, `2024-08-06`, `2024_08_06`,
//! `20240806`.

use chrono::NaiveDate;
use regex::Regex;

use super::plausible::Plausibility;

/// The compiled URL date patterns, with the bounds a URL date must fall within.
#[derive(Debug)]
pub struct UrlDates {
    patterns: Vec<Regex>,
    plausible: Plausibility,
}

impl UrlDates {
    /// Compiles the URL date patterns; dates outside `plausible` are not believed.
    pub fn new(plausible: Plausibility) -> UrlDates {
        // Fixed patterns: compiling them cannot fail.
        let re = |p: &str| Regex::new(p).expect("publication date pattern");
        UrlDates {
            patterns: vec![
                re(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{2})(?:[/._-]|$)"),
                re(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
                re(r"(?:^|[^0-9])(?P<y>\d{4})(?P<s>[-_])(?P<m>\d{2})[-_](?P<d>\d{2})(?:[^0-9]|$)"),
                re(r"(?:^|[/_.-])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:[/_.-]|$)"),
            ],
            plausible,
        }
    }

    /// The first plausible date in the URL's path (the part after the host), or `None`.
    pub fn date(&self, url: &str, crawled: Option<NaiveDate>) -> Option<NaiveDate> {
        let path = url
            .split_once("://")
            .map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
        self.patterns.iter().find_map(|re| {
            re.captures_iter(path).find_map(|c| {
                let n = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
                let date = NaiveDate::from_ymd_opt(n("y")? as i32, n("m")?, n("d")?)?;
                self.plausible.allows(date, crawled).then_some(date)
            })
        })
    }
}
