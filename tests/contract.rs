//! The contract `docs/tables.md` and the code that writes the tables say the same thing:
//! the same schema version, and for every table the same columns in the same order, with
//! the same types and nullability.

use gazette::tables::schema::SCHEMA_VERSION;
use gazette::tables::Table;

const CONTRACT: &str = include_str!("../docs/tables.md");

/// `(name, type, not null)` of each column row of the section `## <table> — …`, in order;
/// a row naming two columns (`start, end`) gives both. The `batch` partition column is not
/// stored in the files and is left out.
fn contract_columns(table: &str) -> Vec<(String, String, bool)> {
    let header = format!("## {table} —");
    let section = CONTRACT
        .split("\n## ")
        .map(|s| format!("## {s}"))
        .find(|s| s.starts_with(&header))
        .unwrap_or_else(|| panic!("docs/tables.md has no section {header:?}"));
    let mut out = Vec::new();
    for line in section.lines().take_while(|l| !l.starts_with("### ")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || cells[1] == "column" || cells[1].starts_with("---") {
            continue;
        }
        let (names, ty) = (cells[1], cells[2]);
        if ty.contains("(partition)") {
            continue;
        }
        let not_null = ty.ends_with(", not null");
        let ty = ty.trim_end_matches(", not null").to_string();
        for name in names.split(',').map(str::trim) {
            out.push((name.to_string(), ty.clone(), not_null));
        }
    }
    out
}

#[test]
fn the_contract_and_the_code_give_the_same_columns() {
    for table in Table::ALL {
        let code: Vec<(String, String, bool)> = table
            .columns()
            .iter()
            .map(|c| (c.name.to_string(), c.type_name.to_string(), !c.nullable))
            .collect();
        assert_eq!(
            contract_columns(table.name()),
            code,
            "{}: docs/tables.md and src/tables/ disagree",
            table.name()
        );
    }
}

#[test]
fn the_contract_states_the_schema_version_the_files_carry() {
    let stated = format!("**Schema version {SCHEMA_VERSION}.**");
    assert!(
        CONTRACT.contains(&stated),
        "docs/tables.md lacks {stated:?}"
    );
    let change = format!("- **{SCHEMA_VERSION}** (");
    assert!(
        CONTRACT.contains(&change),
        "no Changes entry for {SCHEMA_VERSION}"
    );
}
