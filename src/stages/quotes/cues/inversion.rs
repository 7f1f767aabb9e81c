//! Where a speech verb stands relative to its subject: inverted right after a quotation
//! ("», said Carey") or closing a clause after a comma ("…, adds Al Basha."), where the
//! name after the verb is its subject rather than its object.

/// True when the text before `at` ends with a quotation's closing mark, maybe followed
/// by a comma ("“…,” said", "« … », a déclaré"): a verb at `at` is inverted.
pub fn after_quote(body: &str, at: usize) -> bool {
    let before = body[..at].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    before.ends_with(['"', '”', '»', '“', '«', '’', '\''])
}

/// True when a verb at `at` closes a clause inverted after a comma, its subject ending at
/// `name_end` and the sentence ("…, adds Al Basha."): the name speaks.
pub fn closing_inversion(body: &str, at: usize, name_end: usize) -> bool {
    body[..at].trim_end().ends_with(',')
        && body[name_end..]
            .trim_start_matches(' ')
            .starts_with(['.', '\n'])
}
