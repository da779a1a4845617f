//! Messages in the document's language: a corpus of bad inputs written
//! twice, in Chinese (`lang: zh`) and in English, run through the binary.
//! Every message line printed for a Chinese document is Chinese, with no
//! English sentence in it (file names, field names and values are allowed);
//! every line for an English one is English, with no Chinese but in what
//! it quotes. Where no document's language is known (a file that does not
//! parse, the command line), `ZONGJIE_LANG` and `LANG` decide.

mod common;

use std::fs;
use std::path::Path;

use common::{temp, zongjie};

/// The lines of zongjie's standard error that are its words: headers
/// (`错误：`, `warning:`), hints, and its own lines (summaries, "wrote …");
/// not the quoted lines of the input (`3 │ title: x`), the frame of the
/// snippet, or clap's usage line.
fn message_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter(|l| !l.starts_with('│') && !l.starts_with('┌') && !l.starts_with('└') && !l.starts_with('·'))
        .filter(|l| !l.chars().next().is_some_and(|c| c.is_ascii_digit()) || !l.contains('│'))
        .filter(|l| !l.starts_with('^') && !l.starts_with("Usage:"))
        .map(|l| l.trim_start_matches("= ").to_owned())
        .collect()
}

/// `line` without what it quotes (“…”, `…`, "…", 「…」), its file paths,
/// field paths and other single tokens with dots, slashes or brackets.
fn unquoted(line: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in line.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '「' => closing = Some('」'),
                '`' | '"' => closing = Some(c),
                _ => out.push(c),
            },
        }
    }
    out.split(|c: char| c.is_whitespace() || "：，。；（）、？！".contains(c))
        .filter(|w| !w.contains(['.', '/', '[', '_', '-', '=', '*']))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Three or more English words in a row: a sentence, not a name.
fn english_sentence(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(|c: char| !c.is_ascii_alphabetic() && c != '\'').collect();
    let mut run: Vec<&str> = Vec::new();
    for w in words {
        if w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
            run.push(w);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else if !w.is_empty() {
            run.clear();
        }
    }
    None
}

/// Every message line is Chinese: it has Chinese words and no English
/// sentence outside what it quotes.
#[track_caller]
fn all_chinese(case: &str, stderr: &str) {
    let lines = message_lines(stderr);
    assert!(!lines.is_empty(), "{case}: nothing was printed");
    for line in &lines {
        assert!(line.chars().any(is_han), "{case}: a line without Chinese: {line:?}\n{stderr}");
        if let Some(words) = english_sentence(&unquoted(line)) {
            panic!("{case}: English ({words:?}) in {line:?}\n{stderr}");
        }
    }
    for english in ["error:", "warning:", "hint:"] {
        assert!(!stderr.contains(english), "{case}: {english:?} in Chinese messages:\n{stderr}");
    }
}

/// Every message line is English: no Chinese outside what it quotes.
#[track_caller]
fn all_english(case: &str, stderr: &str) {
    let lines = message_lines(stderr);
    assert!(!lines.is_empty(), "{case}: nothing was printed");
    for line in &lines {
        assert!(!unquoted(line).chars().any(is_han), "{case}: Chinese in {line:?}\n{stderr}");
    }
    for chinese in ["错误", "警告", "提示"] {
        assert!(!stderr.contains(chinese), "{case}: {chinese:?} in English messages:\n{stderr}");
    }
}

/// A document of the progress report in `lang` with `extra` lines.
fn report(lang: &str, head: &str, body: &str) -> String {
    let (title, org) = match lang {
        "zh" => ("关于全县重点工作进展情况的汇报", "团风县人民政府办公室"),
        _ => ("Progress of the county's key work", "County Government Office"),
    };
    format!("lang: {lang}\ntitle: {title}\norganization: {org}\ndate: 2026-11-05\nperiod: 2026-10\n{head}{body}")
}

fn progress(lang: &str) -> &'static str {
    match lang {
        "zh" => "progress:\n  - title: 完善工作机制\n    body: 成立了领导小组，召开专题会议三次。\n",
        _ => "progress:\n  - title: Set up the headquarters\n    body: A leading group met three times.\n",
    }
}

/// The bad inputs of the corpus, each as (name, file text) in `lang`.
fn corpus(lang: &str) -> Vec<(&'static str, String)> {
    let p = progress(lang);
    let zh = lang == "zh";
    vec![
        ("unknown_field", report(lang, "", &format!("{p}next_step:\n  - title: x\n"))),
        ("unknown_field_typo", format!("titel: x\n{}", report(lang, "", p))),
        ("wrong_type", report(lang, "", "progress: just a sentence\n")),
        ("wrong_type_nested", report(lang, "", "progress:\n  - title: x\n    metrics: one\n")),
        ("bad_period", report(lang, "", p).replace("period: 2026-10", "period: 2026-13")),
        ("impossible_day", report(lang, "", p).replace("period: 2026-10", "period: 2026-02-30")),
        ("period_spelling", report(lang, "", p).replace("period: 2026-10", "period: \"2026.10\"")),
        (
            "missing_title",
            report(lang, "", p).lines().filter(|l| !l.starts_with("title:")).collect::<Vec<_>>().join("\n"),
        ),
        (
            "missing_organization",
            report(lang, "", p).lines().filter(|l| !l.starts_with("organization:")).collect::<Vec<_>>().join("\n"),
        ),
        ("full_width_colon", report(lang, "recipient：x\n", p)),
        ("full_width_colon_in_item", report(lang, "", &p.replacen("title: ", "title：", 1))),
        ("number_as_text", report(lang, "metrics:\n  - id: people\n    label: x\n    actual: \"1,234\"\n", p)),
        ("negative_target", report(lang, "metrics:\n  - id: people\n    label: x\n    target: -5\n    actual: 3\n", p)),
        // A 发文字号 is Chinese: an English document's number is taken as written.
        ("bad_doc_number", report(lang, if zh { "doc_number: 团政报[2026]15号\n" } else { "doc_number: \"\"\n" }, p)),
        (
            "bad_image",
            report(
                lang,
                "",
                &p.replace("。\n", "。\n\n      ![](missing.png)\n")
                    .replace("times.\n", "times.\n\n      ![](missing.png)\n"),
            ),
        ),
        (
            "lint",
            report(
                lang,
                "",
                &if zh {
                    "progress:\n  - title: 完善工作机制\n    body: XX村成立了领导小组。\n  - title: 抓好宣传\n    body: \"\"\nnext_steps:\n  - title: 召开推进会\n    body: 全面推进。\n    due: 2026-09-30\n".to_owned()
                } else {
                    "progress:\n  - title: Set up the headquarters\n    body: The XX village set up a group.\n  - title: Publicity\n    body: \"\"\nnext_steps:\n  - title: Hold a meeting\n    body: Push on.\n    due: 2026-09-30\n".to_owned()
                },
            ),
        ),
    ]
}

/// Writes the case and runs `check` on it; its standard error.
fn check(dir: &Path, name: &str, text: &str) -> String {
    let file = format!("{name}.yaml");
    fs::write(dir.join(&file), text).unwrap();
    let done = zongjie(["check", &file]).current_dir(dir).run();
    let err = done.stderr();
    assert!(!err.contains("panicked"), "{name}: a panic:\n{err}");
    assert_ne!(done.code(), 0, "{name}: check found nothing wrong:\n{err}");
    err
}

#[test]
fn a_chinese_documents_messages_are_chinese() {
    let dir = temp();
    for (name, text) in corpus("zh") {
        let err = check(dir.path(), name, &text);
        all_chinese(name, &err);
    }
}

#[test]
fn an_english_documents_messages_are_english() {
    let dir = temp();
    for (name, text) in corpus("en") {
        let err = check(dir.path(), name, &text);
        all_english(name, &err);
    }
}

#[test]
fn even_in_a_chinese_environment_an_english_document_speaks_english() {
    let dir = temp();
    for (name, text) in corpus("en").into_iter().take(4) {
        let file = format!("{name}.yaml");
        fs::write(dir.path().join(&file), &text).unwrap();
        let done = zongjie(["check", &file]).current_dir(dir.path()).env("LANG", "zh_CN.UTF-8").run().expect(1);
        all_english(name, &done.stderr());
        let done = zongjie(["check", &file]).current_dir(dir.path()).env("ZONGJIE_LANG", "zh").run().expect(1);
        all_english(name, &done.stderr());
    }
}

#[test]
fn some_messages_read_as_written() {
    let dir = temp();
    let text = format!("titel: x\n{}", report("zh", "", progress("zh")));
    let err = check(dir.path(), "typo", &text);
    assert!(err.contains("错误：未知字段“titel”"), "{err}");
    assert!(err.contains("typo.yaml:1:1"), "{err}");
    assert!(err.contains("= 提示：是否应为“title”？"), "{err}");
    let err = check(dir.path(), "period", &report("zh", "", progress("zh")).replace("2026-10", "2026-02-30"));
    assert!(err.contains("period：“2026-02-30”不是有效日期：2026年2月只有28天"), "{err}");
    // A key typed with the full-width colon: told at the colon, with the fix.
    let err = check(dir.path(), "colon", &report("zh", "recipient：县委、县政府\n", progress("zh")));
    assert!(err.contains("colon.yaml:6:10"), "{err}");
    assert!(err.contains("= 提示：“recipient”后面的冒号是中文输入法的全角“：”"), "{err}");
    let err = check(dir.path(), "colon", &report("zh", "", &progress("zh").replacen("title: ", "title：", 1)));
    assert!(err.contains("colon.yaml:7:10"), "{err}");
    assert!(err.contains("“title”后面的冒号是中文输入法的全角“：”"), "{err}");
    let err = check(dir.path(), "missing", &report("zh", "", "progress: 完成\n"));
    assert!(err.contains("progress：这里写的是一段文字，应为一个列表（以“- ”开头的各行）"), "{err}");
}

/// A file that is not UTF-8, saved as GBK: its `lang: zh` line is read all
/// the same, and the hint says how to save it.
#[test]
fn a_gbk_file_is_told_in_chinese() {
    let dir = temp();
    // 团风县 in GBK.
    let gbk: &[u8] = b"lang: zh\ntitle: \xcd\xc5\xb7\xe7\xcf\xd8\norganization: x\n";
    fs::write(dir.path().join("gbk.yaml"), gbk).unwrap();
    let done = zongjie(["check", "gbk.yaml"]).current_dir(dir.path()).run().expect(1);
    let err = done.stderr();
    all_chinese("gbk", &err);
    assert!(err.contains("文件不是有效的 UTF-8 编码（第2行"), "{err}");
    assert!(err.contains("GBK"), "{err}");
    // Without its language, the environment decides.
    fs::write(dir.path().join("gbk2.yaml"), &gbk[9..]).unwrap();
    let err = zongjie(["check", "gbk2.yaml"]).current_dir(dir.path()).run().expect(1).stderr();
    all_english("gbk without lang", &err);
    assert!(err.contains("the file is not valid UTF-8"), "{err}");
}

/// A bulletin's returns: a return with a figure that is no number is set
/// aside, said in the bulletin's language.
#[test]
fn a_bad_unit_return_is_told_in_the_bulletins_language() {
    for lang in ["zh", "en"] {
        let dir = temp();
        let file = format!("bulletin.{lang}.yaml");
        zongjie(["new", "monthly-bulletin", &file, "--lang", lang]).current_dir(dir.path()).run().expect(0);
        let bulletin = fs::read_to_string(dir.path().join(&file)).unwrap();
        let returns = dir.path().join("units");
        let first = fs::read_dir(&returns).unwrap().map(|e| e.unwrap().path()).min().expect("sample returns");
        assert!(bulletin.contains("units:"), "{bulletin}");
        let text = fs::read_to_string(&first).unwrap();
        // The first figure of the return becomes text that is no number.
        let broken = text.replacen("actual: ", "actual: 很多", 1);
        assert_ne!(broken, text, "{text}");
        fs::write(&first, broken).unwrap();
        let done = zongjie(["check", &file]).current_dir(dir.path()).run();
        let err = done.stderr();
        assert!(err.contains(first.file_name().unwrap().to_str().unwrap()), "{err}");
        match lang {
            "zh" => all_chinese("bad return", &err),
            _ => all_english("bad return", &err),
        }
    }
}

/// A batch with one failure: the failure, the document written and the
/// summary, all in the documents' language.
#[test]
fn a_batchs_summary_is_in_its_documents_language() {
    for lang in ["zh", "en"] {
        let dir = temp();
        fs::write(dir.path().join("good.yaml"), report(lang, "", progress(lang))).unwrap();
        fs::write(dir.path().join("bad.yaml"), report(lang, "", "progress: x\n")).unwrap();
        let done = zongjie(["build", "-f", "md", "good.yaml", "bad.yaml"]).current_dir(dir.path()).run().expect(1);
        let err = done.stderr();
        match lang {
            "zh" => {
                all_chinese("batch", &err);
                assert!(err.contains("共 2 份文档，1 份失败，1 份已生成"), "{err}");
                assert!(err.contains("已写出 "), "{err}");
            }
            _ => {
                all_english("batch", &err);
                assert!(err.contains("1 of 2 documents failed; 1 built"), "{err}");
            }
        }
        let ok = zongjie(["check", "good.yaml"]).current_dir(dir.path()).run().expect(0);
        match lang {
            "zh" => assert!(ok.stderr().contains("已检查 1 个文件：没有错误"), "{}", ok.stderr()),
            _ => assert!(ok.stderr().contains("checked 1 file: no errors"), "{}", ok.stderr()),
        }
    }
}

/// A file that does not parse has no language of its own: `ZONGJIE_LANG`,
/// then the locale, decides; English without either.
#[test]
fn the_environment_decides_for_a_file_that_does_not_parse() {
    let dir = temp();
    fs::write(dir.path().join("broken.yaml"), "title: [a, b\norganization: x\n").unwrap();
    let run = |env: &[(&str, &str)]| {
        let mut run = zongjie(["check", "broken.yaml"]).current_dir(dir.path());
        for (k, v) in env {
            run = run.env(k, v);
        }
        run.run().expect(1).stderr()
    };
    let err = run(&[]);
    all_english("syntax, no language", &err);
    assert!(err.contains("broken.yaml:"), "{err}");
    for env in [&[("ZONGJIE_LANG", "zh")][..], &[("LANG", "zh_CN.UTF-8")], &[("LC_ALL", "zh_CN.UTF-8")]] {
        let err = run(env);
        all_chinese(&format!("syntax with {env:?}"), &err);
        assert!(err.contains("YAML 格式错误"), "{err}");
    }
    let err = run(&[("ZONGJIE_LANG", "en"), ("LANG", "zh_CN.UTF-8")]);
    all_english("syntax, ZONGJIE_LANG=en", &err);
    // A file not found.
    let err =
        zongjie(["check", "nowhere.yaml"]).current_dir(dir.path()).env("ZONGJIE_LANG", "zh").run().expect(1).stderr();
    all_chinese("not found", &err);
    assert!(err.contains("文件不存在"), "{err}");
}

/// A usage error of the command line: in Chinese with `ZONGJIE_LANG=zh` or
/// a Chinese locale (clap's usage line stays as clap writes it), clap's own
/// English otherwise.
#[test]
fn usage_errors_follow_the_environment() {
    let err = zongjie(["build", "--bogus", "x.yaml"]).run().expect(2).stderr();
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    all_english("usage", &err);
    for (k, v) in [("ZONGJIE_LANG", "zh"), ("LANG", "zh_CN.UTF-8")] {
        let err = zongjie(["build", "--bogus", "x.yaml"]).env(k, v).run().expect(2).stderr();
        all_chinese("usage", &err);
        assert!(err.contains("未知的参数“--bogus”"), "{err}");
        assert!(err.contains("Usage: zongjie build"), "{err}");
        let err = zongjie(["build", "-f", "pfd", "x.yaml"]).env(k, v).run().expect(2).stderr();
        all_chinese("usage value", &err);
        assert!(err.contains("“pfd”无效"), "{err}");
    }
    // Help is clap's, in English, and no error.
    zongjie(["--help"]).env("ZONGJIE_LANG", "zh").run().expect(0);
}

/// Last period's file in `lang`: a report whose next steps this period's
/// followups name.
fn earlier(lang: &str) -> String {
    let steps = match lang {
        "zh" => "next_steps:\n  - title: 开展问题厕所排查整改\n  - title: 推进山区村改厕进度\n",
        _ => "next_steps:\n  - title: Inspect the toilets\n  - title: Speed up the mountain villages\n",
    };
    report(lang, "", &format!("{}{steps}", progress(lang))).replace("period: 2026-10", "period: 2026-09")
}

/// A followup of the first earlier step with `status`, and `step` as the
/// second.
fn followups(lang: &str, step: &str, status: &str) -> String {
    let first = if lang == "zh" { "开展问题厕所排查整改" } else { "Inspect the toilets" };
    format!("followups:\n  - {{step: {first}, status: done}}\n  - {{step: {step}, status: {status}}}\n")
}

/// What zongjie prints, run in `dir` with `args`; it must fail and not
/// panic.
fn failing(dir: &Path, case: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut run = zongjie(args.iter().copied()).current_dir(dir);
    for (k, v) in env {
        run = run.env(k, v);
    }
    let done = run.run();
    let err = done.stderr();
    assert!(!err.contains("panicked"), "{case}: a panic:\n{err}");
    assert_ne!(done.code(), 0, "{case}: nothing was wrong:\n{err}");
    err
}

/// A user's template folder with `file` (under `progress-report/`, or a
/// template of its own) written as `text`.
fn user_template(dir: &Path, file: &str, text: &str) -> String {
    let path = dir.join("tpl").join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    dir.join("tpl").to_str().unwrap().to_owned()
}

/// The bad inputs that `check` alone does not reach: last period's file,
/// a user's template, style and schema, `check --fix` refusing, files that
/// are not there; each case's standard error in `lang`.
fn more_cases(lang: &str) -> Vec<(&'static str, String)> {
    let zh = lang == "zh";
    let mut out = Vec::new();
    let case = |name: &'static str| {
        let dir = common::temp();
        (name, dir)
    };
    let p = progress(lang);
    let with = |head: &str, tail: &str| report(lang, head, &format!("{p}{tail}"));
    let (second, unknown) = if zh {
        ("推进山区村改厕进度", "种植行道树")
    } else {
        ("Speed up the mountain villages", "Plant trees")
    };
    // previous_file and followups: an unknown step, a wrong status, a .md
    // earlier file, a missing earlier file, followups without a file.
    for (name, head, tail) in [
        ("unknown_step", "previous_file: 2026-09.yaml\n", followups(lang, unknown, "done")),
        ("wrong_status", "previous_file: 2026-09.yaml\n", followups(lang, second, "finished")),
        ("earlier_md", "previous_file: 2026-09.md\n", String::new()),
        ("earlier_missing", "previous_file: nowhere/2026-09.yaml\n", String::new()),
        ("followups_without_file", "", followups(lang, second, "done")),
    ] {
        let (name, dir) = case(name);
        fs::write(dir.path().join("2026-09.yaml"), earlier(lang)).unwrap();
        fs::write(dir.path().join("2026-09.md"), "# x\n").unwrap();
        fs::write(dir.path().join("r.yaml"), with(head, &tail)).unwrap();
        let mut err = failing(dir.path(), name, &["check", "r.yaml"], &[]);
        err.push_str(&failing(dir.path(), name, &["build", "r.yaml", "-f", "md"], &[]));
        out.push((name, err));
    }
    // A followup closely matched and a step nobody followed up: warnings.
    {
        let (name, dir) = case("close_step_and_unfollowed");
        fs::write(dir.path().join("2026-09.yaml"), earlier(lang)).unwrap();
        let close = if zh { "开展问题厕所的排查 整改" } else { "Inspect the toilet" };
        let tail = format!("followups:\n  - {{step: {close}, status: done}}\n");
        fs::write(dir.path().join("r.yaml"), with("previous_file: 2026-09.yaml\n", &tail)).unwrap();
        let done = zongjie(["build", "r.yaml", "-f", "md"]).current_dir(dir.path()).run().expect(0);
        let err = done.stderr();
        assert!(err.contains("2026-09.yaml"), "{name}: {err}");
        out.push((name, err));
    }
    // A template of the user's with a syntax error.
    {
        let (name, dir) = case("template_syntax");
        let tpl = user_template(dir.path(), &format!("progress-report/{lang}.md"), "# {{ title }}\n\n{% if %}\n");
        fs::write(dir.path().join("r.yaml"), with("", "")).unwrap();
        let err = failing(dir.path(), name, &["build", "r.yaml", "-f", "md", "--template-dir", &tpl], &[]);
        assert!(err.contains(&format!("{lang}.md:3")), "{name}: the template's file and line:\n{err}");
        out.push((name, err));
    }
    // A template of the user's that uses a field the data lacks.
    {
        let (name, dir) = case("template_undefined");
        let tpl =
            user_template(dir.path(), &format!("progress-report/{lang}.md"), "# {{ title }}\n\n{{ nothing.here }}\n");
        fs::write(dir.path().join("r.yaml"), with("", "")).unwrap();
        let err = failing(dir.path(), name, &["build", "r.yaml", "-f", "md", "--template-dir", &tpl], &[]);
        assert!(err.contains(&format!("{lang}.md:3")), "{name}: the template's file and line:\n{err}");
        out.push((name, err));
    }
    // A style of the user's that Typst refuses.
    {
        let (name, dir) = case("style_typ");
        let tpl = user_template(
            dir.path(),
            "progress-report/style.typ",
            "// My style\n#let document(meta, body) = {\n  undefined-function()\n}\n",
        );
        fs::write(dir.path().join("r.yaml"), with("", "")).unwrap();
        let err = failing(dir.path(), name, &["build", "r.yaml", "-f", "pdf", "--template-dir", &tpl], &[]);
        assert!(err.contains("style.typ:3:3"), "{name}: the style's file and line:\n{err}");
        // The source kept for inspection is not left behind.
        let kept = err.lines().find_map(|l| l.split_once("kept at ").or_else(|| l.split_once("保存在 ")));
        let kept = kept.map(|(_, path)| path.trim().to_owned()).expect("the kept source is named");
        fs::remove_file(&kept).unwrap_or_else(|e| panic!("{name}: {kept}: {e}"));
        out.push((name, err));
    }
    // A template of the user's whose schema.yaml is wrong.
    {
        let (name, dir) = case("bad_schema");
        let tpl =
            user_template(dir.path(), "mine/schema.yaml", "description: Mine\nbase: progress-report\nfeilds: {}\n");
        fs::write(dir.path().join("r.yaml"), format!("template: mine\n{}", with("", ""))).unwrap();
        let err = failing(dir.path(), name, &["check", "r.yaml", "--template-dir", &tpl], &[]);
        assert!(err.contains("schema.yaml"), "{name}: the schema's file:\n{err}");
        out.push((name, err));
    }
    // `check --fix` refusing: it mends Chinese documents only.
    if zh {
        let (name, dir) = case("fix_refused");
        fs::write(dir.path().join("r.yaml"), "lang: zh\ntitle: 报告\n映射: {中文(甲), 键: 值,一}\n").unwrap();
        let err = failing(dir.path(), name, &["check", "--fix", "r.yaml"], &[]);
        assert!(err.contains("未修改"), "{name}: {err}");
        out.push((name, err));
    }
    // Files that are not there, or cannot be made: the system's reasons.
    {
        let (name, dir) = case("missing_input");
        let env = if zh { [("ZONGJIE_LANG", "zh")] } else { [("ZONGJIE_LANG", "en")] };
        let err = failing(dir.path(), name, &["check", "nowhere.yaml"], &env);
        out.push((name, err));
    }
    {
        let (name, dir) = case("output_folder_blocked");
        fs::write(dir.path().join("r.yaml"), with("", "")).unwrap();
        fs::write(dir.path().join("blocked"), "a file where a folder should be").unwrap();
        let err = failing(dir.path(), name, &["build", "r.yaml", "-f", "md", "-o", "blocked/out"], &[]);
        out.push((name, err));
    }
    out
}

#[test]
fn a_chinese_documents_other_messages_are_chinese() {
    for (name, err) in more_cases("zh") {
        all_chinese(name, &err);
    }
}

#[test]
fn an_english_documents_other_messages_are_english() {
    for (name, err) in more_cases("en") {
        all_english(name, &err);
    }
}
