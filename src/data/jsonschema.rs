//! A template's data as a JSON Schema (draft-07, what VS Code's YAML
//! extension reads): made from the field tables the loader validates
//! against ([`super::fields`]) and the template's own `schema.yaml`, so an
//! editor completes the same field names, flags the same misspellings and
//! wrong choices, and shows what each field means in the template's
//! languages.

use serde_json::{Map, Value, json};

use super::fields::{COMMON, Field, Shape};
use super::schema::Schema;
use crate::base::lang::Lang;

/// The JSON Schema of the data of `schema`'s template, described in
/// `langs` (the languages the template is written in); `about` says what
/// the template is for.
pub fn json_schema(schema: &Schema, about: &str, langs: &[Lang]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in COMMON.iter().chain(schema.kind.fields()) {
        let mut value = property(field, langs);
        if field.name == "template" && schema.kind != super::schema::Kind::Common {
            value["enum"] = json!([schema.template, null]);
        }
        properties.insert(field.name.to_owned(), value);
        if field.required {
            required.push(field.name);
        }
    }
    for extra in &schema.extra {
        let mut value = shape(extra.kind.shape(), langs);
        if !extra.required {
            value = nullable(value);
        }
        if let Some(text) = &extra.description {
            value["description"] = Value::String(text.trim().to_owned());
        }
        properties.insert(extra.name.clone(), value);
        if extra.required {
            required.push(extra.name.as_str());
        }
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": format!("zongjie data: {}", schema.template),
        "description": about,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// One field: its shape (null allowed where the field is optional, as the
/// loader reads `field:` with nothing after it as absent) and its meaning.
fn property(field: &Field, langs: &[Lang]) -> Value {
    let mut value = shape(field.shape, langs);
    if !field.required {
        value = nullable(value);
    }
    let described: Vec<&str> = langs
        .iter()
        .map(|lang| match lang {
            Lang::En => field.en,
            Lang::Zh => field.zh,
        })
        .collect();
    value["description"] = Value::String(described.join("\n\n"));
    value
}

/// The schema of a value of one shape.
fn shape(shape: Shape, langs: &[Lang]) -> Value {
    // Plain text and Markdown are any scalar: YAML reads `2026` as a number,
    // but as a title it is text.
    let scalar = json!(["string", "number", "boolean"]);
    match shape {
        Shape::Text => json!({ "type": scalar, "pattern": "\\S" }),
        Shape::Markdown => json!({ "type": scalar }),
        Shape::Label | Shape::Date => json!({ "type": "string" }),
        Shape::Number => json!({ "type": "number" }),
        Shape::Count => json!({ "type": "integer", "minimum": 1, "maximum": 1_000_000 }),
        Shape::Share => json!({ "type": "number", "minimum": 0, "maximum": 1 }),
        Shape::Bool => json!({ "type": "boolean" }),
        Shape::Period | Shape::Due => json!({ "type": ["string", "integer"] }),
        Shape::Id => json!({ "type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*$" }),
        Shape::Choice(words) => json!({ "enum": words }),
        Shape::List(inner) => json!({ "type": "array", "items": self::shape(*inner, langs) }),
        Shape::Record(fields) => {
            let mut properties = Map::new();
            for field in fields {
                properties.insert(field.name.to_owned(), property(field, langs));
            }
            let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
            json!({ "type": "object", "properties": properties, "required": required, "additionalProperties": false })
        }
        Shape::Map(inner) => json!({ "type": "object", "additionalProperties": self::shape(*inner, langs) }),
        Shape::OneOf(shapes) => json!({ "anyOf": shapes.iter().map(|s| self::shape(*s, langs)).collect::<Vec<_>>() }),
    }
}

/// The schema that also accepts null.
fn nullable(mut value: Value) -> Value {
    if let Some(words) = value.get_mut("enum").and_then(Value::as_array_mut) {
        words.push(Value::Null);
    } else if let Some(kind) = value.get_mut("type") {
        let mut kinds = match kind.take() {
            Value::Array(kinds) => kinds,
            one => vec![one],
        };
        kinds.push(json!("null"));
        *kind = Value::Array(kinds);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{ExtraField, ExtraKind, Kind};

    #[test]
    fn every_field_the_loader_accepts_is_described_with_its_type() {
        let schema = Schema {
            template: "my-report".into(),
            kind: Kind::ProgressReport,
            extra: vec![ExtraField {
                name: "budget_code".into(),
                kind: ExtraKind::Text,
                required: true,
                description: Some("The budget line.".into()),
            }],
        };
        let value = json_schema(&schema, "A report", &[Lang::En, Lang::Zh]);
        let properties = value["properties"].as_object().unwrap();
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut accepted = schema.field_names();
        accepted.sort_unstable();
        let mut listed = names.clone();
        listed.sort_unstable();
        assert_eq!(listed, accepted);
        assert_eq!(value["required"], json!(["title", "organization", "budget_code"]));
        assert_eq!(value["properties"]["doc_kind"]["enum"], json!(["report", "briefing", "summary", null]));
        assert_eq!(value["properties"]["template"]["enum"], json!(["my-report", null]));
        let lang = value["properties"]["lang"]["description"].as_str().unwrap();
        assert!(lang.contains("Language of the document") && lang.contains("文种语言"), "{lang}");
        let metric = &value["properties"]["metrics"]["items"];
        assert_eq!(metric["required"], json!(["id", "label"]));
        assert_eq!(metric["additionalProperties"], json!(false));
        assert_eq!(metric["properties"]["better"]["enum"], json!(["higher", "lower", null]));
        assert_eq!(value["properties"]["budget_code"]["description"], "The budget line.");
        assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}
