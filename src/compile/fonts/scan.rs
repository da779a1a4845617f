//! Finding the fonts on disk. Typst needs, for each face, its family,
//! variant, flags and the characters it covers; working these out means
//! reading every character map, which for the large CJK collections takes
//! most of a run that builds one document (some 100 ms). So they are kept
//! in a cache file, one entry per face, valid while the font file keeps its
//! size and modification time; a face not in the cache, or changed, is read
//! again. A cache that cannot be read or written is simply not used.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use typst::text::FontInfo;
use typst_kit::fonts::FontPath;

use crate::base::msg::{Message, msg};

/// Bumped whenever what is cached changes shape or meaning.
const FORMAT: u32 = 3;

/// The faces found, and how many came from the cache.
pub struct Scanned {
    pub faces: Vec<(FontPath, FontInfo)>,
    pub cached: usize,
    /// The cache file used, if any.
    pub cache: Option<PathBuf>,
    /// Font files left out, and why.
    pub skipped: Vec<(PathBuf, Skipped)>,
}

/// Why a face is left out before Typst reads it: kept in the cache, worded
/// when printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Skipped {
    /// Not a font the font parser reads: its own reason.
    NotAFont(String),
    /// Its character map is damaged: how.
    Damaged(Damage),
}

/// How a character map is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Damage {
    /// It ends before its tables do.
    CutShort,
    /// A table lies outside it.
    TableOutside,
    /// A range goes beyond Unicode.
    BeyondUnicode,
    /// It counts more ranges than it holds.
    MoreRanges,
    /// A range of characters that is no range of Unicode.
    Range(u32, u32),
    /// A range mapped past the font's glyphs (how many it has).
    PastGlyphs(u32),
    /// It maps more characters than Unicode has.
    MoreCharacters,
}

impl Skipped {
    /// Why, as the end of "this font is skipped: …".
    pub fn reason(&self) -> Message {
        match self {
            Skipped::NotAFont(detail) => msg!(FontNotReadable, detail = detail.as_str()),
            Skipped::Damaged(damage) => {
                let what = match *damage {
                    Damage::CutShort => msg!(CmapCutShort),
                    Damage::TableOutside => msg!(CmapTableOutside),
                    Damage::BeyondUnicode => msg!(CmapBeyondUnicode),
                    Damage::MoreRanges => msg!(CmapMoreRanges),
                    Damage::Range(start, end) => {
                        msg!(CmapRange, start = format!("{start:X}"), end = format!("{end:X}"))
                    }
                    Damage::PastGlyphs(glyphs) => msg!(CmapPastGlyphs, glyphs = glyphs),
                    Damage::MoreCharacters => msg!(CmapMoreCharacters),
                };
                msg!(FontCmapDamaged, what = what)
            }
        }
    }
}

/// Finds the faces in `dirs` and, if `system`, the system's, in that order,
/// using and refreshing the cache file in `cache_dir`.
pub fn scan(dirs: &[PathBuf], system: bool, cache_dir: Option<&Path>) -> Scanned {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        db.load_fonts_dir(dir);
    }
    if system {
        db.load_system_fonts();
        #[cfg(any(target_os = "windows", target_os = "macos"))]
        load_adobe_fonts(&mut db);
    }
    let file = cache_dir.map(|dir| dir.join(format!("fonts-{FORMAT}.json")));
    let mut cache = file.as_deref().map(Cache::read).unwrap_or_default();
    let mut faces = Vec::new();
    let mut skipped = Vec::new();
    let mut cached = 0;
    for face in db.faces() {
        let path = match &face.source {
            fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path,
            fontdb::Source::Binary(_) => continue,
        };
        let stamp = Stamp::of(path);
        let (info, refused) = match stamp.and_then(|stamp| cache.get(path, face.index, stamp)) {
            Some(known) => {
                cached += 1;
                known
            }
            None => {
                let (info, refused) = db.with_face_data(face.id, read).unwrap_or((None, None));
                if let Some(stamp) = stamp {
                    cache.put(path, face.index, stamp, info.clone(), refused.clone());
                }
                (info, refused)
            }
        };
        if let Some(why) = refused
            && !skipped.iter().any(|(p, _): &(PathBuf, Skipped)| p == path)
        {
            skipped.push((path.clone(), why));
        }
        if let Some(info) = info {
            faces.push((FontPath { path: path.clone(), index: face.index }, info));
        }
    }
    let cache_file = match &file {
        Some(file) if cache.changed => cache.write(file).ok().map(|()| file.clone()),
        Some(file) if cache.read_ok => Some(file.clone()),
        _ => None,
    };
    Scanned { faces, cached, cache: cache_file, skipped }
}

/// What Typst knows of a face, or why it is skipped: its character map
/// damaged ([`sane`]), or the font parser failing on it (ttf-parser has
/// assertions a forged table trips, found by fuzzing), which the panic
/// guard turns into a skip.
pub fn read(data: &[u8], index: u32) -> (Option<FontInfo>, Option<Skipped>) {
    match sane(data, index)
        .and_then(|()| crate::base::guard::quietly(|| FontInfo::new(data, index)).map_err(Skipped::NotAFont))
    {
        Ok(info) => (info, None),
        Err(why) => (None, Some(why)),
    }
}

/// Whether a face's character map is one Typst can read in time and memory
/// in proportion to the font: every range of characters within Unicode and,
/// where a range maps to consecutive glyphs, within the font's glyphs. A
/// corrupt range (one stretched to two billion characters) would otherwise
/// be walked character by character.
pub fn sane(data: &[u8], index: u32) -> Result<(), Skipped> {
    use ttf_parser::{RawFace, Tag};
    let face = RawFace::parse(data, index).map_err(|e| Skipped::NotAFont(e.to_string()))?;
    let glyphs = face
        .table(Tag::from_bytes(b"maxp"))
        .and_then(|maxp| maxp.get(4..6))
        .map_or(0, |b| u32::from(u16::from_be_bytes([b[0], b[1]])));
    let Some(cmap) = face.table(Tag::from_bytes(b"cmap")) else { return Ok(()) };
    let u16_at = |at: usize| cmap.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |at: usize| cmap.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let broken = |damage: Damage| Err(Skipped::Damaged(damage));
    let Some(tables) = u16_at(2) else { return broken(Damage::CutShort) };
    for record in 0..usize::from(tables) {
        let Some(offset) = u32_at(4 + record * 8 + 4) else { return broken(Damage::CutShort) };
        let at = offset as usize;
        let Some(format) = u16_at(at) else { return broken(Damage::TableOutside) };
        if !matches!(format, 8 | 10 | 12 | 13) {
            continue;
        }
        let groups_at = if format == 10 { at + 12 } else { at + 16 };
        let Some(count) = u32_at(groups_at - 4) else { return broken(Damage::CutShort) };
        if format == 10 {
            // One range: start, count of characters, then the glyphs.
            let Some(start) = u32_at(at + 12) else { return broken(Damage::CutShort) };
            if u64::from(start) + u64::from(count) > 0x11_0000 || count > glyphs {
                return broken(Damage::BeyondUnicode);
            }
            continue;
        }
        let room = cmap.len().saturating_sub(groups_at) / 12;
        if count as usize > room {
            return broken(Damage::MoreRanges);
        }
        let mut total = 0u64;
        for group in 0..count as usize {
            let at = groups_at + group * 12;
            let (Some(start), Some(end), Some(glyph)) = (u32_at(at), u32_at(at + 4), u32_at(at + 8)) else {
                return broken(Damage::CutShort);
            };
            if start > end || end > 0x10_FFFF {
                return broken(Damage::Range(start, end));
            }
            if format != 13 && u64::from(glyph) + u64::from(end - start) >= u64::from(glyphs.max(1)) {
                return broken(Damage::PastGlyphs(glyphs));
            }
            total += u64::from(end - start) + 1;
            if total > 0x11_0000 {
                return broken(Damage::MoreCharacters);
            }
        }
    }
    Ok(())
}

/// The folder of zongjie's cache: `ZONGJIE_CACHE_DIR` (empty: no cache),
/// else the system's cache folder (`~/.cache` on Linux).
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os("ZONGJIE_CACHE_DIR") {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => dirs::cache_dir().map(|dir| dir.join("zongjie")),
    }
}

/// What tells that a font file has changed.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    /// Modification time, in nanoseconds since 1970.
    modified: u128,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
        Some(Stamp { size: meta.len(), modified })
    }
}

/// One face as cached. `info` is `None` for a face Typst cannot use.
#[derive(Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    index: u32,
    stamp: Stamp,
    info: Option<FontInfo>,
    /// Why a face was refused before Typst read it (a damaged character map).
    #[serde(default)]
    refused: Option<Skipped>,
}

#[derive(Default)]
struct Cache {
    entries: HashMap<(PathBuf, u32), Entry>,
    read_ok: bool,
    changed: bool,
}

impl Cache {
    fn read(file: &Path) -> Cache {
        let Ok(bytes) = fs::read(file) else { return Cache::default() };
        match serde_json::from_slice::<Vec<Entry>>(&bytes) {
            Ok(list) => Cache {
                entries: list.into_iter().map(|e| ((e.path.clone(), e.index), e)).collect(),
                read_ok: true,
                changed: false,
            },
            // Unreadable (damaged, or of another version): rebuilt.
            Err(_) => Cache { changed: true, ..Cache::default() },
        }
    }

    fn get(&self, path: &Path, index: u32, stamp: Stamp) -> Option<(Option<FontInfo>, Option<Skipped>)> {
        let entry = self.entries.get(&(path.to_path_buf(), index))?;
        (entry.stamp == stamp).then(|| (entry.info.clone(), entry.refused.clone()))
    }

    fn put(&mut self, path: &Path, index: u32, stamp: Stamp, info: Option<FontInfo>, refused: Option<Skipped>) {
        // Paths that JSON cannot hold (not UTF-8) are read every time.
        if path.to_str().is_none() {
            return;
        }
        self.entries
            .insert((path.to_path_buf(), index), Entry { path: path.to_path_buf(), index, stamp, info, refused });
        self.changed = true;
    }

    /// Writes the cache (to a temporary file renamed into place, so that
    /// another zongjie never reads half of it), leaving out fonts that are
    /// gone.
    fn write(mut self, file: &Path) -> std::io::Result<()> {
        self.entries.retain(|(path, _), _| path.is_file());
        let mut list: Vec<&Entry> = self.entries.values().collect();
        list.sort_by(|a, b| (&a.path, a.index).cmp(&(&b.path, b.index)));
        let json = serde_json::to_vec(&list).map_err(std::io::Error::other)?;
        let dir = file.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        // Named as the outputs' temporary files are, so that what a killed
        // run left is swept in the same way.
        crate::base::atomic::sweep_stale(dir);
        let (temp, mut out) = crate::base::atomic::new_temp(dir, &format!("fonts-{FORMAT}.json"))?;
        std::io::Write::write_all(&mut out, &json).and_then(|()| fs::rename(&temp, file)).inspect_err(|_| {
            let _ = fs::remove_file(&temp);
        })
    }
}

/// Adobe Fonts synced by Creative Cloud, which Typst also finds on Windows
/// and macOS.
#[cfg(any(target_os = "windows", target_os = "macos"))]
fn load_adobe_fonts(db: &mut fontdb::Database) {
    let Some(data) = dirs::data_dir() else { return };
    let base = data.join("Adobe");
    let prefix = if cfg!(target_os = "macos") { "." } else { "" };
    for sub in [format!("CoreSync/plugins/livetype/{prefix}r"), format!("{prefix}User Owned Fonts")] {
        let Ok(entries) = fs::read_dir(base.join(sub)) else { return };
        for entry in entries.flatten() {
            if entry.metadata().is_ok_and(|m| m.is_file()) {
                let _ = db.load_font_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;

    #[test]
    fn a_skipped_fonts_reason_is_worded_when_printed() {
        let damaged = Skipped::Damaged(Damage::Range(0x10_0000, 0x20));
        assert_eq!(
            damaged.reason().render(Lang::En),
            "its character map is damaged (a range of characters U+100000–U+20)"
        );
        assert_eq!(damaged.reason().render(Lang::Zh), "其字符映射表（cmap）已损坏（字符范围 U+100000–U+20 不成立）");
        assert!(matches!(sane(b"not a font", 0), Err(Skipped::NotAFont(_))));
        // As the cache keeps it.
        let json = serde_json::to_string(&damaged).unwrap();
        assert_eq!(serde_json::from_str::<Skipped>(&json).unwrap(), damaged);
    }

    /// Found by the `media` fuzz target: a cmap format 14 table whose
    /// record count runs past 4 GB trips an assertion of ttf-parser 0.25
    /// while Typst reads the face; the face is skipped, with the reason.
    #[test]
    fn a_font_the_parser_fails_on_is_skipped() {
        let (info, why) = read(include_bytes!("fuzz-cmap14.bin"), 0);
        assert!(info.is_none());
        let why = why.expect("a reason").reason().render(Lang::En);
        assert!(why.starts_with("it is not a font zongjie can read (assertion failed"), "{why}");
    }
}
