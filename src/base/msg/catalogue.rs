//! The catalogue: every message zongjie prints, one entry each, English
//! first, then Chinese, with the same `{placeholders}`. A new message is one
//! line here and `msg!(Name, placeholder = value)` where it is raised.
//! `{{` and `}}` are literal braces. Chinese entries use full-width
//! punctuation （），：“”、 around what the writer wrote, which stays as it
//! was written (field names, file names, values).

use crate::base::lang::Lang;

macro_rules! catalogue {
    ($($key:ident = $en:literal, $zh:literal;)*) => {
        /// The key of one message of the catalogue; its English text is its
        /// documentation.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $(#[doc = $en] $key,)*
        }

        impl Key {
            /// Every key, in the catalogue's order.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The message's text in `lang`, placeholders unfilled.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$key, Lang::En) => $en, (Key::$key, Lang::Zh) => $zh,)*
                }
            }

            /// The key's name, as the code writes it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$key => stringify!($key),)*
                }
            }
        }
    };
}

catalogue! {
    // The style lint (derive/lint/style.rs)
    StyleHalfWidth = "half-width `{c}` in Chinese text", "中文中使用了半角的“{c}”";
    StyleHalfWidthHint = "Chinese text takes full-width punctuation: write `{full}`; `zongjie check --fix` does it", "中文正文使用全角标点，写作“{full}”；“zongjie check --fix”可自动改正";
    StyleDots = "`{dots}` in Chinese text", "中文中使用了“{dots}”";
    StyleDotsHint = "Chinese text writes the ellipsis as `……`; `zongjie check --fix` does it", "中文省略号写作“……”；“zongjie check --fix”可自动改正";
    StyleUnpairedQuote = "an unpaired straight quote `{quote}` in Chinese text", "中文中有不成对的直引号“{quote}”";
    StyleQuotesPairHint = "Chinese text takes the quotes “…” and ‘…’, in pairs", "中文引号写作“”或‘’，成对使用";
    StyleStraightQuotes = "straight quotes in Chinese text: `{quote}{inner}{quote}`", "中文中使用了直引号：{quote}{inner}{quote}";
    StyleQuotesHint = "Chinese text takes the quotes “…” and ‘…’; `zongjie check --fix` does it", "中文引号写作“”或‘’；“zongjie check --fix”可自动改正";
    StyleWrite = "write `{fixed}`", "写作“{fixed}”";
    StyleWriteQuoted = "write {fixed}", "写作{fixed}";
    StyleLeadingZero = "`{found}` writes a month or day with a leading 0", "“{found}”的月或日前多写了0";
    StyleLeadingZeroHint = "a document writes months and days without a leading 0; `zongjie check --fix` does it", "公文日期的月、日不编虚位（不写前导0）；“zongjie check --fix”可自动改正";
    StyleHao = "`{found}`: 号 is spoken; a document writes 日", "“{found}”：“号”是口语，公文写“日”";
    StyleHaoHint = "a document writes the day with 日; `zongjie check --fix` does it", "公文日期用“日”不用“号”；“zongjie check --fix”可自动改正";
    StyleMonthDays = "{m}月 has {days} days", "{m}月只有{days}天";
    StyleNoMonth = "there is no month {m}", "没有{m}月";
    StyleNoDayZero = "a month has no day 0", "日期没有0日";
    StyleMonthNameDays = "{month} has {days} days", "{month}只有{days}天";
    StyleNotADate = "`{found}` is not a date: {why}", "“{found}”不是有效日期：{why}";
    StyleCheckDate = "check the date", "请核对日期";
    StyleDateForm = "`{found}` is not how a Chinese document writes a date", "“{found}”不是公文日期的写法";
    StyleDateFormHint = "a Chinese document writes a date as year, month and day: 2026年8月8日, for example", "中文公文日期按年、月、日书写，如“2026年8月8日”";
    StyleNoYear = "`{found}` has no year and cannot lie in the period reported on ({period})", "“{found}”未写年份，且不在本期（{period}）之内";
    StyleNoYearHint = "write the year, or check the date; a deadline or background says so (…前, …以来, by, since)", "请写明年份，或核对日期；截止日期或背景请写明（“……前”“……以来”）";
    StyleHeadingStop = "a heading ends with `{c}`", "标题末尾有“{c}”";
    StyleHeadingStopHint = "a heading takes no stop or comma at its end: remove the `{c}`", "标题末尾不加标点，请删去“{c}”";
    StyleNoClosingStop = "a paragraph of Chinese text ends without its closing `。`", "段落末尾缺少句号“。”";
    StyleNoClosingStopHint = "end the sentence with `。` (or `！`, `？`, `……`)", "句末加“。”（或“！”“？”“……”）";
    StyleReportClosing = "a 报告 closes with 特此报告。; 以上汇报，不当之处，请批评指正。 is the closing of a 汇报", "报告以“特此报告。”结尾；“以上汇报，不当之处，请批评指正。”是汇报的结束语";
    StyleReportClosingHint = "end it with 特此报告。 (doc_kind: report); if it is a spoken 汇报, title it …的汇报 with doc_kind: briefing", "结尾写“特此报告。”（“doc_kind: report”）；若是口头汇报，标题写“……的汇报”并设“doc_kind: briefing”";
    StyleBriefingClosing = "a 汇报 closes with 以上汇报，不当之处，请批评指正。; 特此报告。 is the closing of a written 报告", "汇报以“以上汇报，不当之处，请批评指正。”结尾；“特此报告。”是书面报告的结束语";
    StyleBriefingClosingHint = "write doc_kind: briefing and it closes with 以上汇报，不当之处，请批评指正。; a 汇报 sent in writing keeps 特此报告。 with doc_kind: report", "写明“doc_kind: briefing”，结尾即为“以上汇报，不当之处，请批评指正。”；书面报送的汇报保留“特此报告。”，请写明“doc_kind: report”";

    // Shared
    Verbatim = "{text}", "{text}";
    DidYouMean = "did you mean `{name}`?", "是否应为“{name}”？";
    UnderOfficial = "in a .md's front matter, `{name}` goes under `official:` (indented), with the other fields of the letterhead and the 版记", "在 .md 的前置信息中，“{name}”写在“official:”之下（缩进），与版头、版记的其他字段一起";

    // Reading files (base/file.rs)
    ItIsAFolder = "it is a folder", "这是一个文件夹";
    NotARegularFile = "it is not a regular file (a pipe, device or socket)", "这不是普通文件（而是管道、设备或套接字）";
    ItIsTooLarge = "it is too large", "文件太大";
    NoSuchFile = "no such file", "文件不存在";
    PermissionDenied = "permission denied", "没有访问权限";
    FolderNotFile = "it is a folder, not a file", "这是一个文件夹，不是文件";
    OsNotADirectory = "a part of the path is not a folder", "路径中有一段不是文件夹";
    OsAlreadyExists = "it already exists", "已经存在";
    OsDirectoryNotEmpty = "the folder is not empty", "文件夹不是空的";
    OsReadOnly = "the disk is read-only", "磁盘是只读的";
    OsStorageFull = "the disk is full", "磁盘已满";
    OsQuotaExceeded = "the disk quota is used up", "磁盘配额已用完";
    OsFileTooLarge = "the file would be larger than the disk allows", "文件将超过磁盘允许的大小";
    OsInvalidFilename = "the name is not a valid file name (too long, or with characters the disk refuses)", "文件名无效（过长，或含有磁盘不允许的字符）";
    OsBusy = "the file is in use by another program", "文件正被其他程序使用";
    OsCrossesDevices = "it cannot be moved across disks", "不能跨磁盘移动";
    OsTooManyLinks = "there are too many links to it", "链接过多";
    OsAddrInUse = "the port is in use by another program", "端口已被其他程序占用";
    OsAddrNotAvailable = "the address is not available on this computer", "本机没有这个地址";
    OsTimedOut = "it took too long", "等待超时";
    OsInterrupted = "it was interrupted", "操作被中断";
    OsOther = "{detail}", "系统错误（“{detail}”）";

    // How a diagnostic is printed
    Hint = "hint: {text}", "提示：{text}";
    FieldPrefix = "{field}: {text}", "{field}：{text}";
    FilePrefix = "{file}: {text}", "{file}：{text}";

    // Data: YAML and serde's own messages (data/error.rs)
    UnknownField = "unknown field `{name}`", "未知字段“{name}”";
    UnknownFieldExpected = "unknown field `{name}`; expected one of {expected}", "未知字段“{name}”，应为以下之一：{expected}";
    FlattenIt = "the data nests deeper than any document needs: flatten it", "数据嵌套层次过深，任何文档都用不到这么多层：请减少嵌套";
    AliasesTooMuch = "aliases (`*name`) expand to too much data: write the values out", "别名（`*name`）展开后数据过多：请直接写出各项的值";
    OneYamlDocument = "a data file is one YAML document: remove this `---` line, or split the file", "一个数据文件只能有一个 YAML 文档：请删去这一行“---”，或把文件拆开";
    WithCodePoint = "{text} (U+{code})", "{text}（U+{code}）";
    RemoveControlCharacter = "remove it: YAML text may hold tabs and line breaks, but no other control characters", "请删去该字符：YAML 文本中只能有制表符和换行，不能有其他控制字符";
    IndentedWithTab = "this line is indented with a tab: YAML indents with spaces only", "这一行用制表符缩进：YAML 只能用空格缩进";
    FoundExpected = "found {found}, expected {expected}", "这里写的是{found}，应为{expected}";
    InvalidValue = "invalid value: {found}, expected {expected}", "取值无效：{found}，应为{expected}";
    InvalidLength = "invalid length {len}, expected {expected}", "长度 {len} 不对，应为{expected}";
    MissingField = "missing field `{name}`", "缺少字段“{name}”";
    DuplicateField = "duplicate field `{name}`: each field may appear once", "字段“{name}”重复：每个字段只能出现一次";
    UnknownVariant = "unknown value `{value}`, expected one of {expected}", "取值“{value}”无效，应为以下之一：{expected}";
    RecursionLimit = "recursion limit exceeded", "嵌套层次超过上限";
    RepetitionLimit = "repetition limit exceeded", "别名重复展开次数超过上限";
    MoreThanOneDocument = "the file holds more than one document", "文件中有不止一个 YAML 文档";
    YamlSyntax = "{problem}", "YAML 格式错误：{problem}";
    YamlSyntaxAt = "{problem} (in {context} that starts at line {line} column {column})", "YAML 格式错误：{problem}（出错的{context}始于第{line}行第{column}列）";
    YamlExpectedKey = "did not find expected key", "此处应为字段名（请检查缩进是否对齐）";
    YamlMappingValues = "mapping values are not allowed in this context", "此处不能写“字段: 值”（请检查缩进、冒号后的空格；值中含“: ”时请加引号）";
    YamlBadCharacter = "found character that cannot start any token", "值不能以这个字符开头（请给值加上引号）";
    YamlUnclosed = "did not find expected ',' or '{close}'", "此处应为“{close}”或“,”：括号没有闭合";
    YamlUnexpectedEnd = "found unexpected end of stream", "文件提前结束：有引号或括号没有闭合";
    YamlSequenceEntries = "block sequence entries are not allowed in this context", "此处不能写列表项“- ”（请检查缩进）";
    YamlUndefinedAlias = "found undefined alias", "别名（`*name`）引用的锚点（`&name`）前文没有定义";
    YamlExpectedDash = "did not find expected '-' indicator", "此处应为列表项“- ”（请检查缩进）";
    YamlExpectedValue = "did not find expected node content", "此处缺少值";
    YamlExpectedColon = "could not find expected ':'", "字段名后面缺少“:”";
    MdEditedSinceWritten = "{md} was edited after zongjie wrote it, and writing it again from {input} would lose the edits: nothing was written. Build the edited file (`zongjie build {md}`) to use them, build {input} with `-f pdf,docx` to leave it alone, or move it away to write it again", "{md} 在 zongjie 写出后修改过，按 {input} 重新写出会丢掉这些修改，因此本次什么也没有写出。要用修改后的文字，请生成该文件（“zongjie build {md}”）；只按 {input} 生成 PDF 和 Word 而不动它，请加“-f pdf,docx”；要按 {input} 重新写出，请先把它移走";
    FullWidthColon = "the colon after `{key}` is the full-width `：` of a Chinese input method: a field name takes the half-width `:` and a space (`{key}: …`)", "“{key}”后面的冒号是中文输入法的全角“：”：字段名后面要用半角的“:”再加一个空格（“{key}: …”）";
    YamlTab = "found a tab character that violates indentation", "用了制表符缩进：YAML 只能用空格缩进";
    YamlControlCharacters = "control characters are not allowed", "文本中有控制字符";
    YamlUnknownEscape = "found unknown escape character", "双引号内有无法识别的转义符（“\\”加字母）";
    YamlExpectedLineBreak = "did not find expected comment or line break", "此处应换行或写注释（请给值加上引号）";
    YamlDocumentIndicator = "found unexpected document indicator", "值中出现了“---”或“...”行";
    YamlDuplicateAnchor = "found duplicate anchor", "锚点（`&name`）重复定义";
    YamlUnexpectedColon = "found unexpected ':'", "出现了多余的“:”（请给值加上引号）";
    YamlCtxMapping = "a mapping", "字段映射";
    YamlCtxFlowMapping = "a mapping in braces", "花括号映射";
    YamlCtxList = "a list", "列表";
    YamlCtxFlowList = "a list in brackets", "方括号列表";
    YamlCtxValue = "a value", "值";
    YamlCtxText = "a text", "文字";
    YamlCtxKey = "a field name", "字段名";
    YamlBadUtf8 = "invalid UTF-8", "文本不是有效的 UTF-8 编码";
    AList = "a list", "一个列表";
    AMapping = "a mapping of fields", "一组字段";
    Nothing = "nothing", "空值";
    AText = "a text", "一段文字";
    ANumber = "a number", "一个数字";
    TrueFalse = "true/false", "true 或 false";
    FieldsMapping = "fields such as `title: …` (a mapping)", "“title: …”这样的一组字段";
    ListLines = "a list (`- …` lines)", "一个列表（以“- ”开头的各行）";
    AFieldName = "a field name", "字段名";
    TextValue = "text", "文字";
    MarkdownText = "Markdown text", "Markdown 文字";
    NumberSuch = "a number such as 28174 or 0.95", "28174 或 0.95 这样的数字";
    DateSuch = "a date written YYYY-MM-DD, such as 2026-11-05", "按 YYYY-MM-DD 写的日期，如 2026-11-05";
    TextOrList = "a text or a list of texts", "一段文字或一组文字";
    SixDigits = "six digits, such as \"000123\"", "六位数字，如“000123”";
    AttachmentShape = "a title, {{title, body}} or {{title, table: metrics}}", "标题、“{{title, body}}”或“{{title, table: metrics}}”";
    PeriodSuch = "a period: 2026-10, 2026-Q3, 2026-H1, 2026 or 2026-07-15..2026-10-31", "期间：2026-10、2026-Q3、2026-H1、2026 或 2026-07-15..2026-10-31";
    DueSuch = "a deadline: 2026-12-31, 2026-12, 2026-Q4, 2026-H2 or 2026", "期限：2026-12-31、2026-12、2026-Q4、2026-H2 或 2026";

    // Data: reading and checking a data file (data/load.rs)
    FolderNotDataFile = "this is a folder, not a data file", "这是一个文件夹，不是数据文件";
    NameFilesInFolder = "name the files in it, such as folder/*.yaml", "请写出其中的文件，如 folder/*.yaml";
    CannotReadFile = "cannot read the file: {reason}", "无法读取文件：{reason}";
    FileTooLarge = "the file is {size} MB; data files over {limit} MB are refused", "文件大小为 {size} MB，超过 {limit} MB 的数据文件不予处理";
    FileOverLimit = "the file is over {limit} MB; data files over {limit} MB are refused", "文件超过 {limit} MB，超过 {limit} MB 的数据文件不予处理";
    SplitTheFile = "split it, or move bulky content (tables, images) into separate files", "请拆分文件，或把大块内容（表格、图片）移到单独的文件中";
    NotUtf8 = "the file is not valid UTF-8 (line {line}, byte {byte})", "文件不是有效的 UTF-8 编码（第{line}行，第{byte}字节）";
    LooksUtf16 = "the file looks like UTF-16: save it as UTF-8", "文件似乎是 UTF-16 编码：请另存为 UTF-8";
    LooksGbk = "the file looks like GBK (GB 18030): save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)", "文件似乎是 GBK（GB 18030）编码：请另存为 UTF-8（记事本：另存为 → 编码：UTF-8）";
    SaveAsUtf8 = "save the file as UTF-8", "请把文件另存为 UTF-8 编码";
    FileEmpty = "the file is empty: expected fields such as `title:` and `organization:`", "文件是空的：应写有“title:”“organization:”等字段";
    ExpectedMappingFound = "expected a mapping of fields (`title: …`), found {found}", "文件应为一组字段（“title: …”），实际是{found}";
    NestsTooDeep = "`[` and `{{` nest more than {depth} levels deep here", "此处“[”和“{{”嵌套超过 {depth} 层";
    AliasesRepeat = "aliases (`*name`) repeat so much text that the data would hold over {limit} MB: write the values out", "别名（`*name`）重复的文字过多，展开后数据将超过 {limit} MB：请直接写出各项的值";
    RosterTwice = "unit \"{unit}\" is on the roster twice", "单位“{unit}”在名单（roster）中出现了两次";
    NameEachUnitOnce = "name each unit once", "每个单位只写一次";
    CollectedTwice = "metric id `{id}` is collected twice", "指标编号“{id}”在 collect 中出现了两次";
    CollectedOwnId = "give each collected metric an id of its own", "请给每个收集的指标单独的编号";
    TargetsRosterDidYouMean = "did you mean \"{name}\"? targets are assigned to the units of `roster:`", "是否应为“{name}”？目标只能分配给“roster:”中的单位";
    TargetsRosterAdd = "targets are assigned to the units of `roster:`; add the unit there", "目标只能分配给“roster:”中的单位：请先把该单位加入名单";
    TargetsNotOnRoster = "targets are given for \"{unit}\", which is not on the roster", "给“{unit}”分配了目标，但该单位不在名单（roster）中";
    UnitTargetBelowZero = "the target of `{id}` for {unit} is {target}, below zero", "{unit}的“{id}”目标为 {target}，小于零";
    TargetZeroOrMore = "a target is what is to be reached: zero or more", "目标是要达到的数值，应为零或正数";
    TargetsCollectDidYouMean = "did you mean `{name}`? targets are given for the metrics of `collect:`", "是否应为“{name}”？目标只能给“collect:”中的指标";
    TargetsCollectList = "targets are given for the metrics of `collect:` ({ids})", "目标只能给“collect:”中的指标（{ids}）";
    TargetNotCollected = "a target is given for metric `{id}` of {unit}, which is not collected", "给{unit}的指标“{id}”分配了目标，但该指标不在 collect 中";
    RankByNotCollected = "`rank_by: {id}` names a metric that is not collected", "“rank_by: {id}”所指的指标不在 collect 中";
    RankByOneOf = "rank by one of the metrics of `collect:` ({ids})", "请按“collect:”中的某个指标排序（{ids}）";
    ABulletin = "a bulletin", "简报";
    AUnitReturn = "a unit's return", "单位报表";
    BulletinOwnFields = "a bulletin's 报头 and 报尾 come from its own fields (`issue`, `distribution`, `copies`); of the 版头 it takes `copy_number`, `secrecy` and `urgency`", "简报的报头和报尾由其自身字段（issue、distribution、copies）生成；版头中只用 copy_number、secrecy 和 urgency";
    ReturnRolledUp = "a return is rolled up into the bulletin, not sent as it is", "报表汇总进简报，不单独行文";
    FormalField = "`{field}` is a field of a formal document, not of {what}", "“{field}”是公文的字段，{what}不用";
    OneOrganization = "{what} names one organization, not a list", "{what}只能写一个单位，不能写多个";
    NameTheOneUnit = "name the one unit that issues it", "请只写发文的那一个单位";
    SignerPostWithoutSigner = "`signer_post` without `signer`: a person's signature is the post and the name", "有“signer_post”而没有“signer”：个人署名由职务和姓名组成";
    AddSigner = "add `signer:` with the name of the person who signs", "请加上“signer:”，写明署名人的姓名";
    SealedAndSigned = "`sealed: true` with `signer_post`: a document is signed by its organization's seal or by a person, not both", "同时写了“sealed: true”和“signer_post”：公文或加盖单位印章，或由个人署名，二者只能取一";
    KeepOneSignature = "keep `signer_post` for a person's signature (述职), or `sealed` for the organization's", "个人署名（述职）保留“signer_post”，单位盖章保留“sealed”";
    TableWithoutMetrics = "attachment \"{title}\" is a table of the metrics, but the document has no `metrics:`", "附件“{title}”是指标表，但文档中没有“metrics:”";
    AddMetricsOrBody = "add the figures under `metrics:`, or give the attachment a `body` instead", "请在“metrics:”下写上数据，或改为给附件写“body”";
    ChartsAttachmentBulletin = "`charts: attachment` is for reports: a bulletin's chart is in its body or left out", "“charts: attachment”只用于报告：简报的图表放在正文中或不用";
    WriteChartsBody = "write `charts: body` or `charts: none`", "请写“charts: body”或“charts: none”";
    MetricIdTwice = "metric id `{id}` is given twice", "指标编号“{id}”重复";
    MetricOwnId = "give each metric an id of its own; items and `rank_by` name metrics by id", "请给每个指标单独的编号：事项和“rank_by”按编号引用指标";
    TargetBelowZero = "metric `{id}` has a target of {target}, below zero", "指标“{id}”的目标为 {target}，小于零";
    TargetBetterLower = "a target is what is to be reached, zero or more; for a figure that should fall, give the level to stay under with `better: lower`", "目标是要达到的数值，应为零或正数；对越低越好的指标，请写要控制在其下的数值，并加“better: lower”";
    MissingTemplateField = "missing field `{name}`, which template `{template}` requires", "缺少字段“{name}”，模板“{template}”要求填写";
    MissingTitle = "missing field `title`: every document needs a title", "缺少字段“title”：每份文档都要有标题";
    MissingOrganization = "missing field `organization`: name the issuing unit (it signs the document)", "缺少字段“organization”：请写明发文单位（落款单位）";
    FieldNotHandled = "field `{name}` is accepted but not handled (a bug in zongjie)", "字段“{name}”被接受但没有处理（zongjie 的程序错误）";
    ExpectedCount = "expected a whole number from 1 up, found {found}", "应为 1 以上的整数，实际是 {found}";
    ExpectedShare = "expected a share between 0 and 1, found {found}", "应为 0 到 1 之间的比例，实际是 {found}";
    ExpectedShareWrite = "expected a share between 0 and 1, found {found}: write {share} for {found}%", "应为 0 到 1 之间的比例，实际是 {found}：{found}% 请写成 {share}";

    // The command line: what build, check and watch print (cli/)
    BuiltDocuments = "built {count} documents in {elapsed}", "已生成 {count} 份文档，用时 {elapsed}";
    OneDocumentFailed = "1 of 1 document failed; 0 built", "文档生成失败";
    DocumentsFailed = "{failed} of {total} documents failed; {built} built", "共 {total} 份文档，{failed} 份失败，{built} 份已生成";
    EarlierOutputsKept = "earlier outputs of this document were left as they were", "该文档原有的输出文件保持不变";
    EarlierOutputsLeft = "the earlier outputs were left as they were", "原有的输出文件保持不变";
    Wrote = "wrote {files}", "已写出 {files}";
    WroteNothing = "nothing to write: the .md given is itself the Markdown output (ask for other formats with -f, or another folder with -o)", "无需写出：所给的 .md 文件本身就是 Markdown 输出（用 -f 指定其他格式，或用 -o 指定其他文件夹）";
    WroteAfter = "wrote {files}{after}", "已写出 {files}{after}";
    CannotBeRead = "cannot be read: {reason}", "无法读取：{reason}";
    BadReferenceDocx = "--reference-docx {file} {why}", "--reference-docx 指定的文件 {file} 不能用：{why}";
    RefNotDocx = "is not a Word file (.docx): {detail}", "不是 Word 文件（.docx）：“{detail}”";
    RefPartTooLarge = "has a {name} of over {mb} MB", "其中的 {name} 超过 {mb} MB";
    RefPartUnreadable = "cannot be read ({name}): {reason}", "无法读取其中的 {name}：{reason}";
    RefNoStyles = "has no styles (word/styles.xml): is it a Word document?", "没有样式（word/styles.xml）：这是 Word 文档吗？";
    RefStylesNotUtf8 = "has a word/styles.xml that is not UTF-8", "其中的 word/styles.xml 不是 UTF-8 编码";
    RefStylesEmpty = "has a word/styles.xml that holds no styles", "其中的 word/styles.xml 没有任何样式";
    RefStylesDtd = "has a word/styles.xml with a document type declaration (DTD), which Word refuses", "其中的 word/styles.xml 含有文档类型声明（DTD），Word 不接受";
    GiveAReferenceDocx = "give a .docx saved by Word or WPS; `zongjie templates --export DIR` writes zongjie's own to start from", "请给出用 Word 或 WPS 保存的 .docx 文件；“zongjie templates --export DIR”可导出 zongjie 自带的样式文件作为起点";
    NameDataFilesIn = "name the data files in it, such as {pattern}", "请写出其中的数据文件，如 {pattern}";
    IsAFolder = "{file} is a folder, not a data file", "{file} 是文件夹，不是数据文件";
    NotADataFileName = "{file}: expected a .yaml data file or a .md file written by `zongjie build`", "{file}：应为 .yaml 数据文件或由“zongjie build”生成的 .md 文件";
    NoFormat = "no output format given", "没有指定输出格式";
    UseFormats = "use -f md,pdf (or typ, html)", "请用 -f md,pdf（或 typ、html）";
    BothWrite = "{first} and {second} would both write {output}.*", "{first} 和 {second} 都会写出 {output}.*";
    RenameOrOutDir = "rename one of them, or build them into different folders with -o", "请改名其中一个，或用 -o 输出到不同的文件夹";
    TypstRefusedOurs = "Typst refused the source zongjie generated: this is a bug in zongjie", "Typst 拒绝了 zongjie 生成的排版源文件：这是 zongjie 的程序错误";
    TypstRefusedStyle = "Typst refused the document: check the style files of your --template-dir", "Typst 无法排版该文档：请检查 --template-dir 中的样式文件";
    SourceKeptAt = "the generated source is kept at {file}", "生成的排版源文件保存在 {file}";
    PleaseReport = "please report it with that file and the data that produced it", "请连同该文件和生成它的数据一起报告此问题";
    TypstSays = "{detail}", "排版出错，Typst 的说明：“{detail}”";
    TypstHints = "{detail}", "Typst 的提示：“{detail}”";
    TypstWarns = "{detail}", "Typst 的警告：\n{detail}";
    TypstSummary = "typst: {detail}", "Typst 排版出错：“{detail}”";
    TypstPanicked = "Typst failed inside its {stage} ({why})", "Typst {stage}时出错（{why}）";
    StageLayout = "layout", "排版";
    StagePdf = "PDF export", "导出 PDF";
    FontSkipped = "this font is skipped: {why}", "已跳过此字体：{why}";
    FontNotReadable = "it is not a font zongjie can read ({detail})", "不是 zongjie 能读取的字体（“{detail}”）";
    FontCmapDamaged = "its character map is damaged ({what})", "其字符映射表（cmap）已损坏（{what}）";
    CmapCutShort = "cut short", "数据不完整";
    CmapTableOutside = "a table outside it", "子表位于映射表之外";
    CmapBeyondUnicode = "a range beyond Unicode", "字符范围超出 Unicode";
    CmapMoreRanges = "more ranges than it holds", "所记的范围数多于实际所含";
    CmapRange = "a range of characters U+{start}–U+{end}", "字符范围 U+{start}–U+{end} 不成立";
    CmapPastGlyphs = "a range mapped past its {glyphs} glyphs", "有字符范围映射到其 {glyphs} 个字形之外";
    CmapMoreCharacters = "more characters than Unicode has", "所映射的字符多于 Unicode 的字符总数";
    RemoveTheFont = "remove it from the font folder, or install a good copy of it", "请把它从字体文件夹中删除，或重新安装完好的字体文件";
    Interrupted = "interrupted: no partial output was left behind", "已中断：没有留下不完整的输出文件";
    CannotCreateOutputFolder = "cannot create the output folder {folder}: {reason}", "无法创建输出文件夹 {folder}：{reason}";
    CannotWriteOutputs = "cannot write the outputs of {file}: {reason}", "无法写出 {file} 的输出文件：{reason}";
    WatchingOne = "watching 1 document; press Ctrl-C to stop", "正在监视 1 份文档；按 Ctrl-C 停止";
    WatchingOnePolled = "watching 1 document (reading the folders twice a second); press Ctrl-C to stop", "正在监视 1 份文档（每秒读取文件夹两次）；按 Ctrl-C 停止";
    WatchingMany = "watching {count} documents; press Ctrl-C to stop", "正在监视 {count} 份文档；按 Ctrl-C 停止";
    WatchingManyPolled = "watching {count} documents (reading the folders twice a second); press Ctrl-C to stop", "正在监视 {count} 份文档（每秒读取文件夹两次）；按 Ctrl-C 停止";
    WatcherStopped = "the file watcher stopped", "文件监视已停止";
    StartWatchAgain = "start `zongjie watch` again, or use --poll", "请重新运行“zongjie watch”，或加 --poll";
    CannotWatch = "cannot watch the files: {reason}", "无法监视文件：{reason}";
    UsePoll = "with --poll the folders are read for changes instead (network shares, WSL)", "加 --poll 则改为定时读取文件夹以发现改动（适用于网络共享、WSL）";
    Took = " in {took} ms", "，用时 {took} 毫秒";
    TookAfterChange = " in {took} ms ({waited} ms after the change)", "，用时 {took} 毫秒（改动后 {waited} 毫秒）";
    NotRebuilt = "{file} was not rebuilt; its last good outputs are kept", "{file} 未能重新生成，保留上次成功的输出文件";
    BuiltAtNextSave = "it is built again at its next save", "下次保存时会再次生成";
    CheckedOneClean = "checked 1 file: no errors", "已检查 1 个文件：没有错误";
    CheckedOneWarning = "checked 1 file: no errors, 1 warning", "已检查 1 个文件：没有错误，1 条警告";
    FixRefused = "did not fix {file}: {why}; the file is left as it was", "未修改{file}：{why}，文件保持原样";
    FixRefusedHint = "mend the findings by hand, or report this as a bug of zongjie", "请手动改正这些问题，或将此报告为 zongjie 的缺陷";
    FixUnwritable = "cannot write {file}: {why}; the file is left as it was", "无法写入{file}：{why}，文件保持原样";
    FixedLines = "fixed {lines} line(s) of {file}", "已修改 {file} 中的 {lines} 行";
    CheckedOneWarnings = "checked 1 file: no errors, {warnings} warnings", "已检查 1 个文件：没有错误，{warnings} 条警告";
    CheckedClean = "checked {files} files: no errors", "已检查 {files} 个文件：没有错误";
    CheckedWarning = "checked {files} files: no errors, 1 warning", "已检查 {files} 个文件：没有错误，1 条警告";
    CheckedWarnings = "checked {files} files: no errors, {warnings} warnings", "已检查 {files} 个文件：没有错误，{warnings} 条警告";
    OneErrorOneFile = "1 error in 1 file", "1 个文件中有 1 处错误";
    ErrorsOneFile = "{errors} errors in 1 file", "1 个文件中有 {errors} 处错误";
    OneErrorFiles = "1 error in {files} files", "{files} 个文件中有 1 处错误";
    ErrorsFiles = "{errors} errors in {files} files", "{files} 个文件中有 {errors} 处错误";

    // Last period's file (engine/previous.rs, derive/previous.rs, data/load.rs, engine/returns.rs)
    PreviousFileRefused = "previous_file `{file}` {why}", "previous_file 所写的“{file}”{why}";
    PreviousIsMd = "is a built .md file, which holds the text but not the figures or the next steps", "是生成的 .md 文件，其中只有正文，没有指标数据和工作打算";
    NameYamlBuiltFrom = "name the .yaml data file it was built from", "请填写生成它的 .yaml 数据文件";
    PreviousNotYaml = "is not a data file (.yaml)", "不是数据文件（.yaml）";
    NameEarlierYaml = "name last period's .yaml data file, relative to this file's folder", "请填写上期的 .yaml 数据文件，路径相对于本文件所在文件夹";
    PreviousIsItself = "is this file itself", "就是本文件";
    NameEarlierFile = "name last period's data file", "请填写上期的数据文件";
    PreviousPathRelative = "the path is relative to this file's folder, such as ../2026-09/report.yaml", "路径相对于本文件所在文件夹，如 ../2026-09/report.yaml";
    PreviousTooLarge = "is too large for a data file", "超出数据文件的大小限制";
    PreviousDoesNotLoad = "does not load: {error}", "无法载入：{error}";
    CorrectEarlierFile = "correct last period's file, or name another", "请改正上期文件，或换一个文件";
    PreviousOtherKind = "is a `{name}` file: last period's file is a report of this document's kind", "是“{name}”文件：上期文件应与本文件为同一类报告";
    NameEarlierReport = "name last period's report, with its metrics and next steps", "请填写上期的报告文件，其中应有指标和工作打算";
    PreviousNotBefore = "`{shown}` is for {then}, which does not end before this period ({now})", "“{shown}”的报告期为{then}，不早于本期（{now}）";
    NamePeriodBefore = "name the file of the period before this one", "请填写上一期的数据文件";
    StepDidYouMean = "did you mean \"{best}\"? write the title as {shown} gives it", "是否应为“{best}”？请照“{shown}”中的标题书写";
    StepNoNextSteps = "{shown} has no `next_steps` to follow up", "“{shown}”中没有可说明落实情况的工作打算（“next_steps”）";
    StepsAre = "its next steps are: {titles}", "上期的工作打算为：{titles}";
    StepNotAmong = "step \"{step}\" is not among the next steps of {shown}", "“{step}”不在“{shown}”的工作打算中";
    StepTwice = "step \"{step}\" is followed up twice (also by followups[{first}])", "“{step}”的落实情况写了两次（另见 followups[{first}]）";
    StepOnce = "say once what became of each step", "每项工作打算只写一次落实情况";
    StepTakenAs = "step \"{step}\" is taken to be \"{title}\" of {shown}", "“{step}”按“{shown}”中的“{title}”处理";
    StepWriteAs = "write the title as {shown} gives it: {title}", "请照“{shown}”中的标题书写：{title}";
    StepNotFollowed = "last period's step \"{title}\" ({shown}) is not followed up", "上期工作打算“{title}”（{shown}）未说明落实情况";
    StepAddFollowup = "add `- {{step: {title}, status: done}}` under `followups:` (status: done, ongoing or dropped)", "请在“followups:”下添加“- {{step: {title}, status: done}}”（status 为“done”“ongoing”或“dropped”）";
    PreviousUnitDiffers = "metric `{id}` is in {unit} here but in {then} in {shown}; its previous figure is not taken from there", "指标“{id}”本期单位为{unit}，“{shown}”中为{then}；上期数不从该文件取";
    NoUnit = "no unit", "无单位";
    QuotedUnit = "\"{unit}\"", "“{unit}”";
    SameUnitHint = "give both periods the same unit, or write `previous:` here in this period's unit", "两期请使用同一单位，或在本文件中按本期单位填写“previous:”";
    PreviousDisagrees = "metric `{id}`: `previous: {written}` here, but {shown} gives `actual: {actual}`; the figure written here is used", "指标“{id}”：本文件写“previous: {written}”，“{shown}”中为“actual: {actual}”；采用本文件所写数字";
    CorrectOneOrRemove = "correct one of them, or remove `previous:` to take {actual} from {shown}", "请改正其中之一，或删去“previous:”，从“{shown}”取{actual}";
    FollowupsWithoutFile = "`followups` without `previous_file`: the steps followed up are those of last period's file", "有“followups”而没有“previous_file”：落实情况针对的是上期文件中的工作打算";
    AddPreviousFile = "add `previous_file:` with the path of last period's data file, such as ../2026-09/report.yaml", "请添加“previous_file:”，写上期数据文件的路径，如 ../2026-09/report.yaml";
    RefusedInReturn = "`{key}` is refused in a unit's return: a return is read from the bulletin's folder alone; give last period's figures under each metric's `previous:`", "单位报表中不能使用“{key}”：报表只从简报所在文件夹读取；上期数请填在各指标的“previous:”中";
    NotABulletinField = "`{key}` is not a field of a bulletin: its figures on the previous month are the sums of its returns' `previous:`; `previous_file` and `followups` are for progress-report and village-stay-report", "“{key}”不是简报的字段：简报的较上月数据由各单位报表的“previous:”汇总而来；“previous_file”和“followups”用于“progress-report”和“village-stay-report”";
    RemoveFromReturn = "remove it from the return; the bulletin compares each figure with the return's `previous:`", "请从报表中删去；简报按报表中的“previous:”比较";

    // Why check --fix refuses (data/rewrite.rs, derive/lint.rs)
    FixOriginalUnparsed = "the original does not parse: {error}", "原文件无法解析：{error}";
    FixWouldNotParse = "the fixed file would not parse: {error}", "改后的文件将无法解析：{error}";
    FixReadsDifferently = "the fixed file would read differently at `{at}`", "改后“{at}”处的内容将与原文不同";
    FixOtherKeys = "the fixed file would have other keys at `{at}`", "改后“{at}”处的字段名将与原文不同";
    FixNestsTooDeep = "it nests too deeply", "嵌套层次过深";
    FixNoFrontMatter = "it has no front matter (the `---` lines at its start)", "文件开头没有 front matter（“---”行）";
    FixOtherMarkdown = "the fixed Markdown would have another structure", "改后的 Markdown 结构将与原文不同";

    // Periods and dates (data/period.rs, data/scalar.rs)
    PeriodEmpty = "empty period: write a month (2026-10), quarter (2026-Q3), half (2026-H1), year (2026), day (2026-07-15) or range (2026-07-15..2026-10-31)", "期间为空：请写月份（2026-10）、季度（2026-Q3）、半年（2026-H1）、年度（2026）、日期（2026-07-15）或起止日期（2026-07-15..2026-10-31）";
    PeriodUnrecognised = "{input}: expected a month (2026-10), quarter (2026-Q3), half (2026-H1), year (2026), day (2026-07-15) or range (2026-07-15..2026-10-31)", "“{input}”无法识别：应为月份（2026-10）、季度（2026-Q3）、半年（2026-H1）、年度（2026）、日期（2026-07-15）或起止日期（2026-07-15..2026-10-31）";
    PeriodSpelling = "{input}: write {suggestion}", "“{input}”写法不对：请写成 {suggestion}";
    PeriodMonth = "{input}: month must be 1–12", "“{input}”：月份应为 1 至 12";
    PeriodQuarter = "{input}: quarter must be Q1–Q4", "“{input}”：季度应为 Q1 至 Q4";
    PeriodHalf = "{input}: half must be H1 or H2", "“{input}”：半年应为 H1 或 H2";
    NotADate = "{input} is not a date: {month} {year} has {days} days", "“{input}”不是有效日期：{year}年{month}只有{days}天";
    RangeOrder = "{input}: range end before start", "“{input}”：结束日期早于开始日期";
    Month1 = "January", "1月";
    Month2 = "February", "2月";
    Month3 = "March", "3月";
    Month4 = "April", "4月";
    Month5 = "May", "5月";
    Month6 = "June", "6月";
    Month7 = "July", "7月";
    Month8 = "August", "8月";
    Month9 = "September", "9月";
    Month10 = "October", "10月";
    Month11 = "November", "11月";
    Month12 = "December", "12月";
    DateAndTime = "expected a day written YYYY-MM-DD, found a date and time \"{text}\": write {day}", "应为按 YYYY-MM-DD 写的日期，实际是日期加时间“{text}”：请写成 {day}";
    SingleDayExpected = "expected a single day written YYYY-MM-DD, found \"{text}\"", "应为按 YYYY-MM-DD 写的某一天，实际是“{text}”";
    PeriodReadAsNumber = "YAML read this as the number {value}: write a month as 2026-10, a quarter as 2026-Q3, a half-year as 2026-H1", "YAML 把它读成了数字 {value}：月份请写成 2026-10，季度写成 2026-Q3，半年写成 2026-H1";

    // Values (data/scalar.rs, data/mod.rs)
    MustNotBeEmpty = "must not be empty", "不能为空";
    TextTooLong = "is {chars} characters long; a one-line field (a title, a name, a label) may have at most {max}", "长 {chars} 字；单行字段（标题、名称、标签）最多 {max} 字";
    HoldsControl = "holds a control character (U+{code}), which a document cannot show: remove it", "含有控制字符（U+{code}），文档无法显示：请删去";
    HoldsDirectionOverride = "holds a direction override (U+{code}), which would turn the words after it around: remove it (to set right-to-left text apart, use U+2067 … U+2069)", "含有文字方向控制符（U+{code}），会使其后的文字颠倒：请删去（如需单独标出从右到左的文字，请用 U+2067 … U+2069）";
    NotFinite = "{value} is not a usable figure: expected a finite number", "{value} 不是可用的数值：应为有限的数字";
    FigureTooLarge = "{value} is too large to be a figure: zongjie takes figures below 10^15 (a thousand trillion); check for extra digits", "{value} 太大，不像是实际数值：zongjie 只接受小于 10^15（一千万亿）的数值，请检查是否多打了数字";
    NumberWithSeparators = "expected a number, found the text \"{text}\": write {digits} (no thousands separators)", "应为数字，实际是文字“{text}”：请写成 {digits}（不加千位分隔符）";
    NumberWithPercent = "expected a number, found the text \"{text}\": write {number} with `unit: \"%\"`", "应为数字，实际是文字“{text}”：请写成 {number}，并加“unit: \"%\"”";
    NumberWithWan = "expected a number, found the text \"{text}\": write the whole figure in the metric's unit, e.g. 32200000 for 3220万 with `unit: 元`", "应为数字，实际是文字“{text}”：请按指标的单位写出完整数值，如“unit: 元”时 3220万 写成 32200000";
    NumberExpected = "expected a number such as 28174 or 0.95, found the text \"{text}\"", "应为 28174 或 0.95 这样的数字，实际是文字“{text}”";
    BadId = "\"{id}\" is not a usable id: start with a letter and use only letters, digits, `_` and `-`", "“{id}”不能用作编号：编号须以字母开头，只能含字母、数字、“_”和“-”";

    // The fields of a formal document (data/official.rs)
    EmptyNameList = "the list is empty: give at least one name, or remove the field", "列表是空的：请至少写一个名称，或删去该字段";
    DocNumberExample = "a 发文字号 is 机关代字〔year〕number号, as 石政报〔2026〕15号", "发文字号由机关代字、〔年份〕和序号加“号”组成，如 石政报〔2026〕15号";
    DocNumberNoYear = "\"{number}\" has no four-digit year: {example}", "“{number}”中没有四位数的年份：{example}";
    DocNumberWriteYear = "write the year in full, in hexagonal brackets: 〔2026〕", "请写出完整年份，并用六角括号括起：〔2026〕";
    DocNumberBrackets = "\"{number}\": the year of a 发文字号 goes in hexagonal brackets 〔〕, not `{written}`", "“{number}”：发文字号的年份应用六角括号〔〕括起，不能写成“{written}”";
    WriteFixed = "write {fixed}", "请写成 {fixed}";
    DocNumberNoPrefix = "\"{number}\" has no 机关代字 before the year: {example}", "“{number}”的年份前没有机关代字：{example}";
    DocNumberPrefixFirst = "put the issuing organ's abbreviation first, as 石政报〔2026〕15号", "请把发文机关代字写在最前面，如 石政报〔2026〕15号";
    DocNumberNoHao = "\"{number}\" does not end with 号: {example}", "“{number}”末尾没有“号”：{example}";
    DocNumberDi = "\"{number}\": a 发文字号 has no 第 before the number", "“{number}”：发文字号的序号前不加“第”";
    DocNumberDigits = "\"{number}\": the number of a 发文字号 is written in Arabic digits: {example}", "“{number}”：发文字号的序号用阿拉伯数字：{example}";
    DocNumberWriteDigits = "write the number in digits, as 15号", "请用数字写序号，如 15号";
    DocNumberLeadingZeros = "\"{number}\": a 发文字号 has no leading zeros", "“{number}”：发文字号的序号前不加“0”";
    CopyNumberDigits = "a 份号 (copy number) is six Arabic digits, not \"{value}\"", "份号是六位阿拉伯数字，不能写成“{value}”";
    CopyNumberQuoted = "write it with leading zeros, in quotes: \"{digits}\"", "请补足前面的 0，并加引号：\"{digits}\"";
    CopyNumberAsText = "a 份号 (copy number) is six digits, written as text", "份号是六位数字，应作为文字写出";
    CopyNumberInQuotes = "write it in quotes, with its leading zeros: copy_number: \"{digits}\"", "请加引号并补足前面的 0：“copy_number: \"{digits}\"”";
    SecrecyNoTerm = "\"{value}\": the term after ★ is missing", "“{value}”：★后缺少保密期限";
    SecrecyWriteTerm = "write the term (秘密★1年), or the level alone (秘密)", "请写出保密期限（秘密★1年），或只写密级（秘密）";
    SecrecyLevel = "\"{value}\" is not a 密级 GB/T 9704 allows: 绝密, 机密 or 秘密 (English: Top Secret, Secret, Confidential)", "“{value}”不是 GB/T 9704 规定的密级：应为绝密、机密或秘密（英文：Top Secret、Secret、Confidential）";
    SecrecyWriteLevel = "write one of them, with the term after ★: 秘密★1年", "请写其中之一，★后写保密期限：秘密★1年";
    UrgencyLevel = "\"{value}\" is not a 紧急程度 GB/T 9704 allows", "“{value}”不是 GB/T 9704 规定的紧急程度";
    UrgencyWrite = "write 特急 or 加急 (English: Extra Urgent, Urgent)", "请写特急或加急（英文：Extra Urgent、Urgent）";
    AttachmentBodyAndTable = "attachment \"{title}\" has both `body` and `table`", "附件“{title}”同时写了“body”和“table”";
    EachItsOwnAttachment = "give each its own attachment", "请分成两个附件";

    // A .md file written by build (data/mdfile.rs)
    ExpectedFrontMatter = "expected front matter: the file must start with a `---` line, the fields, and another `---` line", "缺少文件头：文件应以一行“---”开头，接着是各字段，再以一行“---”结束";
    BuildWithMd = "build a .yaml data file with `-f md` to get a Markdown file in this shape", "用“-f md”生成 .yaml 数据文件，即可得到这种格式的 Markdown 文件";
    MdTableAttachment = "attachment \"{title}\" asks for a table of the metrics, which a .md file does not hold", "附件“{title}”要求指标表，但 .md 文件中没有指标数据";
    TableAsMarkdown = "write the table as Markdown in the attachment's `body`", "请在附件的“body”中用 Markdown 写出表格";

    // Spreadsheet returns (data/sheet/)
    NotASpreadsheet = "is not a spreadsheet", "不是电子表格";
    ReturnKinds = "returns are .yaml, .xlsx, .xlsm, .xls, .ods or .csv files", "报表应为 .yaml、.xlsx、.xlsm、.xls、.ods 或 .csv 文件";
    SheetFileUnreadable = "the file {why}", "文件无法读取（{why}）";
    SpreadsheetEmpty = "is empty", "是空文件";
    NoActualFilledIn = "gives no figure under \"{column}\" for any metric: the form came back as it was sent", "各项指标的“{column}”均未填写，报表似未填写即报回";
    FillInAndResend = "ask the unit to fill in its figures (0 where there is nothing to report) and send it again", "请该单位填写各项指标的完成数（无则填0）后重新报送";
    TwoColumnsAlike = "{first} \"{first_heading}\" and {second} \"{second_heading}\" could both be the \"{role}\" column; which one to roll up cannot be told", "{first}“{first_heading}”和{second}“{second_heading}”都可能是“{role}”列，无法确定汇总哪一列";
    KeepOneColumn = "keep one of them, or head the one to roll up \"{role}\" as the form does", "请只保留其中一列，或将要汇总的一列表头改为“{role}”（与报表模板一致）";
    SpreadsheetIsOther = "is {other}, not {what} workbook: the return is to be filled in on the form", "实为{other}，不是{what}工作簿：报表应在报表模板上填写";
    WordDocument = "a Word document", "Word文档";
    PowerPointFile = "a PowerPoint file", "PowerPoint演示文稿";
    SpreadsheetNotThisKind = "is not {what} workbook: damaged, or a file of another kind under its name", "不是{what}工作簿：文件已损坏，或是以此扩展名保存的其他文件";
    SpreadsheetPassword = "is protected by a password: save it again without one", "设置了密码保护：请取消密码后重新保存";
    CsvNamedAsWorkbook = "is CSV text under a workbook's name; it is read as CSV", "实为以工作簿扩展名保存的 CSV 文本，按 CSV 读取";
    SaveAgainAsXlsx = "open it in Excel or WPS and save it again as .xlsx, or as CSV", "请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV";
    NoHeaderRow = "no sheet has a header row naming its metrics and figures", "没有哪张工作表有写明指标和数据的表头行";
    NeedsHeaderRow = "the return needs a row of column headings such as {headings} and one row per metric under it (zongjie form writes such a sheet)", "报表需要一行列标题（如 {headings}），其下每个指标占一行（zongjie form 可生成这样的表）";
    AlsoCell = "also {text}", "另外，{text}";
    MoreCells = "and {count} more cells", "还有 {count} 个单元格";
    MoreRowsNotCollected = "… and {count} more rows with figures that are no metric the bulletin collects", "……另有 {count} 行数据不是简报收集的指标";
    WriteFigureInDigits = "write the figure in digits (300, 1,234, 12.5%, 3220万); leave the cell empty, or write —, for no figure", "请用数字填写（300、1,234、12.5%、3220万）；没有数据的留空或写“—”";
    AtCell = "{cell}: {text}", "{cell}单元格：{text}";
    WriteReturnPeriod = "write the period the return is for as 2026-10 (a month), 2026-Q3, 2026-H1 or 2026, as text", "请以文本形式写明报表所属期间：2026-10（月）、2026-Q3、2026-H1 或 2026";
    CellNotAPeriod = "「{text}」 is not a period", "“{text}”不是有效的期间";
    IsNotAPeriod = "is not a period", "不是有效的期间";
    NumberNotAPeriod = "{value} is a number, not a period (2026.10 reads as 2026.1)", "{value} 是数字，不是期间（2026.10 会被读成 2026.1）";
    OtherNotAPeriod = "{what} is not a period", "{what}不是期间";
    CellIsEmpty = "is empty", "是空的";
    NoIdColumn = "the header row has no ID column, and the bulletin has no `collect:` to match the metrics' names against", "表头没有编号列，简报中也没有可用来对照指标名称的“collect:”";
    AddCollectOrId = "add `collect:` to the bulletin (zongjie form writes returns that match it), or an ID column to the return", "请在简报中加上“collect:”（zongjie form 会生成与之对应的报表），或在报表中加一列编号";
    MetricGivenAgain = "metric `{id}` is given again (first at {first})", "指标“{id}”重复填报（首次出现在 {first}）";
    OneRowPerMetric = "give each metric one row", "每个指标只填一行";
    ReadAsPercent = "{value} is read as {percent}%", "{value} 按 {percent}% 读取";
    PercentWrittenAs = "a percentage is written as 36.5 (or 36.5%); check the figure", "百分比应写成 36.5（或 36.5%）：请核对该数";
    PercentButCount = "{value}% is a percentage, but the metric is counted in numbers", "{value}% 是百分比，但该指标按数量计";
    PercentButUnit = "{value}% is a percentage, but the metric is counted in {unit}", "{value}% 是百分比，但该指标以“{unit}”计";
    WriteFigureNotShare = "write the figure itself, not a share", "请填写数值本身，不要填比例";
    CellBadId = "「{id}」 is not a usable metric id", "“{id}”不能用作指标编号";
    IdRule = "start with a letter and use only letters, digits, `_` and `-`", "编号须以字母开头，只能含字母、数字、“_”和“-”";
    IdNotCollected = "metric id 「{id}」 is not collected; the row is left out", "指标编号“{id}”不在收集之列，该行未计入";
    BulletinCollects = "the bulletin collects {metrics}", "简报收集的指标为：{metrics}";
    TakenFor = "「{label}」 is taken for `{id}` ({known})", "“{label}”按“{id}”（{known}）计入";
    GiveTheLabel = "give the metric the bulletin's label, or its id, so that it is not a guess", "请使用简报中的指标名称或编号，以免靠推测对应";
    LabelNotCollected = "「{label}」 is not a metric the bulletin collects; the row is left out", "“{label}”不是简报收集的指标，该行未计入";
    DateNotFigure = "{date} is a date, not a figure", "{date} 是日期，不是数值";
    OtherNotFigure = "{what} is not a figure", "{what}不是数值";
    FormulaNotSaved = "a formula whose result the file does not keep (it was written by a program that does not calculate): open the file in Excel, WPS or LibreOffice and save it again", "公式的计算结果未保存在文件中（文件由不计算公式的程序生成）：请用 Excel、WPS 或 LibreOffice 打开后重新保存";
    SheetCut = "the sheet goes on beyond its first {rows} rows or {columns} columns, which are all that is read: figures there are not rolled up", "工作表超出前 {rows} 行或前 {columns} 列，超出部分不读取，其中的数字不汇总";
    SheetCutHint = "keep the return's table at the top of its sheet, and other data on another sheet or in another file", "请把报表的表格放在工作表顶部，其他数据放到另一张工作表或另一个文件";
    HiddenSheetRead = "only the hidden sheet {sheet} has a table of figures; it is read as the return", "只有隐藏的工作表“{sheet}”中有数据表，按报表读取";
    ShowTheSheet = "show the sheet if it is the return, or delete it", "如果它就是报表，请取消隐藏；否则请删除";
    OtherSheetNotRead = "{cell}: sheet {sheet} also has a table of figures and is not read; the return is sheet {read}", "{cell}单元格：工作表“{sheet}”中也有数据表，未读取；按工作表“{read}”汇总";
    OneSheetPerReturn = "keep the return on one sheet: delete the other, or move the corrected figures into the first", "报表请只保留一个工作表：删除另一个，或把更正后的数字填入第一个";
    NotANumber = "「{text}」 is not a number", "“{text}”不是数字";

    // The lint (derive/lint.rs)
    PlaceholderYear = "a year left as a placeholder", "未填写的年份占位符";
    PlaceholderDay = "a day left as a placeholder", "未填写的日期占位符";
    PlaceholderDate = "a date left as a placeholder", "未填写的日期占位符";
    PlaceholderNameOrNumber = "a name or number left as a placeholder", "未填写的名称或数字占位符";
    PlaceholderName = "a name left as a placeholder", "未填写的名称占位符";
    PlaceholderBlank = "a blank left to fill in", "未填写的空白";
    PlaceholderSlot = "a slot of the model text left unfilled", "范文中未填写的空位";
    PlaceholderNote = "a note left in the text", "正文中遗留的备注";
    PlaceholderNumberOrName = "a number or name left as a placeholder", "未填写的数字或名称占位符";
    UpwardNeedsSigner = "a numbered report to a superior (上行文) names its 签发人, who signed it off", "有发文字号的上行文应写明签发人";
    AddSignerLeader = "add `signer:` with the name of the leader who signed it off (GB/T 9704 7.2.6)", "请加上“signer:”，写明签发该文的领导姓名（GB/T 9704 7.2.6）";
    LooksLike = "`{text}` looks like {what}", "“{text}”像是{what}";
    WriteRealValue = "write the real value; the model text's placeholder must not reach your superiors", "请填写实际内容，范文中的占位符不能报给上级";
    StarsInSentence = "`{text}` inside a sentence stands for a missing word or figure", "句中的“{text}”表示缺了字词或数字";
    WriteMissingWords = "write the missing words; on a line of its own `* * *` is a rule between sections", "请补上缺的内容；单独一行的“* * *”才是节与节之间的分隔线";
    TemplateSyntax = "`{text}` is template syntax; data is printed as written, never run as a template", "“{text}”是模板语法；数据按原样印出，不会当作模板执行";
    WriteTextItself = "write the text itself; template syntax belongs in a template (--template-dir)", "请直接写出文字；模板语法应写在模板中（--template-dir）";
    MoreLike = "… and {count} more like \"{like}\" in this file", "……本文件中还有 {count} 处类似问题（“{like}”）";
    AsksForApproval = "`{formula}` asks for approval, which a report must not do (it is a 请示 formula)", "“{formula}”是请示的用语，报告中不得夹带请示事项";
    EndAReport = "end a 报告 with 特此报告。 and a 汇报 with 以上汇报，请批评指正。; send what needs approval as a separate 请示", "报告以“特此报告。”结尾，汇报以“以上汇报，请批评指正。”结尾；需要批准的事项请另行请示";
    DefineTheMetric = "define it under `metrics:` (with `id:`, `label:`, `actual:`…) or remove the reference", "请在“metrics:”下定义该指标（写明“id:”“label:”“actual:”等），或删去引用";
    MetricNotDefined = "metric `{id}` is cited but not defined under `metrics:`", "引用了指标“{id}”，但“metrics:”下没有定义";
    StepDueBefore = "next step \"{title}\" is due {due} — before the report's date, {date}", "下一步工作“{title}”的期限是 {due}，早于报告日期 {date}";
    StepLiesAhead = "a next step lies ahead: give a deadline after the report's date, or report it as done", "下一步工作应在今后完成：请给出晚于报告日期的期限，或作为已完成的工作来写";
    FieldIsEmpty = "`{field}` is empty", "“{field}”是空的";
    NoItems = "`{field}` has no items; its section is left out of the document", "“{field}”下没有条目，文档中不出现这一部分";
    AddItemsOrRemove = "add the items, or remove the field", "请补上条目，或删去该字段";
    NoBody = "\"{title}\" in `{field}` has no body", "“{field}”中的“{title}”没有正文";
    SayWhatWasDone = "say what was done, with figures; a heading alone tells the reader little", "请写明做了什么，并给出数据；只有标题，读者难以了解情况";
    WriteItOrRemove = "write it, or remove the field", "请填写内容，或删去该字段";
    DateOutsidePeriod = "{date} lies outside the period reported on ({period})", "{date}不在报告期（{period}）内";
    CheckTheDate = "check the date; if it is background, say so (\"since …\")", "请核对日期；如是背景情况，请写明（如“自……以来”）";

    // The bulletin's roll-up of unit returns (derive/rollup.rs)
    NotRolledUp = "{file} {why}; it is not rolled up", "{file}{why}，未汇总";
    AskForThisPeriod = "figures as of another date do not add up with this issue's: ask the unit for its return for this period", "截至其他日期的数据不能与本期数据相加：请该单位报送本期的报表";
    ReturnsGive = "the returns give {ids}", "各报表填报的指标为：{ids}";
    NoReturnGives = "`{id}` names a metric that no return gives", "没有哪份报表填报了指标“{id}”";
    CountsIn = "counts `{id}` in \"{stated}\", but the bulletin in \"{expected}\"", "“{id}”以“{stated}”计，而简报以“{expected}”计";
    SaysLowerIsBetter = "says lower is better for `{id}`, which the bulletin collects as higher is better", "把“{id}”当作越低越好，而简报按越高越好收集";
    SetAside = "{place}: {why}; the return is set aside", "{place}：{why}，该报表暂不汇总";
    AskToCorrect = "ask the unit to correct its return; the bulletin is built from the others", "请该单位更正报表；简报按其余报表生成";
    SentTwice = "{count} returns name {unit}: {files}; none of them is rolled up, so that the unit is not counted twice", "{count}份报表的填报单位均为{unit}：{files}，均暂不汇总，以免重复计算";
    OwnTarget = "{place}: the return gives a target of {own} for `{id}`, but {unit} was assigned {assigned}; the assigned target is used", "{place}：报表中“{id}”的目标为 {own}，而分配给{unit}的目标是 {assigned}，按分配的目标计算";
    TargetsAreCounty = "the targets of `targets:` are the county's; correct the return or `targets:`", "“targets:”中的目标是县里分配的：请更正报表或“targets:”";
    AtMostRolledUp = "the bulletin rolls up at most {max} metrics", "简报最多汇总 {max} 个指标";
    ListUnderCollect = "list the metrics the bulletin rolls up under `collect:`", "请在“collect:”下列出简报要汇总的指标";
    NotCollectedByBulletin = "the bulletin does not collect them", "简报不收集这些指标";
    AddToCollect = "add them to `collect:` to roll them up", "如需汇总，请把它们加入“collect:”";
    MetricLeftOut = "{file}: metric {ids}: {what}; it is left out", "{file}：指标{ids}未计入（{what}）";
    MetricsLeftOut = "{file}: {count} metrics {ids}: {what}; they are left out", "{file}：{count} 个指标{ids}未计入（{what}）";
    MetricsLeftOutMore = "{file}: {count} metrics {ids} and {more} more: {what}; they are left out", "{file}：{ids}等 {count} 个指标（另有 {more} 个未列出）未计入（{what}）";
    NoReturnFrom = "no return received from {units}", "未收到{units}的报表";
    NamedAsNotReceived = "the bulletin names them as not received; a return is matched by its unit's name (its `organization`, the unit cell of a spreadsheet, or the file's name)", "简报中列为未报送；报表按单位名称（填报单位、“organization”或文件名）对应";
    RosterDidYouMean = "did you mean \"{name}\"? correct the unit's name in the return, or add it to `roster:`", "是否应为“{name}”？请更正报表中的单位名称，或把该单位加入“roster:”";
    AddToRoster = "add the unit to `roster:`, or remove its return", "请把该单位加入“roster:”，或删去其报表";
    FileNamedForAnother = "{place}: the file is named for {file_unit} but gives {unit} as its reporting unit; it is rolled up as {unit}", "{place}：文件名是{file_unit}，填报单位却写作“{unit}”，按{unit}汇总";
    CheckWhoseReturn = "check whose return it is: if it is {file_unit}'s, correct its reporting unit; if it is {unit}'s, rename the file", "请核实是哪个单位的报表：若是{file_unit}的，请更正填报单位；若是{unit}的，请更改文件名";
    TakenAsRosterUnit = "{place}: the reporting unit is written \"{unit}\", which is not on the roster; it is rolled up as {roster}", "{place}：填报单位写作“{unit}”，不在名单（roster）中，按“{roster}”汇总";
    CorrectUnitName = "ask the unit to write \"{roster}\" as its reporting unit (填报单位, `organization`)", "请该单位将填报单位更正为“{roster}”";
    FarAbovePrevious = "{place}: {unit} gives {actual} for {label}, {ratio} times its previous figure {previous}", "{place}：{unit}{label}本期完成{actual}，是上期{previous}的{ratio}倍";
    FarAboveTarget = "{place}: {unit} gives {actual} for {label}, {ratio} times its target {target}", "{place}：{unit}{label}本期完成{actual}，是目标{target}的{ratio}倍";
    FarBelowPrevious = "{place}: {unit} gives {actual} for {label}, under 1/{limit} of its previous figure {previous}", "{place}：{unit}{label}本期完成{actual}，不足上期{previous}的1/{limit}";
    FarBelowTarget = "{place}: {unit} gives {actual} for {label}, under 1/{limit} of its target {target}", "{place}：{unit}{label}本期完成{actual}，不足目标{target}的1/{limit}";
    BelowPrevious = "{place}: {unit} gives {actual} for {label}, lower than its previous figure {previous}, though the figures are cumulative for the year", "{place}：{unit}{label}本期完成{actual}，低于上期{previous}，而各项数字为本年累计数";
    NoPreviousGiven = "{place}: {unit} gives no previous figure for {labels}, which most of the other units give; the comparison with the previous period leaves the unit out", "{place}：{unit}未填报{labels}的上期数，其他单位大多已填报；与上期的比较不含该单位";
    CheckFigureWithUnit = "check the figure with the unit: a digit too many or too few? (a warning: the bulletin rolls it up as given)", "请与该单位核对：是否多输或少输了一位数字？（仅为提醒，简报按所填数字汇总）";
    LooksLikeWan = "the figure looks entered in 万元 where the bulletin counts 元 ({actual} 万元 is {yuan} 元): ask the unit to enter it in 元", "该数字像是按万元填报的（{actual}万元即{yuan}元），请该单位按元填报";
    CheckBothFigures = "check this period's and the previous figure with the unit", "请与该单位核对本期和上期数字";
    AskForPrevious = "ask the unit for its previous figure", "请该单位补填上期数";
    OffRoster = "{file} is the return of {unit}, which is not on the roster; it is rolled up", "{file}是{unit}的报表，该单位不在名单（roster）中，仍予汇总";
    ReturnOtherPeriod = "{file} {why}", "{file}{why}";
    CorrectThePeriod = "the bulletin rolls up returns for its own period only: correct the period (报送期间) of the return", "简报只汇总本期报表：请更正报表的报送期间";
    ReportsOn = "reports on {theirs}, which does not end with this issue's period ({ours})", "报送的是 {theirs} 的数据，与本期（{ours}）的截止时间不同";
    KeepOneReturn = "keep the right one in the folder and move the others out (a corrected copy replaces the first); a return filled in under another unit's name gets its own (填报单位, or `organization` in YAML)", "文件夹中只保留正确的一份，其余移出（更正后的报表替换原报表）；误用其他单位名义填报的，请改为本单位名称（填报单位，YAML 报表为“organization”）";
    LabelsDiffer = "metric `{id}` is \"{first}\" in {at} but \"{label}\" in {file}; the bulletin says \"{first}\"", "指标“{id}”在 {at} 中叫“{first}”，在 {file} 中叫“{label}”，简报采用“{first}”";
    SameLabel = "give every unit the same label for one metric id", "同一指标编号请各单位使用相同的名称";

    // Loading a bulletin's unit returns (engine/returns.rs)
    UnitsPattern = "units: `{pattern}` {why}", "units 中的“{pattern}”{why}";
    UnitFilesRelative = "unit files must be named by paths relative to the bulletin, inside its folder", "单位报表须用相对于简报的路径写明，且位于简报所在文件夹内";
    PatternMatchesNothing = "units: `{pattern}` matches no file; the bulletin names it as missing", "units：“{pattern}”没有对应的文件，简报中列为未报送";
    CheckTheFileName = "check the file name, or remove the pattern once the unit has stopped reporting", "请核对文件名；单位不再报送的，请删去该项";
    MatchesNotAReturn = "units: `{pattern}` matches {file}, which is not a return; it was not read", "units：“{pattern}”对应的 {file} 不是报表，未读取";
    MatchesRefused = "units: `{pattern}` matches {file}, which {why}; it was not read", "units：“{pattern}”对应的 {file}{why}，未读取";
    UnitFilesInside = "unit files must be inside the bulletin's folder, not symlinks to files elsewhere", "单位报表须放在简报所在文件夹内，不能是指向别处文件的链接";
    ReturnNoFont = "no available font has these characters of the unit's name or labels: {chars}; the return is set aside", "单位名称或指标名称中的这些字符没有可用字体：{chars}，该报表暂不汇总";
    WriteWithFontChars = "write them with characters a font has, or give zongjie the font that has them with --font-path DIR", "请改用字体中有的字，或用 --font-path DIR 给出含这些字的字体";
    NoBulletinFound = "no bulletin was found whose `units:` name this return", "没有找到“units:”中列有该报表的简报";
    CheckAgainstBulletin = "a return is checked against its bulletin (a monthly-bulletin .yaml file in its folder or a folder above it, whose `units:` match it); check the bulletin instead", "报表要对照其所属简报检查（同一文件夹或上级文件夹中、“units:”与之对应的 monthly-bulletin .yaml 文件）；请改为检查该简报";
    IsAbsolutePath = "is an absolute path", "是绝对路径";
    LeadsOutsideDotDot = "leads outside the bulletin's folder (`..`)", "指向简报所在文件夹之外（“..”）";
    NotAValidPattern = "is not a valid pattern: {reason}", "不是有效的匹配模式（“{reason}”）";
    CannotBeSearched = "cannot be searched: {reason}", "无法搜索：{reason}";
    FolderTooLarge = "is searched for in a folder of over {max} entries: name the units' folder", "要搜索的文件夹超过 {max} 项：请写明单位报表所在的文件夹";
    IsNotRegular = "is not a regular file (a pipe, device or socket)", "不是普通文件（而是管道、设备或套接字）";
    LeadsOutside = "leads outside the bulletin's folder", "指向简报所在文件夹之外";
    CannotBeOpened = "cannot be opened ({reason})", "无法打开（{reason}）";

    // Images (base/image.rs, engine)
    SaveAsImage = "save it as PNG, JPEG, GIF or SVG", "请另存为 PNG、JPEG、GIF 或 SVG 格式";
    ImageEmpty = "is empty", "是空文件";
    ImagePdf = "is a PDF file, which zongjie does not take as an image", "是 PDF 文件，zongjie 不把它当作图片";
    ImageWebp = "is a WebP image, which zongjie does not take (Word cannot show it)", "是 WebP 图片，zongjie 不支持（Word 无法显示）";
    ImageUnknownKind = "is not a PNG, JPEG, GIF or SVG image", "不是 PNG、JPEG、GIF 或 SVG 图片";
    ImageWrongExt = "is a {kind} image, but its name ends in `.{ext}`", "是 {kind} 图片，但文件名以“.{ext}”结尾";
    RenameImage = "rename it to end in .{ext}", "请把文件名改为以 .{ext} 结尾";
    ImageDamaged = "is a damaged {kind} image ({what})", "是损坏的 {kind} 图片（{what}）";
    SaveImageAgain = "open it in an image program and save it again", "请用图片软件打开后重新保存";
    ImageSaysSize = "says it is {width} × {height} pixels", "自称大小为 {width} × {height} 像素";
    ImageTooManyPixels = "is {width} × {height} pixels; an image may have at most 40 million (such as 8000 × 5000)", "大小为 {width} × {height} 像素；图片最多 4000 万像素（如 8000 × 5000）";
    MakeImageSmaller = "make it smaller in an image program: a page needs about 2500 pixels across at 300 dpi", "请用图片软件缩小：按 300 dpi 计，一页宽约需 2500 像素";
    CutShort = "it is cut short", "文件不完整";
    NoHeader = "it has no header", "缺少文件头";
    TooManyParts = "it has more than 100,000 parts", "数据块超过 10 万个";
    ProfileInflates = "holds a colour profile or text that inflates to more than 16 MB", "所含的颜色配置或文字解压后超过 16 MB";
    SaveWithoutMetadata = "save it again without its metadata", "请去掉元数据后重新保存";
    StructureBroken = "its structure is broken", "结构已损坏";
    NoFrameHeader = "it has no frame header", "缺少帧头";
    JpegScans = "is a JPEG of more than {max} scans", "是扫描次数超过 {max} 次的 JPEG";
    GifFrames = "has more than 10,000 frames", "帧数超过 1 万";
    SaveOneFrame = "save one frame of it as a PNG", "请把其中一帧另存为 PNG";
    CompressedBroken = "its compressed data is broken", "压缩数据已损坏";
    SvgzInflates = "inflates to more than 8 MB of SVG", "解压后的 SVG 超过 8 MB";
    SimplifyDrawing = "simplify the drawing, or save it as PNG", "请简化图形，或另存为 PNG";
    SvgTooLarge = "is more than 8 MB of SVG", "SVG 超过 8 MB";
    SvgUtf16 = "is an SVG in UTF-16", "是 UTF-16 编码的 SVG";
    SaveSvgUtf8 = "save it as UTF-8 (most drawing programs do by default)", "请另存为 UTF-8 编码（多数绘图软件默认如此）";
    SvgNotUtf8 = "is an SVG that is not UTF-8 text (a byte at {at} is not)", "是非 UTF-8 文本的 SVG（第 {at} 字节有误）";
    SaveAsUtf8Short = "save it as UTF-8", "请另存为 UTF-8 编码";
    SvgLinks = "is an SVG that links to another file or to the web (`{link}`)", "是链接了其他文件或网址的 SVG（“{link}”）";
    EmbedThePicture = "embed the picture in the SVG, or put it in the document as an image of its own", "请把图片嵌入 SVG，或作为单独的图片放进文档";
    SvgElements = "is an SVG of {count} elements; an SVG may have at most {max}", "是含 {count} 个元素的 SVG；SVG 最多 {max} 个元素";
    SvgText = "is an SVG with {count} characters of text; an SVG may have at most {max}", "是含 {count} 个字符文字的 SVG；SVG 最多 {max} 个字符";
    LongTextInDocument = "put long text in the document, not in a drawing", "长段文字请写在文档中，不要放在图形里";
    SvgFilterSteps = "is an SVG with {count} filter steps; an SVG may have at most {max}", "是含 {count} 步滤镜的 SVG；SVG 最多 {max} 步";
    SaveAsPng = "save it as PNG", "请另存为 PNG";
    SvgFilterArea = "is an SVG whose filters (blurs, shadows) cover more than 4000 × 4000 pixels", "是滤镜（模糊、阴影）覆盖面积超过 4000 × 4000 像素的 SVG";
    SvgRendererFails = "is an SVG the SVG renderer fails on ({why})", "是 SVG 渲染器无法处理的 SVG（{why}）";
    MakeDrawingSmaller = "make the drawing smaller, or save it as PNG", "请缩小图形，或另存为 PNG";
    BadBase64 = "a picture embedded in it is not valid base64", "其中嵌入的图片不是有效的 base64 编码";
    HoldsPicture = "holds a picture that {why}", "其中嵌入的图片{why}";
    NestsDrawings = "nests drawings more than three deep", "图形嵌套超过三层";
    ImageRefused = "image `{image}` {why}", "图片“{image}”{why}";
    ImagesInFolder = "images must be files in the data file's folder or below it, named by a relative path", "图片须是数据文件所在文件夹（或其子文件夹）中的文件，并用相对路径写明";
    NotLocalFile = "is not a local file; zongjie does not download anything", "不是本地文件；zongjie 不会下载任何内容";
    LeadsOutsideDataFolder = "leads outside the data file's folder", "指向数据文件所在文件夹之外";
    DoesNotExist = "does not exist", "不存在";
    LargerThan50Mb = "is larger than 50 MB", "超过 50 MB";
    CannotBeReadBecause = "cannot be read: {reason}", "无法读取：{reason}";
    IsNotAFile = "is not a file: {reason}", "不是文件：{reason}";
    CannotOpenDataFolder = "cannot open the data folder: {reason}", "无法打开数据文件夹：{reason}";
    CannotBeUsed = "cannot be used: {reason}", "无法使用（Typst 的说明：“{reason}”）";
    SaveAsImageNoLinks = "save it as PNG, JPEG, GIF or SVG; an SVG may not link to other files or to the web", "请另存为 PNG、JPEG、GIF 或 SVG；SVG 不能链接其他文件或网址";
    MakeItSmaller = "make it smaller in an image program", "请用图片软件缩小";

    // Building: fonts, the watchdog, Word, chart blocks (compile/, engine/)
    NoFontHas = "no available font has these characters: {chars}", "这些字符没有可用的字体：{chars}";
    InstallFonts = "on Debian/Ubuntu: apt-get install fonts-noto-cjk fonts-arphic-ukai (Chinese), fonts-noto-color-emoji (emoji)", "Debian/Ubuntu 下可安装：apt-get install fonts-noto-cjk fonts-arphic-ukai（中文）、fonts-noto-color-emoji（表情符号）";
    PointAtFonts = "or point zongjie at a folder of fonts: --font-path DIR (or ZONGJIE_FONT_PATHS)", "或用 --font-path DIR（或 ZONGJIE_FONT_PATHS）指定字体所在的文件夹";
    PrivateUseFont = "private-use characters (U+E000–U+F8FF, planes 15–16) show the right glyph only in the font made for them (a 造字 font): give its folder with --font-path", "私用区字符（U+E000–U+F8FF、第 15–16 平面）只有专门的造字字体才能正确显示：请用 --font-path 给出其所在文件夹";
    FontsLists = "`zongjie fonts` lists the fonts zongjie can use", "“zongjie fonts”可列出 zongjie 能用的字体";
    TookTooLong = "took more than {seconds} s (--timeout)", "用时超过 {seconds} 秒（--timeout）";
    NeededTooMuchMemory = "needed more than {megabytes} MB of memory (--max-memory)", "占用内存超过 {megabytes} MB（--max-memory）";
    StoppedWithTemplateFrom = "building {file} with template `{template}` from --template-dir {dir} {what}; stopped", "用 --template-dir {dir} 中的模板“{template}”生成 {file} 时{what}，已停止";
    StoppedWithTemplate = "building {file} with template `{template}` {what}; stopped", "用模板“{template}”生成 {file} 时{what}，已停止";
    StoppedWithItsTemplateFrom = "building {file} with its template from --template-dir {dir} {what}; stopped", "用 --template-dir {dir} 中的模板生成 {file} 时{what}，已停止";
    StoppedWithItsTemplate = "building {file} with its template {what}; stopped", "用其模板生成 {file} 时{what}，已停止";
    LoopLikely = "documents finished before it were written; a loop in the template's files (its .md or style.typ) is the likely cause", "此前完成的文档已写出；原因多半是模板文件（.md 或 style.typ）中有死循环";
    WordNotWritten = "the Word file could not be written: {reason}", "无法写出 Word 文件（“{reason}”）";
    FencedBlock = "```{lang} block: {text}", "```{lang} 代码块：{text}";
    BlockAtLine = "the block is at line {line} of the Markdown body", "该代码块在 Markdown 正文第 {line} 行";

    // Templates (render/)
    CannotOpenTemplateFolder = "cannot open the template folder: {reason}", "无法打开模板文件夹：{reason}";
    NoSuchTemplate = "there is no template `{name}`", "没有名为“{name}”的模板";
    TheTemplatesAre = "the templates are: {names}", "现有模板：{names}";
    FieldsInContract = "fields {fields} are already part of the data contract; remove them from `fields`", "字段{fields}已是数据约定中的字段：请从“fields”中删去";
    TemplateHasNoFile = "template `{template}` has no file `{file}`", "模板“{template}”中没有文件“{file}”";
    NoStarter = "template `{template}` has no starter in `{lang}`", "模板“{template}”没有“{lang}”语言的样例";
    StarterPathInside = "{path}: `{file}` must be a relative path inside the starter's folder", "{path}：“{file}”须是样例文件夹内的相对路径";
    TemplateFileMissing = "the template file `{name}` is missing", "缺少模板文件“{name}”";
    FieldMissingFromData = "a field the template uses is missing from the data; optional fields are `none` when absent: test them with `{{% if field %}}`", "模板用到的字段在数据中没有；可选字段缺省时为“none”：请用“{{% if field %}}”判断";
    TemplateFault = "{kind}: {detail}", "模板出错：{kind}（minijinja 的说明：“{detail}”）";
    TemplateFaultKind = "{kind}", "模板出错：{kind}";
    TplSyntax = "syntax error", "语法错误";
    TplUndefined = "undefined value", "用到了未定义的值";
    TplUnknownFilter = "unknown filter", "未知的过滤器";
    TplUnknownFunction = "unknown function", "未知的函数";
    TplUnknownTest = "unknown test", "未知的测试";
    TplUnknownMethod = "unknown method", "未知的方法";
    TplNotFound = "template not found", "找不到模板文件";
    TplInvalidOperation = "invalid operation", "无效的操作";
    TplTooManyArguments = "too many arguments", "参数过多";
    TplMissingArgument = "missing argument", "缺少参数";
    TplOutOfFuel = "engine ran out of fuel", "运行步数超过上限（fuel），可能有死循环";
    TplBadInclude = "could not render include", "无法展开 include 的模板";
    TplCannotUnpack = "cannot unpack", "无法拆解取值";
    TplBadEscape = "bad string escape", "字符串中的转义符有误";
    TplOther = "{kind}", "{kind}";
    NotUtf8Text = "it is not UTF-8 text", "不是 UTF-8 编码的文本";
    StarterFilesShape = "a starter's files are a mapping of relative paths to texts (`units/a.yaml: |`)", "样例文件应为“相对路径: 文字”的映射（如“units/a.yaml: |”）";
    CannotWrite = "cannot write: {reason}", "无法写入：{reason}";
    AlreadyHoldsTemplates = "{folder} already holds template files; nothing was written", "{folder} 中已有模板文件，未写入任何文件";
    FirstExistingFile = "first existing file: {file}", "第一个已有的文件：{file}";
    ExportIntoEmpty = "export into an empty or new folder", "请导出到空文件夹或新文件夹";

    // zongjie form (cli/form.rs)
    FormExists = "{file} already exists; no form was written", "{file} 已存在，未写出任何表格";
    FormNeverOverwrites = "form never overwrites: move the forms written before away, or write these into another folder with -o DIR", "form 不会覆盖已有文件：请移走先前生成的表格，或用 -o DIR 写到其他文件夹";
    NotABulletin = "this is {what}, not a `monthly-bulletin`", "这是{what}，不是“monthly-bulletin”简报";
    FormWritesForms = "form writes the forms of a bulletin's units: give it the bulletin's data file (`template: monthly-bulletin`)", "form 为简报的各单位生成报表：请给出简报的数据文件（“template: monthly-bulletin”）";
    MarkdownByBuild = "Markdown written by build", "build 生成的 Markdown 文件";
    ASpreadsheet = "a spreadsheet (a unit's return?)", "电子表格（单位报表？）";
    ADocumentOf = "a `{template}` document", "“{template}”文档";
    NoRoster = "no `roster:`: there is no unit to write a form for", "没有“roster:”：没有可生成表格的单位";
    AddRoster = "form writes one form per roster unit: add `roster:`, the names of the units that report", "form 为名单中的每个单位生成一份表格：请加上“roster:”，写明报送单位的名称";
    NoCollect = "no `collect:`: the forms would ask for nothing", "没有“collect:”：表格中没有要填的指标";
    ListCollect = "list the metrics the units report under `collect:`, each with its `id`, `label` and `unit`", "请在“collect:”下列出各单位要报的指标，每项写明“id”“label”和“unit”";
    NoPeriod = "no `period:`: a form says which period it asks about", "没有“period:”：表格要写明所报期间";
    AddPeriod = "add the bulletin's `period:` (such as 2026-10)", "请加上简报的“period:”（如 2026-10）";
    FormsClash = "the forms of \"{first}\" and \"{second}\" would both be {name}", "“{first}”和“{second}”的表格都会命名为 {name}";
    TellThemApart = "tell them apart in `roster:` by more than case or / \\ : * ? \" < > | (which become _)", "请在“roster:”中把它们区分开，不能只差大小写或“/ \\ : * ? \" < > |”（这些字符会变成 _）";
    FormNotLaidOut = "cannot lay out the form of {unit}: {reason}", "无法排出{unit}的表格（“{reason}”）";
    FormCsvFailed = "cannot write the form as CSV: {reason}", "无法写出 CSV 表格（“{reason}”）";
    FormWithoutPeriod = "the bulletin has no `period:`: a form says which period it asks for", "简报没有“period:”：表格要写明所报期间";
    NoFormWritten = "no form was written", "未写出任何表格";
    CannotCreateFolder = "cannot create the folder {folder}: {reason}", "无法创建文件夹 {folder}：{reason}";
    WroteOneForm = "wrote 1 form, one per unit of the roster of {bulletin}, into {folder}: send each to its unit to fill in", "已按 {bulletin} 的名单为每个单位生成表格，共 1 份，写入 {folder}：请分发各单位填报";
    WroteForms = "wrote {count} forms, one per unit of the roster of {bulletin}, into {folder}: send each to its unit to fill in", "已按 {bulletin} 的名单为每个单位生成表格，共 {count} 份，写入 {folder}：请分发各单位填报";
    CannotWriteForms = "cannot write the forms into {folder}: {reason}", "无法把表格写入 {folder}：{reason}";

    // zongjie new, templates, schema, serve (cli/)
    IsASymlink = "{file} is a symbolic link; nothing was written", "{file} 是符号链接，未写入任何文件";
    SamplesOwnFolder = "the sample unit returns are written into a folder of their own: make the starter in another folder", "样例单位报表要写到单独的文件夹中：请在其他文件夹中生成样例";
    AlreadyExists = "{file} already exists; nothing was written", "{file} 已存在，未写入任何文件";
    NameAnotherFile = "name another file, in another folder: zongjie new TEMPLATE FILE", "请换一个文件名或文件夹：zongjie new TEMPLATE FILE";
    CannotWriteFile = "cannot write {file}: {reason}", "无法写入 {file}：{reason}";
    NothingWritten = "nothing was written", "未写入任何文件";
    WroteStarter = "wrote {file}, with its JSON Schema {schema} for editors: edit it, then run `zongjie build {file}`", "已写出 {file}，以及供编辑器使用的 JSON Schema {schema}：修改后运行“zongjie build {file}”";
    WroteStarterWithSamples = "wrote {file} and {count} sample unit returns beside it ({folder}), with its JSON Schema {schema} for editors: edit it, then run `zongjie build {file}`", "已写出 {file} 及其旁边的 {count} 份样例单位报表（{folder}），以及供编辑器使用的 JSON Schema {schema}：修改后运行“zongjie build {file}”";
    ReferenceNotMade = "the reference Word file could not be made: {reason}", "无法生成 Word 样式文件（“{reason}”）";
    WroteTemplateFiles = "wrote {count} files under {folder}; use them with --template-dir {folder}", "已在 {folder} 下写出 {count} 个文件；使用时加 --template-dir {folder}";
    CannotWriteSchema = "cannot write the schema: {reason}", "无法写出 schema：{reason}";
    CannotServe = "cannot serve on 127.0.0.1, {port}: {reason}", "无法在 127.0.0.1 的{port}上提供服务：{reason}";
    AFreePort = "a free port", "空闲端口";
    PortNumber = "port {port}", "{port} 端口";
    NoAddress = "the server has no address on 127.0.0.1", "服务器在 127.0.0.1 上没有地址";
    ServingAt = "serving at {url} (on this computer only); press Ctrl-C to stop", "正在 {url} 提供服务（仅限本机访问）；按 Ctrl-C 停止";
    StartServeAgain = "start `zongjie serve` again, or use --poll", "请重新运行“zongjie serve”，或加 --poll";
    CannotOpenBrowser = "cannot open the browser: {reason}", "无法打开浏览器：{reason}";
    OpenYourself = "open {url} yourself", "请自行打开 {url}";
    AnotherPort = "name another port with --port N, or leave it out for a free one", "请用 --port N 换一个端口，或不写此项以使用空闲端口";

    // Usage errors of the command line, in Chinese (cli/mod.rs; clap writes the English ones)
    UnknownArgument = "unexpected argument `{arg}`", "未知的参数“{arg}”";
    UnknownSubcommand = "unrecognized subcommand `{command}`", "未知的子命令“{command}”";
    InvalidArgValue = "invalid value `{value}` for `{arg}`", "参数“{arg}”的取值“{value}”无效";
    MissingArguments = "the following required arguments were not provided: {args}", "缺少必需的参数：{args}";
    ArgumentsConflict = "the argument `{arg}` cannot be used with `{other}`", "参数“{arg}”不能与“{other}”同时使用";
    WrongArgumentUse = "the argument `{arg}` is not used as it should be", "参数“{arg}”的用法不对";
    PossibleValues = "possible values: {values}", "可选的值：{values}";
    TryHelp = "for more information, try `--help`", "更多信息请运行“zongjie --help”";

    // Chart blocks (data/chart.rs)
    AtLine = "line {line}: {text}", "第{line}行：{text}";
    ChartScale = "scale must be `all` or `row`", "scale 应为“all”或“row”";
    ChartKind = "kind `{kind}` is not a chart zongjie draws: use `bar` or `column`", "zongjie 不能绘制“{kind}”类图表：请用“bar”或“column”";
    ChartLabels = "a chart needs 1 to {max} labels, found {found}", "图表应有 1 至 {max} 个标签，实际有 {found} 个";
    ChartSeries = "a chart needs 1 to {max} series, found {found}", "图表应有 1 至 {max} 个数据系列，实际有 {found} 个";
    ChartValuesPerLabel = "series `{series}` has {values} value(s) for {labels} label(s): give one value per label", "数据系列“{series}”有 {values} 个值，而标签有 {labels} 个：每个标签对应一个值";
    ChartTextsPerLabel = "series `{series}` has texts for {labels} label(s): give one text per label", "数据系列“{series}”的文字与 {labels} 个标签不对应：每个标签对应一段文字";
    ChartSeriesValue = "series `{series}`: {why}", "数据系列“{series}”：{why}";
    SpreadsheetUnreadable = "cannot be read as {what} spreadsheet ({reason})", "无法作为{what}电子表格读取（“{reason}”）";
    FormatXls = "an Excel 97–2003 (.xls)", "Excel 97–2003（.xls）格式的";
    FormatOds = "an OpenDocument (.ods)", "OpenDocument（.ods）格式的";
    FormatXlsx = "an Excel (.xlsx)", "Excel（.xlsx）格式的";
    WouldInflate = "would inflate to over {limit} MB when opened; returns that large are refused", "打开后将超过 {limit} MB，这么大的报表不予处理";
    SheetUnreadable = "sheet {sheet} cannot be read ({reason})", "工作表 {sheet} 无法读取（“{reason}”）";
    BadCsv = "is not well-formed CSV ({reason})", "不是格式正确的 CSV（“{reason}”）";
    StartsAsUtf8 = "starts as UTF-8 but is not valid UTF-8", "开头是 UTF-8，但不是有效的 UTF-8 编码";
    NotValidUtf16 = "is not valid UTF-16", "不是有效的 UTF-16 编码";
    CsvEncoding = "is neither UTF-8 nor GBK/GB 18030 text: save it from Excel or WPS as CSV (UTF-8)", "既不是 UTF-8 也不是 GBK/GB 18030 文本：请用 Excel 或 WPS 另存为 CSV（UTF-8）";
}
