//! Reading a file the user named: only a regular file (a FIFO, a device or
//! a socket could block for ever or never end), and never more than a
//! bound. Every file zongjie reads goes through [`read`]: data files, unit
//! returns, images, the files a template's style reads, fonts' cache.

use std::fs;
use std::io::Read as _;
use std::path::Path;

use super::msg::{Message, msg};

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A folder.
    Folder,
    /// A FIFO, device or socket.
    NotRegular,
    /// Larger than the bound; its size when known.
    TooLarge(Option<u64>),
    /// The system's error.
    Io(std::io::Error),
}

impl ReadError {
    /// The reason, as the end of "cannot read the file: …".
    pub fn reason(&self) -> Message {
        match self {
            ReadError::Folder => msg!(ItIsAFolder),
            ReadError::NotRegular => msg!(NotARegularFile),
            ReadError::TooLarge(_) => msg!(ItIsTooLarge),
            ReadError::Io(e) => io_reason(e),
        }
    }
}

/// The system's reason, in words a user knows, in the reader's language;
/// a reason the catalogue has no words for is the system's own text, quoted.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => msg!(NoSuchFile),
        K::PermissionDenied => msg!(PermissionDenied),
        K::IsADirectory => msg!(FolderNotFile),
        K::NotADirectory => msg!(OsNotADirectory),
        K::AlreadyExists => msg!(OsAlreadyExists),
        K::DirectoryNotEmpty => msg!(OsDirectoryNotEmpty),
        K::ReadOnlyFilesystem => msg!(OsReadOnly),
        K::StorageFull => msg!(OsStorageFull),
        K::QuotaExceeded => msg!(OsQuotaExceeded),
        K::FileTooLarge => msg!(OsFileTooLarge),
        K::InvalidFilename => msg!(OsInvalidFilename),
        K::ResourceBusy | K::ExecutableFileBusy => msg!(OsBusy),
        K::CrossesDevices => msg!(OsCrossesDevices),
        K::TooManyLinks => msg!(OsTooManyLinks),
        K::AddrInUse => msg!(OsAddrInUse),
        K::AddrNotAvailable => msg!(OsAddrNotAvailable),
        K::TimedOut => msg!(OsTimedOut),
        K::Interrupted => msg!(OsInterrupted),
        _ => msg!(OsOther, detail = e.to_string()),
    }
}

/// The reason of an error from a library (a watcher, a server), in words a
/// user knows where it is the system's (see [`io_reason`]), else its own
/// text, quoted.
pub fn error_reason(e: &(dyn std::error::Error + 'static)) -> Message {
    let mut at: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(error) = at {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return io_reason(io);
        }
        at = error.source();
    }
    msg!(OsOther, detail = e.to_string())
}

/// Opens `path` for reading when it is a regular file. The kind is checked
/// before opening (opening a FIFO waits for a writer) and again on the open
/// file (it may have been swapped meanwhile).
pub fn open_regular(path: &Path) -> Result<fs::File, ReadError> {
    let kind = fs::metadata(path).map_err(ReadError::Io)?;
    if kind.is_dir() {
        return Err(ReadError::Folder);
    }
    if !kind.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(ReadError::Io)?;
    if !file.metadata().map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok(file)
}

/// The bytes of the regular file `path`, refused when it holds more than
/// `max` (without reading more than that).
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > max {
        return Err(ReadError::TooLarge(Some(size)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(max + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(None));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;

    #[test]
    fn the_systems_reasons_are_worded_in_the_readers_language() {
        use std::io::{Error, ErrorKind};
        let said = |kind: ErrorKind| {
            let reason = io_reason(&Error::from(kind));
            (reason.render(Lang::En), reason.render(Lang::Zh))
        };
        assert_eq!(said(ErrorKind::NotFound), ("no such file".into(), "文件不存在".into()));
        assert_eq!(said(ErrorKind::PermissionDenied), ("permission denied".into(), "没有访问权限".into()));
        assert_eq!(
            said(ErrorKind::NotADirectory),
            ("a part of the path is not a folder".into(), "路径中有一段不是文件夹".into())
        );
        assert_eq!(said(ErrorKind::StorageFull), ("the disk is full".into(), "磁盘已满".into()));
        // A reason without words of ours: the system's own text, quoted in Chinese.
        let other = io_reason(&Error::other("odd failure"));
        assert_eq!(other.render(Lang::En), "odd failure");
        assert_eq!(other.render(Lang::Zh), "系统错误（“odd failure”）");
        // Inside a library's error, the system's reason is found.
        let wrapped: Box<dyn std::error::Error> = Box::new(Error::from(ErrorKind::AddrInUse));
        assert_eq!(error_reason(wrapped.as_ref()).render(Lang::Zh), "端口已被其他程序占用");
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, b"12345").unwrap();
        assert_eq!(read(&file, 5).unwrap(), b"12345");
        assert!(matches!(read(&file, 4), Err(ReadError::TooLarge(Some(5)))));
        assert!(matches!(read(dir.path(), 10), Err(ReadError::Folder)));
        assert!(matches!(read(&dir.path().join("missing"), 10), Err(ReadError::Io(_))));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
            assert!(made.success(), "mkfifo failed");
            // Returns at once instead of waiting for a writer.
            assert!(matches!(read(&fifo, 10), Err(ReadError::NotRegular)));
        }
    }
}
