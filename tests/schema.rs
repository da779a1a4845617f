//! The JSON Schema of each template, checked by another program than
//! zongjie: Python's `jsonschema` (Debian's python3-jsonschema, for
//! /usr/bin/python3), reading the YAML as editors do (YAML 1.2: a date is
//! text). Every starter `zongjie new` writes validates against the schema
//! written beside it, which its first line names; a misspelt field or a
//! wrong choice fails, as `check` fails it.

mod common;

use std::path::Path;
use std::process::Command;

use common::{temp, write_file, zongjie};

/// Validates `data` against `schema`; the errors, one a line (empty when
/// valid). Fails, saying what to install, when Python's jsonschema or yaml
/// is missing.
fn validate(schema: &Path, data: &Path) -> String {
    let script = r#"
import json, sys
import jsonschema, yaml

class Loader(yaml.SafeLoader):
    pass

# YAML 1.2, as yaml-language-server reads it: no timestamps.
Loader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
data = yaml.load(open(sys.argv[2], encoding="utf-8"), Loader=Loader)
for error in sorted(jsonschema.Draft7Validator(schema).iter_errors(data), key=lambda e: e.json_path):
    print(error.json_path, error.message)
"#;
    let out =
        Command::new("/usr/bin/python3").arg("-c").arg(script).arg(schema).arg(data).output().unwrap_or_else(|e| {
            panic!("cannot run /usr/bin/python3 ({e}): apt-get install python3 python3-jsonschema python3-yaml")
        });
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the validator failed (apt-get install python3-jsonschema python3-yaml for /usr/bin/python3):\n{err}"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_starter_validates_against_the_schema_beside_it() {
    for template in ["progress-report", "village-stay-report", "monthly-bulletin"] {
        for lang in ["en", "zh"] {
            let dir = temp();
            let file = dir.path().join(format!("{template}.{lang}.yaml"));
            zongjie(["new", template, file.to_str().unwrap(), "--lang", lang]).run().expect(0);
            let text = std::fs::read_to_string(&file).unwrap();
            let schema_name = format!("{template}.{lang}.schema.json");
            let first = text.lines().next().unwrap();
            assert_eq!(first, format!("# yaml-language-server: $schema={schema_name}"));
            let schema = dir.path().join(&schema_name);
            let errors = validate(&schema, &file);
            assert!(errors.is_empty(), "{template} ({lang}) starter:\n{errors}");
            // `zongjie schema` gives the same schema.
            let printed = zongjie(["schema", template]).run().expect(0).stdout();
            assert_eq!(printed, std::fs::read_to_string(&schema).unwrap(), "{template}");
            // The starter builds as it is, the modeline included.
            zongjie(["check", file.to_str().unwrap()]).run().expect(0);
        }
    }
}

/// What the schema refuses, `check` refuses too.
#[test]
fn a_misspelt_field_or_a_wrong_choice_fails() {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    zongjie(["new", "progress-report", file.to_str().unwrap()]).run().expect(0);
    let schema = dir.path().join("r.schema.json");
    let good = std::fs::read_to_string(&file).unwrap();
    for (from, to, complaint) in [
        ("\norganization:", "\norganisation:", "'organisation' was unexpected"),
        ("\ndoc_kind: report", "\ndoc_kind: memo", "'memo' is not one of"),
        ("\nlang: en", "\nlang: fr", "'fr' is not one of"),
        ("\npaper: a4", "\npaper: a5", "'a5' is not one of"),
    ] {
        assert!(good.contains(from), "the starter has no {from:?}");
        let bad = write_file(dir.path(), "bad.yaml", &good.replacen(from, to, 1));
        let errors = validate(&schema, &bad);
        assert!(errors.contains(complaint), "{to:?}: the schema let it pass:\n{errors}");
        zongjie(["check", bad.to_str().unwrap()]).run().expect(1);
    }
    // Inside a list of records: a metric's `better`, an item's field.
    let metric = good.replacen("better: higher", "better: up", 1);
    assert_ne!(metric, good, "the starter has no `better: higher`");
    let bad = write_file(dir.path(), "bad.yaml", &metric);
    assert!(validate(&schema, &bad).contains("'up' is not one of"));
    zongjie(["check", bad.to_str().unwrap()]).run().expect(1);
    // A required field left out.
    let untitled: String = good.lines().filter(|l| !l.starts_with("title:")).map(|l| format!("{l}\n")).collect();
    let bad = write_file(dir.path(), "bad.yaml", &untitled);
    assert!(validate(&schema, &bad).contains("'title' is a required property"));
}

/// A user's template: its own fields from its schema.yaml, with their
/// types, whether they are required and what they mean.
#[test]
fn a_user_template_s_own_fields_are_in_its_schema() {
    let dir = temp();
    let templates = dir.path().join("t");
    std::fs::create_dir_all(templates.join("audit-report")).unwrap();
    write_file(
        &templates.join("audit-report"),
        "schema.yaml",
        "description: An audit report\nbase: progress-report\nfields:\n  auditor: {type: text, required: true, description: Who audited the accounts.}\n  audit_date: date\n",
    );
    let out = zongjie(["schema", "audit-report", "--template-dir", templates.to_str().unwrap()]).run().expect(0);
    let schema = write_file(dir.path(), "audit.schema.json", &out.stdout());
    assert!(out.stdout().contains("Who audited the accounts."), "{}", out.stdout());
    let data = "template: audit-report\ntitle: Audit\norganization: Office\nauditor: Li Ming\naudit_date: 2026-10-01\n";
    let file = write_file(dir.path(), "a.yaml", data);
    assert_eq!(validate(&schema, &file), "");
    let file = write_file(dir.path(), "a.yaml", &data.replace("auditor: Li Ming\n", ""));
    assert!(validate(&schema, &file).contains("'auditor' is a required property"));
    // -o writes the file.
    let written = dir.path().join("out.json");
    zongjie(["schema", "audit-report", "--template-dir", templates.to_str().unwrap(), "-o", written.to_str().unwrap()])
        .run()
        .expect(0);
    assert_eq!(std::fs::read_to_string(written).unwrap(), out.stdout());
}
