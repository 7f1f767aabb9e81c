//! A description after an inverted verb, then the apposed name ("», dijo el consejero de
//! Agricultura, Manuel Ortega, en …"): the name is the speaker, in en, fr, it, de, es;
//! and a description followed by a list of places names nobody.

use super::{run, speaker, L, P};
use crate::model::EntityType;

const O: EntityType = EntityType::Org;
#[test]
fn es_a_role_with_a_complement_then_the_name() {
    let body = "«El agua no llega a los pueblos», dijo el consejero de Agricultura, Rosendo Vallejo, en rueda de prensa.";
    let q = run("es", body, &[]);
    assert_eq!(speaker(&q, 0), Some("Rosendo Vallejo"));
    let q = run("es", body, &[("Rosendo Vallejo", "Rosendo_Vallejo", P)]);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Rosendo_Vallejo"));
}

#[test]
fn fr_a_minister_of_a_department_then_the_name() {
    let body = "« Nous ne céderons pas », a déclaré le ministre de l'Intérieur, Gérald Dupont, devant les préfets.";
    let q = run("fr", body, &[("Gérald Dupont", "Gérald_Dupont", P)]);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Gérald_Dupont"));
    let body = "« Le dossier avance », a expliqué la directrice de la communication de l’hôpital, Claire Morvan.";
    let q = run("fr", body, &[]);
    assert_eq!(speaker(&q, 0), Some("Claire Morvan"));
}

#[test]
fn it_a_role_of_an_institution_then_the_name() {
    let body = "«Servono più medici», ha detto il presidente dell'ordine dei medici di Pavia, Marco Tessari, ai cronisti.";
    let names = [("Marco Tessari", "Marco_Tessari", P), ("Pavia", "Pavia", L)];
    let q = run("it", body, &names);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Marco_Tessari"));
}

#[test]
fn de_a_role_of_a_company_then_the_name() {
    let body =
        "„Wir bauen keine Stellen ab“, sagte die Chefin der Firma Nordwerk, Jana Roth, am Montag.";
    let names = [("Jana Roth", "Jana_Roth", P), ("Nordwerk", "Nordwerk", O)];
    let q = run("de", body, &names);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Jana_Roth"));
}

#[test]
fn en_the_head_of_an_organisation_then_the_name() {
    let body = "“We will appeal,” said the head of Acme Corp, Jane Roe, on Tuesday.";
    let names = [("Jane Roe", "Jane_Roe", P), ("Acme Corp", "Acme_Corp", O)];
    let q = run("en", body, &names);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Jane_Roe"));
    let q = run("en", body, &[("Acme Corp", "Acme_Corp", O)]);
    assert_eq!(speaker(&q, 0), Some("Jane Roe"));
}

#[test]
fn a_description_followed_by_places_names_nobody_from_them() {
    let body = "“We stand together,” said the leaders of France, Germany, Italy and Spain.";
    let names = [("France", "France", L), ("Germany", "Germany", L)];
    let q = run("en", body, &names);
    assert_ne!(speaker(&q, 0), Some("Germany"));
    let body = "“It floods every year,” said the mayor of Springfield, Illinois.";
    let q = run(
        "en",
        body,
        &[
            ("Springfield", "Springfield", L),
            ("Illinois", "Illinois", L),
        ],
    );
    assert_ne!(speaker(&q, 0), Some("Illinois"));
}
