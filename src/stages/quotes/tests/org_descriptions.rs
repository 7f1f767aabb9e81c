//! Definite descriptions of an organisation as speakers ("the company said", "la société
//! a indiqué"): the organisation the text is about, not another one described with the
//! same noun elsewhere; a person or a name apposed to the description still wins.

use super::{run, speaker, P};
use crate::model::EntityType;
use crate::stages::quotes::speakers::score;

const O: EntityType = EntityType::Org;

#[test]
fn en_the_company_is_the_organisation_just_written_about() {
    let body = "Brightline, a research company, tracks the robot market.\nAcme Robotics reported record sales on Monday, beating forecasts. “Demand has never been stronger,” the company said in a statement.";
    let names = [
        ("Brightline", "Brightline", O),
        ("Acme Robotics", "Acme_Robotics", O),
    ];
    let q = run("en", body, &names);
    assert_eq!(speaker(&q, 0), Some("Acme Robotics"));
    assert_eq!(q[0].1.score, score::ORG_DESCRIBED_BACK);
}

#[test]
fn en_a_modified_description_after_the_quote_names_the_firm() {
    let body = "Corvane, a security firm in Oslo, sells audits.\nAnalysts at Nettle Labs traced the attack to a known gang. “The same servers sent both waves of email,” the security firm wrote on its blog.";
    let names = [("Corvane", "Corvane", O), ("Nettle Labs", "Nettle_Labs", O)];
    let q = run("en", body, &names);
    assert_eq!(speaker(&q, 0), Some("Nettle Labs"));
}

#[test]
fn en_a_person_or_an_apposed_name_wins_over_the_description() {
    let names = [
        ("Brightline", "Brightline", O),
        ("Acme Robotics", "Acme_Robotics", O),
        ("Acme Corp", "Acme_Corp", O),
        ("John Smith", "John_Smith", P),
    ];
    let lead = "Brightline, a research company, tracks the market. Acme Robotics lost its appeal. ";
    let body =
        format!("{lead}“We will try again,” the company's chief executive, John Smith, said.");
    let q = run("en", &body, &names);
    assert_eq!(speaker(&q, 0), Some("John Smith"));
    let body = format!("{lead}“We will try again,” the company, Acme Corp, said.");
    let q = run("en", &body, &names);
    assert_eq!(speaker(&q, 0), Some("Acme Corp"));
}

#[test]
fn fr_it_de_es_the_article_and_an_organisation_noun_refer_back() {
    let cases = [
        ("fr", "Orbia, une société de conseil, suit le secteur.\nVellane a publié ses résultats mardi. « Nous restons prudents », a indiqué la société dans un communiqué.", "Orbia", "Vellane"),
        ("it", "Fidera, un'azienda di revisione, segue il settore.\nMarenco ha chiuso il bilancio in utile. «I conti sono solidi», ha precisato l'azienda in una nota.", "Fidera", "Marenco"),
        ("de", "Korvit, ein Unternehmen aus Bremen, berät die Branche.\nHalden Werke hat am Dienstag Zahlen vorgelegt. „Wir bleiben vorsichtig“, teilte das Unternehmen mit.", "Korvit", "Halden Werke"),
        ("es", "Orvia, una empresa de consultoría, sigue el sector.\nTerranova presentó sus resultados el martes. «Seguimos siendo prudentes», explicó la empresa en un comunicado.", "Orvia", "Terranova"),
    ];
    let mut wrong = Vec::new();
    for (lang, body, other, org) in cases {
        let id = org.replace(' ', "_");
        let q = run(lang, body, &[(other, other, O), (org, id.as_str(), O)]);
        let got = (speaker(&q, 0), q[0].1.score);
        if got != (Some(org), score::ORG_DESCRIBED_BACK) {
            wrong.push(format!("{lang}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn far_from_any_organisation_the_most_mentioned_one_is_taken() {
    let filler = "The weather stayed mild and the roads were quiet all week long. ".repeat(14);
    let body = format!(
        "Acme Robotics makes arms. Acme Robotics sells them in Ohio. Brightline, a research company, follows it.\n{filler}\n“We are hiring again,” the company said."
    );
    let names = [
        ("Brightline", "Brightline", O),
        ("Acme Robotics", "Acme_Robotics", O),
    ];
    let q = run("en", &body, &names);
    assert_eq!(speaker(&q, 0), Some("Acme Robotics"));
}
