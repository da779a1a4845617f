//! The font cache: what Typst needs to know of each font file is kept
//! between runs, used while the file is unchanged, read again when it
//! changes, and rebuilt when the cache is damaged. Uses the Chinese fonts of
//! Debian's fonts-arphic-ukai and fonts-noto-cjk as font files to scan.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{temp, zongjie};

const UKAI: &str = "/usr/share/fonts/truetype/arphic/ukai.ttc";
const NOTO: &str = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

/// A font file of the system, or a failure saying which package gives it.
fn system_font(path: &str, package: &str) -> PathBuf {
    let path = PathBuf::from(path);
    assert!(path.is_file(), "{} is missing: apt-get install {package}", path.display());
    path
}

/// `zongjie fonts` with only the fonts in `fonts` (and the embedded ones)
/// and the cache in `cache`; returns what it printed.
fn families(fonts: &Path, cache: &Path) -> String {
    zongjie(["fonts", "--no-system-fonts", "--font-path", fonts.to_str().unwrap()])
        .env("ZONGJIE_CACHE_DIR", cache.to_str().unwrap())
        .run()
        .expect(0)
        .stdout()
}

#[test]
fn the_cache_serves_unchanged_fonts_and_rereads_changed_ones() {
    let dir = temp();
    let (fonts, cache) = (dir.path().join("fonts"), dir.path().join("cache"));
    fs::create_dir_all(&fonts).unwrap();
    let font = fonts.join("office.ttc");
    fs::copy(system_font(UKAI, "fonts-arphic-ukai"), &font).unwrap();

    let first = families(&fonts, &cache);
    assert!(first.contains("\n  AR PL UKai\n"), "{first}");
    let file = cache.join("fonts-3.json");
    let json = fs::read_to_string(&file).expect("the cache is written");
    assert!(json.contains("office.ttc") && json.contains(r#""family":"AR PL UKai""#), "{json}");

    // While the file is unchanged, what the cache says is what is used.
    fs::write(&file, json.replace(r#""family":"AR PL UKai""#, r#""family":"Known From The Cache""#)).unwrap();
    let second = families(&fonts, &cache);
    assert!(second.contains("Known From The Cache") && !second.contains("\n  AR PL UKai\n"), "{second}");

    // Another font under the same name: read again, and the cache follows.
    fs::copy(system_font(NOTO, "fonts-noto-cjk"), &font).unwrap();
    let third = families(&fonts, &cache);
    assert!(third.contains("Noto Serif CJK SC"), "{third}");
    assert!(!third.contains("Known From The Cache") && !third.contains("AR PL UKai"), "{third}");
    let json = fs::read_to_string(&file).unwrap();
    assert!(json.contains("Noto Serif CJK SC") && !json.contains("Known From The Cache"), "{json}");
}

#[test]
fn a_damaged_cache_is_rebuilt_and_an_empty_cache_dir_turns_it_off() {
    let dir = temp();
    let (fonts, cache) = (dir.path().join("fonts"), dir.path().join("cache"));
    fs::create_dir_all(&fonts).unwrap();
    fs::create_dir_all(&cache).unwrap();
    fs::copy(system_font(UKAI, "fonts-arphic-ukai"), fonts.join("ukai.ttc")).unwrap();
    let file = cache.join("fonts-3.json");
    // What a run killed while writing the cache left (no process has id
    // 4294967): swept when the cache is next written.
    let left = cache.join(".fonts-3.json.zongjie-4294967-0.tmp");
    fs::write(&left, b"[").unwrap();
    for damage in [&b"[{\"path\": \"/etc/passwd\", \"index\": 0"[..], b"\xff\xfe not json", b""] {
        fs::write(&file, damage).unwrap();
        let out = families(&fonts, &cache);
        assert!(out.contains("\n  AR PL UKai\n"), "{out}");
        let json = fs::read_to_string(&file).unwrap();
        assert!(json.starts_with('[') && json.contains(r#""family":"AR PL UKai""#), "not rebuilt: {json}");
    }
    if cfg!(target_os = "linux") {
        assert!(!left.exists(), "a dead run's temporary cache file was left");
    }

    // By default the cache is in the user's cache folder; an empty
    // ZONGJIE_CACHE_DIR turns it off.
    let xdg = dir.path().join("xdg");
    let run = |cache_dir: Option<&str>| {
        let run = zongjie(["fonts", "--no-system-fonts", "--font-path", fonts.to_str().unwrap()])
            .env("XDG_CACHE_HOME", xdg.to_str().unwrap());
        let run = match cache_dir {
            Some(value) => run.env("ZONGJIE_CACHE_DIR", value),
            None => run.env_remove("ZONGJIE_CACHE_DIR"),
        };
        run.run().expect(0).stdout()
    };
    let out = run(Some(""));
    assert!(out.contains("\n  AR PL UKai\n") && out.contains("no font cache"), "{out}");
    assert!(!xdg.exists(), "a cache was written though turned off");
    if cfg!(target_os = "linux") {
        let out = run(None);
        assert!(out.contains("\n  AR PL UKai\n"), "{out}");
        assert!(xdg.join("zongjie/fonts-3.json").is_file(), "no cache in XDG_CACHE_HOME:\n{out}");
    }
}
