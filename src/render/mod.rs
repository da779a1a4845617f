//! The template stage: one minijinja [`Environment`] renders a document's
//! fields and figures to the Markdown body. Built-in templates are embedded
//! and served by a loader that looks in the user's `--template-dir` first, so
//! any built-in file can be overridden; plain-text values are escaped for
//! Markdown by a custom auto-escape mode; Markdown fields are inserted as
//! Markdown; template syntax inside data is never evaluated.

pub mod context;
mod filters;

use crate::base::file::io_reason;
use crate::base::msg::{List, Message, Names, msg};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use crate::base::diag::Diagnostic;
use crate::data::{self, DataError, Lang, Schema, SchemaFile};

include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// The auto-escape mode of `.md` templates.
fn markdown_mode() -> AutoEscape {
    AutoEscape::Custom("markdown".into())
}

/// A template could not be found, loaded or rendered.
#[derive(Debug)]
pub struct TemplateError(pub Box<Diagnostic>);

impl TemplateError {
    fn new(d: Diagnostic) -> Self {
        TemplateError(Box::new(d))
    }

    /// The diagnostic to print.
    pub fn diagnostic(&self) -> &Diagnostic {
        &self.0
    }

    /// The same error, worded in `lang` unless its language is known.
    #[must_use]
    pub fn or_lang(self, lang: crate::base::lang::Lang) -> Self {
        TemplateError(Box::new(self.0.or_lang(lang)))
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for TemplateError {}

impl From<DataError> for TemplateError {
    fn from(e: DataError) -> Self {
        TemplateError(e.0)
    }
}

/// A template: its schema and one-line description.
#[derive(Clone, Debug)]
pub struct TemplateInfo {
    /// Its name (`progress-report`).
    pub name: String,
    /// What it is for.
    pub description: String,
    /// The fields it accepts.
    pub schema: Schema,
}

/// The built-in templates and the user's overrides, behind one Environment.
pub struct Templates {
    env: Environment<'static>,
    user_dir: Option<PathBuf>,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates").field("user_dir", &self.user_dir).finish_non_exhaustive()
    }
}

impl Templates {
    /// The Environment with built-ins and, first, files under `user_dir`.
    pub fn new(user_dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let user_dir = match user_dir {
            Some(dir) => Some(dir.canonicalize().map_err(|e| {
                TemplateError::new(
                    Diagnostic::error(msg!(CannotOpenTemplateFolder, reason = io_reason(&e))).in_file(dir),
                )
            })?),
            None => None,
        };
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_debug(true);
        env.set_fuel(Some(MAX_FUEL));
        env.set_recursion_limit(MAX_RECURSION);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .map_err(|e| TemplateError::new(Diagnostic::error(template_fault(&e))))?,
        );
        env.set_auto_escape_callback(|name| if name.ends_with(".md") { markdown_mode() } else { AutoEscape::None });
        env.set_formatter(|out, state, value| {
            if *state.auto_escape() == markdown_mode() && !value.is_safe() {
                if value.is_none() || value.is_undefined() {
                    return Ok(());
                }
                let text = filters::display(value);
                out.write_str(&crate::base::markdown::escape::markdown(&text))?;
                Ok(())
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        let dir = user_dir.clone();
        env.set_loader(move |name| load(dir.as_deref(), name));
        filters::register(&mut env);
        Ok(Templates { env, user_dir })
    }

    /// The user's template folder, if any.
    pub fn user_dir(&self) -> Option<&Path> {
        self.user_dir.as_deref()
    }

    /// The template called `name`, from its `schema.yaml`.
    pub fn info(&self, name: &str) -> Result<TemplateInfo, TemplateError> {
        let file = format!("{name}/schema.yaml");
        let Some((path, text)) = self.read(&file)? else {
            let names = self.names();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut d = Diagnostic::error(msg!(NoSuchTemplate, name = name));
            d = match data::did_you_mean(name, &refs) {
                Some(best) => d.hint(msg!(DidYouMean, name = best)),
                None => d.hint(msg!(TheTemplatesAre, names = List(names.iter().map(|n| n.to_string()).collect()))),
            };
            return Err(TemplateError::new(d));
        };
        let source = data::Source { path, text: text.into() };
        let schema_file: SchemaFile = data::parse_front_matter(&source, 0, source.text.len())?;
        let clashes = schema_file.clashes();
        if !clashes.is_empty() {
            return Err(TemplateError::new(
                Diagnostic::error(msg!(
                    FieldsInContract,
                    fields = Names(clashes.iter().map(|c| c.to_string()).collect())
                ))
                .in_file(&source.path),
            ));
        }
        Ok(TemplateInfo {
            name: name.to_owned(),
            description: schema_file.description.trim().to_owned(),
            schema: schema_file.schema(name),
        })
    }

    /// Names of all templates: built-in and the user's.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> =
            BUILTIN.iter().filter_map(|(n, _)| n.strip_suffix("/schema.yaml")).map(str::to_owned).collect();
        if let Some(dir) = &self.user_dir
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for entry in entries.flatten() {
                if entry.path().join("schema.yaml").is_file()
                    && let Some(name) = entry.file_name().to_str()
                {
                    names.push(name.to_owned());
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// The name under which file `file` of template `template` is found:
    /// its own, or its base template's.
    pub fn resolve(&self, info: &TemplateInfo, file: &str) -> Result<String, TemplateError> {
        let own = format!("{}/{file}", info.name);
        if self.read(&own)?.is_some() {
            return Ok(own);
        }
        let base = format!("{}/{file}", base_name(info));
        if self.read(&base)?.is_some() {
            return Ok(base);
        }
        Err(TemplateError::new(Diagnostic::error(msg!(TemplateHasNoFile, template = info.name.as_str(), file = file))))
    }

    /// Renders the Markdown body of a document in `lang`.
    pub fn render_markdown(&self, info: &TemplateInfo, lang: Lang, context: &Value) -> Result<String, TemplateError> {
        let name = self.resolve(info, &format!("{}.md", lang.code()))?;
        let template = self.env.get_template(&name).map_err(|e| self.error(&e))?;
        template.render(context).map_err(|e| self.error(&e))
    }

    /// The chart of the figures (target against actual) as the templates
    /// draw it in a report's body, for an attachment page of its own
    /// (`charts: attachment`): the same macro, with the document's
    /// context. Empty when fewer than two metrics have both figures.
    pub fn render_figures_chart(&self, lang: Lang, context: &Value) -> Result<String, TemplateError> {
        let words = crate::derive::lang::language(lang);
        let header = words.table_header(crate::derive::lang::Basis::Period);
        let brackets = if lang == Lang::Zh { r#"["（", "）"]"# } else { r#"[" (", ")"]"# };
        // No title of its own: the attachment's title says it.
        let source = format!(
            "{{% import \"common/macros.md\" as common %}}{{{{ common.metrics_chart(metrics, none, {:?}, {:?}, brackets={brackets}) }}}}",
            header[2], header[3],
        );
        self.env.render_named_str("figures-chart.md", &source, context).map_err(|e| self.error(&e))
    }

    /// The starter data file of a template in `lang` (`zongjie new`).
    pub fn starter(&self, info: &TemplateInfo, lang: &str) -> Result<String, TemplateError> {
        let name = self.resolve(info, &format!("starter.{lang}.yaml"))?;
        let (_, text) = self.read(&name)?.ok_or_else(|| {
            TemplateError::new(Diagnostic::error(msg!(NoStarter, template = info.name.as_str(), lang = lang)))
        })?;
        Ok(text)
    }

    /// The JSON Schema (draft-07) of the template's data, pretty-printed,
    /// with each field described in the languages the template is written
    /// in (`zongjie schema`, and beside the starter of `zongjie new`).
    pub fn json_schema(&self, info: &TemplateInfo) -> String {
        let langs: Vec<Lang> = [Lang::En, Lang::Zh]
            .into_iter()
            .filter(|lang| self.resolve(info, &format!("{}.md", lang.code())).is_ok())
            .collect();
        let value = data::json_schema(&info.schema, &info.description, &langs);
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The files a template's starter comes with in `lang`, to be written
    /// beside it (a bulletin's sample unit returns): each a path relative to
    /// the starter's folder and its text. None for most templates.
    pub fn starter_files(&self, info: &TemplateInfo, lang: &str) -> Result<Vec<(String, String)>, TemplateError> {
        let Ok(name) = self.resolve(info, &format!("starter-files.{lang}.yaml")) else { return Ok(Vec::new()) };
        let Some((path, text)) = self.read(&name)? else { return Ok(Vec::new()) };
        let files: BTreeMap<String, String> = serde_yaml::from_str(&text).map_err(|e| {
            TemplateError::new(
                Diagnostic::error(crate::data::serde_message(&e.to_string()))
                    .in_file(&path)
                    .hint(msg!(StarterFilesShape)),
            )
        })?;
        for file in files.keys() {
            if !Path::new(file).components().all(|c| matches!(c, Component::Normal(_))) {
                return Err(TemplateError::new(Diagnostic::error(msg!(
                    StarterPathInside,
                    path = path.display().to_string(),
                    file = file.as_str()
                ))));
            }
        }
        Ok(files.into_iter().collect())
    }

    /// The Typst style of a template: the shared base, then its own file.
    pub fn style(&self, info: &TemplateInfo) -> Result<Vec<StyleFile>, TemplateError> {
        let mut files = Vec::new();
        for name in ["common/style.typ".to_owned(), self.resolve(info, "style.typ")?] {
            let (path, text) = self.read(&name)?.ok_or_else(|| {
                TemplateError::new(Diagnostic::error(msg!(TemplateFileMissing, name = name.as_str())))
            })?;
            files.push(StyleFile {
                user: self.user_dir.as_ref().is_some_and(|d| path.starts_with(d)),
                name,
                path,
                text,
            });
        }
        Ok(files)
    }

    /// Reads a template file: the user's copy first, then the built-in one.
    /// Returns the path to show in messages and the text.
    fn read(&self, name: &str) -> Result<Option<(PathBuf, String)>, TemplateError> {
        load_file(self.user_dir.as_deref(), name).map_err(|(path, why)| {
            TemplateError::new(Diagnostic::error(msg!(CannotReadFile, reason = why)).in_file(&path))
        })
    }

    /// A minijinja error as a diagnostic at the template's line.
    fn error(&self, err: &minijinja::Error) -> TemplateError {
        let mut d = Diagnostic::error(template_fault(err));
        if let Some(name) = err.name()
            && let Ok(Some((path, text))) = self.read(name)
        {
            d = d.in_file(&path);
            if let Some(line) = err.line() {
                let text: Arc<str> = text.into();
                d = match err.range() {
                    Some(range) => d.at(text, range),
                    None => d.at_line(text, line, 1),
                };
            }
        }
        if err.kind() == minijinja::ErrorKind::UndefinedError {
            d = d.hint(msg!(FieldMissingFromData));
        }
        TemplateError::new(d)
    }

    /// Writes every built-in file under `dir`, refusing to overwrite.
    pub fn export(dir: &Path) -> Result<Vec<PathBuf>, TemplateError> {
        let io = |p: &Path, e: std::io::Error| {
            TemplateError::new(Diagnostic::error(msg!(CannotWrite, reason = io_reason(&e))).in_file(p))
        };
        let existing: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).filter(|n| dir.join(n).exists()).collect();
        if !existing.is_empty() {
            return Err(TemplateError::new(
                Diagnostic::error(msg!(AlreadyHoldsTemplates, folder = dir.display().to_string()))
                    .hint(msg!(FirstExistingFile, file = existing[0]))
                    .hint(msg!(ExportIntoEmpty)),
            ));
        }
        let mut written = Vec::new();
        for (name, text) in BUILTIN {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
            }
            std::fs::write(&path, text).map_err(|e| io(&path, e))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// A Typst style file of a template.
#[derive(Clone, Debug)]
pub struct StyleFile {
    /// Its name (`progress-report/style.typ`).
    pub name: String,
    /// Where it was read from (a path in the user's folder, or `built-in:…`).
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// Whether it came from the user's template folder.
    pub user: bool,
}

fn base_name(info: &TemplateInfo) -> &'static str {
    match info.schema.kind {
        data::Kind::ProgressReport | data::Kind::Common => "progress-report",
        data::Kind::VillageStay => "village-stay-report",
        data::Kind::Bulletin => "monthly-bulletin",
    }
}

/// The minijinja loader: the user's folder, then the embedded files.
fn load(user_dir: Option<&Path>, name: &str) -> Result<Option<String>, minijinja::Error> {
    load_file(user_dir, name).map(|found| found.map(|(_, text)| text)).map_err(|(path, why)| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("{}: {}", path.display(), msg!(CannotReadFile, reason = why).english()),
        )
    })
}

/// A minijinja error in zongjie's words: what kind of fault, in the
/// reader's language, and minijinja's own detail quoted.
fn template_fault(err: &minijinja::Error) -> Message {
    use minijinja::ErrorKind as K;
    let kind = match err.kind() {
        K::SyntaxError => msg!(TplSyntax),
        K::UndefinedError => msg!(TplUndefined),
        K::UnknownFilter => msg!(TplUnknownFilter),
        K::UnknownFunction => msg!(TplUnknownFunction),
        K::UnknownTest => msg!(TplUnknownTest),
        K::UnknownMethod => msg!(TplUnknownMethod),
        K::TemplateNotFound => msg!(TplNotFound),
        K::InvalidOperation => msg!(TplInvalidOperation),
        K::TooManyArguments => msg!(TplTooManyArguments),
        K::MissingArgument => msg!(TplMissingArgument),
        K::OutOfFuel => msg!(TplOutOfFuel),
        K::BadInclude => msg!(TplBadInclude),
        K::CannotUnpack => msg!(TplCannotUnpack),
        K::BadEscape => msg!(TplBadEscape),
        other => msg!(TplOther, kind = other.to_string()),
    };
    let mut detail = err.detail().map(str::to_owned);
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        let text = inner.to_string();
        detail = Some(match detail {
            Some(d) => format!("{d}: {text}"),
            None => text,
        });
        source = inner.source();
    }
    match detail {
        Some(detail) => msg!(TemplateFault, kind = kind, detail = detail),
        None => msg!(TemplateFaultKind, kind = kind),
    }
}

/// The largest template file read.
const MAX_TEMPLATE_BYTES: u64 = 4 * 1024 * 1024;

/// How many steps one render may take: a loop of a billion steps ends with
/// an error at its line instead of running for hours. The built-in
/// bulletin of 1,000 units takes under a million.
const MAX_FUEL: u64 = 50_000_000;

/// How deep macros and includes may call each other.
const MAX_RECURSION: usize = 100;

fn load_file(user_dir: Option<&Path>, name: &str) -> Result<Option<(PathBuf, String)>, (PathBuf, Message)> {
    if let Some(dir) = user_dir
        && let Some(path) = safe_join(dir, name)
        && path.is_file()
    {
        let bytes = match crate::base::file::read(&path, MAX_TEMPLATE_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => return Err((path, e.reason())),
        };
        let Ok(text) = String::from_utf8(bytes) else { return Err((path, msg!(NotUtf8Text))) };
        return Ok(Some((path, text)));
    }
    Ok(BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| (PathBuf::from(format!("built-in:{n}")), (*text).to_owned())))
}

/// `dir/name` if `name` is a relative path that stays inside `dir`.
fn safe_join(dir: &Path, name: &str) -> Option<PathBuf> {
    let rel = Path::new(name);
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let path = dir.join(rel);
    match path.canonicalize() {
        Ok(real) if real.starts_with(dir) => Some(path),
        Ok(_) => None,
        Err(_) => Some(path),
    }
}
