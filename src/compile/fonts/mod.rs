//! Fonts: Typst's embedded fonts, the system's, and folders given with
//! `--font-path` / `ZONGJIE_FONT_PATHS`, scanned once per process and shared
//! by every document of a batch (faces are loaded lazily, on first use).
//! Each typographic role (title, body, headings, …) gets a list of families
//! in order of preference; only installed families are passed to Typst.

mod scan;

use crate::write::source::Data;
use std::path::PathBuf;

#[cfg(feature = "testing")]
pub use scan::read;
pub use scan::{Skipped, cache_dir};
use typst::layout::Abs;
use typst::text::{Font, FontBook, FontVariant, FontVariations};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use crate::data::Lang;

/// Every font zongjie can use.
pub struct Fonts {
    store: FontStore,
    /// Where each face comes from, by index: `None` for embedded fonts.
    paths: Vec<Option<PathBuf>>,
    /// How many faces on disk were known from the font cache.
    pub cached: usize,
    /// The font cache file used, if any.
    pub cache: Option<PathBuf>,
    /// Font files left out because they cannot be read sensibly, and why.
    pub skipped: Vec<(PathBuf, Skipped)>,
    /// The same faces for the SVG renderer (the Word file's PNG fallback of
    /// an SVG with text), made on first use.
    svg: std::sync::OnceLock<std::sync::Arc<fontdb::Database>>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fonts({} faces)", self.paths.len())
    }
}

/// Where to look for fonts.
#[derive(Clone, Debug, Default)]
pub struct FontOptions {
    /// Extra folders to scan.
    pub paths: Vec<PathBuf>,
    /// Whether to scan the system's fonts.
    pub system: bool,
    /// The folder of the font cache (`None`: no cache; see [`cache_dir`]).
    pub cache_dir: Option<PathBuf>,
}

impl Fonts {
    /// Scans the embedded fonts, then the extra folders, then the system's.
    pub fn load(options: &FontOptions) -> Fonts {
        let mut store = FontStore::new();
        let mut paths = Vec::new();
        for (font, info) in typst_kit::fonts::embedded() {
            store.push((font, info));
            paths.push(None);
        }
        let scanned = scan::scan(&options.paths, options.system, options.cache_dir.as_deref());
        for (source, info) in scanned.faces {
            paths.push(Some(source.path.clone()));
            store.push((source, info));
        }
        Fonts {
            store,
            paths,
            cached: scanned.cached,
            cache: scanned.cache,
            skipped: scanned.skipped,
            svg: std::sync::OnceLock::new(),
        }
    }

    /// Only Typst's embedded fonts (for tests that must not depend on the
    /// machine).
    pub fn embedded_only() -> Fonts {
        Fonts::load(&FontOptions::default())
    }

    /// The font book Typst selects from.
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The face at `index`, loaded on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The faces as the SVG renderer (resvg) reads them, made once: the
    /// files on disk (mapped, not read) and the embedded fonts' bytes, so an
    /// SVG's text finds the fonts the PDF's does.
    pub fn svg_database(&self) -> std::sync::Arc<fontdb::Database> {
        self.svg
            .get_or_init(|| {
                let mut db = fontdb::Database::new();
                let mut seen = std::collections::HashSet::new();
                for (index, path) in self.paths.iter().enumerate() {
                    match path {
                        Some(path) => {
                            if seen.insert(path) {
                                let _ = db.load_font_file(path);
                            }
                        }
                        None => {
                            if let Some(font) = self.font(index) {
                                db.load_font_data(font.data().to_vec());
                            }
                        }
                    }
                }
                std::sync::Arc::new(db)
            })
            .clone()
    }

    /// The file a face comes from (`None`: embedded in zongjie).
    pub fn path(&self, index: usize) -> Option<&PathBuf> {
        self.paths.get(index).and_then(Option::as_ref)
    }

    /// Number of faces.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether there are no faces at all.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Whether a family is installed (case-insensitive, as Typst matches).
    pub fn has_family(&self, family: &str) -> bool {
        self.book().contains_family(&family.to_lowercase())
    }

    /// All family names, sorted, each once.
    pub fn families(&self) -> Vec<String> {
        self.book().families().map(|(name, _)| name.to_owned()).collect()
    }

    /// The installed families for `role` in `lang`, in order of preference.
    pub fn for_role(&self, role: Role, lang: Lang) -> Vec<String> {
        role.candidates(lang).iter().filter(|f| self.has_family(f)).map(|f| (*f).to_owned()).collect()
    }
}

/// A typographic role in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The document title (小标宋 in Chinese).
    Title,
    /// Body text (仿宋).
    Body,
    /// First-level headings 一、 (黑体).
    Heading1,
    /// Second-level headings （一） (楷体).
    Heading2,
    /// Page numbers (宋体).
    PageNumber,
    /// Code.
    Mono,
}

impl Role {
    /// Every role, in the order `zongjie fonts` lists them.
    pub const ALL: [Role; 6] = [Role::Title, Role::Body, Role::Heading1, Role::Heading2, Role::PageNumber, Role::Mono];

    /// The role's name in the Typst style's `fonts` dictionary.
    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Body => "body",
            Role::Heading1 => "heading1",
            Role::Heading2 => "heading2",
            Role::PageNumber => "page_number",
            Role::Mono => "mono",
        }
    }

    /// Families in order of preference. Chinese lists start with the faces
    /// Chinese offices have and end with free Simplified Chinese faces on
    /// Debian; no Japanese, Korean or Traditional Chinese face is ever named,
    /// so Typst never sets Chinese in their shapes. English lists end with
    /// Simplified Chinese faces too, for Chinese names in English documents.
    pub fn candidates(self, lang: Lang) -> &'static [&'static str] {
        const SONG: &[&str] =
            &["SimSun", "STSong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN"];
        match (self, lang) {
            (Role::Title, Lang::Zh) => &[
                "FZXiaoBiaoSong-B05S",
                "FZXiaoBiaoSong-B05",
                "STZhongsong",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
            ],
            (Role::Body, Lang::Zh) => &[
                "FangSong_GB2312",
                "FangSong",
                "STFangsong",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
            ],
            (Role::Heading1, Lang::Zh) => {
                &["SimHei", "STHeiti", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN"]
            }
            (Role::Heading2, Lang::Zh) => &[
                "KaiTi_GB2312",
                "KaiTi",
                "STKaiti",
                "Kaiti SC",
                "AR PL UKai CN",
                "AR PL UKai",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
            ],
            (Role::PageNumber, Lang::Zh) => SONG,
            (Role::Mono, _) => &["DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "SimHei"],
            (Role::Title | Role::Body | Role::PageNumber, Lang::En) => {
                &["Libertinus Serif", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "STSong", "Songti SC"]
            }
            (Role::Heading1 | Role::Heading2, Lang::En) => {
                &["Libertinus Serif", "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "STHeiti", "Heiti SC"]
            }
        }
    }
}

impl Fonts {
    /// Whether a family's regular face centres the Chinese comma and full
    /// stop in their em box (AR PL UKai does, as Taiwan's CNS style has it)
    /// instead of setting them in the left half as GB/T 15834 faces do
    /// (KaiTi, STKaiti, Noto CJK SC). Measured on the glyphs' ink.
    pub fn centres_punctuation(&self, family: &str) -> bool {
        let Some(index) = self.book().select(&family.to_lowercase(), FontVariant::default()) else {
            return false;
        };
        let Some(font) = self.font(index) else { return false };
        let instance = font.instantiate(FontVariant::default(), Abs::pt(16.0), &FontVariations::default());
        let face = instance.ttf();
        let centre = |c: char| -> Option<f64> {
            let glyph = face.glyph_index(c)?;
            let ink = face.glyph_bounding_box(glyph)?;
            let advance = f64::from(face.glyph_hor_advance(glyph)?);
            (advance > 0.0).then(|| (f64::from(ink.x_min) + f64::from(ink.x_max)) / 2.0 / advance)
        };
        ['，', '。'].iter().all(|c| centre(*c).is_some_and(|x| (0.35..=0.65).contains(&x)))
    }

    /// Whether a family has a bold cut (weight 600 or more).
    pub fn has_bold(&self, family: &str) -> bool {
        let book = self.book();
        book.select_family(&family.to_lowercase())
            .any(|i| book.info(i).is_some_and(|info| info.variant.weight.to_number() >= 600))
    }
}

/// The chosen families of every role, for one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleFonts {
    /// Each role's installed families, in order of preference.
    pub roles: Vec<(Role, Vec<String>)>,
    /// Families added for characters the role fonts lack (see
    /// [`crate::compile::preflight`]); the style appends them to every role.
    pub fallback: Vec<String>,
    /// Families for the document's private-use characters (a 造字 font; see
    /// [`crate::compile::preflight`]); the style puts them before every role's
    /// families, for private-use code points only.
    pub private_use: Vec<String>,
    /// Whether each role's first family has a bold cut; without one, the
    /// style emboldens with a thin stroke.
    pub bold: Vec<(Role, bool)>,
    /// The roles' first families that centre ，and 。 (AR PL UKai): the
    /// style sets those roles' text with Taiwan's punctuation style, which
    /// compresses such punctuation evenly on both sides; the mainland style
    /// trims the right half, into the next character.
    pub centred_punctuation: Vec<String>,
    /// The families named (roles and fallback) that have a bold cut: the
    /// style decides by the face that sets the bold text, whatever role put
    /// it there (strong text in a 楷体 editor's note is not in the body's face).
    pub with_bold: Vec<String>,
}

impl RoleFonts {
    /// Resolves every role for `lang`.
    pub fn resolve(fonts: &Fonts, lang: Lang) -> RoleFonts {
        let roles: Vec<(Role, Vec<String>)> =
            Role::ALL.iter().map(|&role| (role, fonts.for_role(role, lang))).collect();
        let bold =
            roles.iter().map(|(role, families)| (*role, families.first().is_some_and(|f| fonts.has_bold(f)))).collect();
        let mut with_bold: Vec<String> = Vec::new();
        for family in roles.iter().flat_map(|(_, families)| families) {
            if !with_bold.contains(family) && fonts.has_bold(family) {
                with_bold.push(family.clone());
            }
        }
        let mut centred_punctuation: Vec<String> = Vec::new();
        if lang == Lang::Zh {
            for (role, families) in &roles {
                let Some(first) = families.first() else { continue };
                let chinese = matches!(role, Role::Title | Role::Body | Role::Heading1 | Role::Heading2);
                if chinese && !centred_punctuation.contains(first) && fonts.centres_punctuation(first) {
                    centred_punctuation.push(first.clone());
                }
            }
        }
        RoleFonts { roles, fallback: Vec::new(), private_use: Vec::new(), bold, with_bold, centred_punctuation }
    }

    /// Adds a fallback family (see [`crate::compile::preflight`]).
    pub fn add_fallback(&mut self, fonts: &Fonts, family: String) {
        if fonts.has_bold(&family) && !self.with_bold.contains(&family) {
            self.with_bold.push(family.clone());
        }
        self.fallback.push(family);
    }

    /// The families of one role.
    pub fn get(&self, role: Role) -> &[String] {
        self.roles.iter().find(|(r, _)| *r == role).map_or(&[], |(_, f)| f.as_slice())
    }

    /// The fonts as the style reads them: `meta.fonts`.
    pub fn to_data(&self) -> Data {
        let mut fonts: Vec<(&'static str, Data)> =
            self.roles.iter().map(|(role, families)| (role.key(), Data::strings(families))).collect();
        fonts.push(("fallback", Data::strings(&self.fallback)));
        fonts.push(("private_use", Data::strings(&self.private_use)));
        let mut all: Vec<&str> = Vec::new();
        for family in self.families() {
            if !all.contains(&family) {
                all.push(family);
            }
        }
        fonts.push(("all", Data::strings(all)));
        fonts
            .push(("bold", Data::Dict(self.bold.iter().map(|(role, bold)| (role.key(), Data::Bool(*bold))).collect())));
        fonts.push(("with_bold", Data::strings(&self.with_bold)));
        fonts.push(("centred_punctuation", Data::strings(&self.centred_punctuation)));
        Data::Dict(fonts)
    }

    /// Every family named, roles first, then the fallback.
    pub fn families(&self) -> impl Iterator<Item = &str> {
        self.roles.iter().flat_map(|(_, f)| f.iter()).chain(&self.fallback).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_serve_english() {
        let fonts = Fonts::embedded_only();
        assert!(fonts.has_family("Libertinus Serif"));
        assert!(fonts.has_family("libertinus serif"));
        assert_eq!(fonts.for_role(Role::Body, Lang::En), ["Libertinus Serif"]);
        assert!(fonts.font(0).is_some());
    }

    #[test]
    fn no_regional_faces_named_for_chinese() {
        for role in Role::ALL {
            for lang in [Lang::En, Lang::Zh] {
                for family in role.candidates(lang) {
                    for bad in [" JP", " KR", " TC", " HK", " TW", "Mincho", "Gothic", "Ming"] {
                        assert!(!family.contains(bad), "{family} for {role:?}");
                    }
                }
            }
        }
    }
}
