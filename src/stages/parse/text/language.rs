//! Language identification with whatlang, answered as ISO 639-1 codes.

use whatlang::Lang;

/// Only this many bytes of a text are looked at: plenty for a reliable answer, and
/// whatlang's cost grows with the sample (it was a third of all pipeline instructions).
const MAX_SAMPLE_BYTES: usize = 2000;

/// A language guess.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Guess {
    /// ISO 639-1 code (ISO 639-3 when the language has no 2-letter code).
    pub code: &'static str,
    /// whatlang's confidence in [0, 1].
    pub confidence: f32,
    /// whatlang calls the answer reliable.
    pub reliable: bool,
}

/// Whether `text` holds enough letters (`min_letters`, at least one) to be identified.
pub(crate) fn enough_letters(text: &str, min_letters: usize) -> bool {
    let n = min_letters.max(1);
    text.chars().filter(|c| c.is_alphabetic()).take(n).count() >= n
}

/// Guesses the language of `text` when it holds at least `min_letters` letters.
pub(crate) fn guess(text: &str, min_letters: usize) -> Option<Guess> {
    if !enough_letters(text, min_letters) {
        return None;
    }
    let middle = sample(text);
    let mut info = whatlang::detect(middle)?;
    if !info.is_reliable() && middle.len() < text.len() {
        // An unsure middle (a list, a recipe): look at a larger part before giving up.
        let end = text.floor_char_boundary(3 * MAX_SAMPLE_BYTES);
        info = whatlang::detect(&text[..end])?;
    }
    Some(Guess {
        code: iso639_1(info.lang()),
        confidence: info.confidence().clamp(0.0, 1.0) as f32,
        reliable: info.is_reliable(),
    })
}

/// At most [`MAX_SAMPLE_BYTES`] of `text`, from its middle: the body of an article,
/// away from headlines and captions at the top and link lists at the bottom.
fn sample(text: &str) -> &str {
    if text.len() <= MAX_SAMPLE_BYTES {
        return text;
    }
    let start = text.floor_char_boundary((text.len() - MAX_SAMPLE_BYTES) / 2);
    let end = text.floor_char_boundary(start + MAX_SAMPLE_BYTES);
    &text[start..end]
}

/// The language of a document body: `(code, score)`, or `("und", 0.0)` when the body has
/// fewer than `min_letters` letters or whatlang is not confident.
pub(crate) fn body_language(body: &str, min_letters: usize) -> (String, f32) {
    match guess(body, min_letters) {
        Some(g) if g.reliable => (g.code.to_string(), g.confidence),
        _ => ("und".to_string(), 0.0),
    }
}

/// A declared language ("fr", "FR", "fr-FR", "fr_CA") reduced to its primary subtag,
/// lower-cased; `None` when it is not 2–3 ASCII letters.
pub(crate) fn declared(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    ok.then_some(primary)
}

/// ISO 639-1 code of a whatlang language (its ISO 639-3 code when there is none).
pub(crate) fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
        #[allow(unreachable_patterns)]
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_body_languages_as_two_letter_codes() {
        let fr = "La Russie a livré des radars à l’Iran, a déclaré mardi un responsable iranien au journal.";
        let it = "Il ministro della Difesa ha visitato Teheran lunedì, mentre il paese si prepara a rispondere.";
        let de = "Der russische Sicherheitsrat hat am Mittwoch eine engere Zusammenarbeit mit dem Iran angekündigt.";
        let es = "El portavoz del Kremlin dijo el martes que Rusia mantiene contactos estrechos con Irán e Israel.";
        let en = "The Kremlin spokesman said on Tuesday that Russia keeps close contacts with both Iran and Israel.";
        for (text, code) in [(fr, "fr"), (it, "it"), (de, "de"), (es, "es"), (en, "en")] {
            let (lang, score) = body_language(text, 40);
            assert_eq!(lang, code, "{text}");
            assert!(score > 0.5 && score <= 1.0);
        }
        assert_eq!(body_language("Trop court.", 40), ("und".to_string(), 0.0));
    }

    #[test]
    fn long_texts_are_sampled_from_the_middle_on_char_boundaries() {
        let head = "Légende de la photo en tête. ".repeat(100);
        let middle = "Ein deutscher Absatz über die Lage. ".repeat(100);
        let tail = "Lire aussi : autres articles. ".repeat(100);
        let text = format!("{head}{middle}{tail}");
        let s = sample(&text);
        assert!(s.len() <= MAX_SAMPLE_BYTES && s.len() > MAX_SAMPLE_BYTES - 4);
        assert!(s.contains("deutscher") && !s.contains("Légende"));
        assert_eq!(guess(&text, 40).map(|g| g.code), Some("de"));
        assert_eq!(sample("court"), "court");
    }

    #[test]
    fn reduces_declared_languages() {
        assert_eq!(declared("fr-FR").as_deref(), Some("fr"));
        assert_eq!(declared(" IT ").as_deref(), Some("it"));
        assert_eq!(declared("x"), None);
        assert_eq!(declared("12"), None);
    }
}
