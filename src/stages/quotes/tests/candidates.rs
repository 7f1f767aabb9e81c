//! Speaker candidates cleaned of tagging slips, and the session-3 attribution rules:
//! sentence adverbs and page furniture never speak, surnames typed as places are the
//! person, "…, adds Name." speaks, the person a sentence introduces takes the next
//! pronoun, cue-less partial quotes go to their clause's subject, credit lines and bare
//! plural roles.

use super::{run, speaker, L, P};

#[test]
fn a_sentence_adverb_tagged_as_a_person_never_speaks() {
    let body = "Rana Odeh arrived in 2016. She works nights.\n\nSomehow, the family will find a way, adds Odeh. \"We can borrow the money,\" she says.";
    let q = run(
        "en",
        body,
        &[("Rana Odeh", "Rana_Odeh", P), ("Somehow", "Somehow", P)],
    );
    assert_eq!(speaker(&q, 0), Some("Rana Odeh"));
}

#[test]
fn page_furniture_and_a_leading_preposition_are_no_speaker() {
    let body = "Marco Ruiz opened the shop in May.\n\nArticle Continued Below\n\n“We print everything,” says the soft-spoken Hamilton native.";
    let q = run(
        "en",
        body,
        &[
            ("Marco Ruiz", "Marco_Ruiz", P),
            ("Article Continued Below", "Article_Continued_Below", P),
        ],
    );
    assert_eq!(speaker(&q, 0), Some("Marco Ruiz"));
}

#[test]
fn a_surname_tagged_as_a_place_is_the_person() {
    let body = "Alma Berger runs the clinic. For Berger, who trained abroad, it is a calling. “You start small,” she says.";
    let q = run(
        "en",
        body,
        &[("Alma Berger", "Alma_Berger", P), ("Berger", "Berger", L)],
    );
    assert_eq!(speaker(&q, 0), Some("Alma Berger"));
}

#[test]
fn a_name_after_an_abbreviated_title_is_a_person() {
    let body = "After the vote, Ms. May acknowledged the defeat and asked MPs to say “what the House does support.”";
    let q = run("en", body, &[]);
    assert_eq!(speaker(&q, 0), Some("May"));
}

#[test]
fn the_person_a_sentence_introduces_takes_the_pronoun() {
    let body = "“It is a great day,” said Audrey Parker. She died a week later.\n\nGiven his views, Nadia Gokool, president of a charity, is hopeful the minister will act.\n\n“Our hope is for change,” she said.";
    let names = [
        ("Audrey Parker", "Audrey_Parker", P),
        ("Nadia Gokool", "Nadia_Gokool", P),
    ];
    let q = run("en", body, &names);
    assert_eq!(speaker(&q, 1), Some("Nadia Gokool"));
}

#[test]
fn a_partial_quote_without_cue_goes_to_its_clause_subject() {
    let body = "Tom Baker lives in a tent. On Christmas Day, he plans to invite five friends over — “the boys” — for dinner.\n\nWithin the emails, officials discussed what would “support the rationale for the plan.”";
    let q = run("en", body, &[("Tom Baker", "Tom_Baker", P)]);
    assert_eq!(speaker(&q, 0), Some("Tom Baker"));
    assert_eq!(speaker(&q, 1), Some("officials"));
}

#[test]
fn a_credit_line_names_the_next_quote_paragraph() {
    let body = "He is a danger to others. District Attorney Carla Nowak\n\n“We are confined by the law of 1996.”";
    let q = run("en", body, &[("Carla Nowak", "Carla_Nowak", P)]);
    assert_eq!(speaker(&q, 0), Some("Carla Nowak"));
}

#[test]
fn a_description_or_bare_plural_right_before_the_verb_speaks() {
    let body = "What the commission described as a “package of remedies” were designed “to protect investors.” In the budget, Finance officials had admitted “there is some uncertainty.”";
    let q = run("en", body, &[]);
    assert_eq!(speaker(&q, 0), Some("the commission"));
    assert_eq!(speaker(&q, 1), Some("the commission"));
    assert_eq!(speaker(&q, 2), Some("Finance officials"));
}
