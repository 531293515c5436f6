use std::io::Write as _;

use super::*;

fn options(existing: Existing) -> WriteOptions {
    WriteOptions {
        existing,
        durable: true,
        into_device: false,
        mode: 0o666,
    }
}

fn write(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<Option<File>, WriteError> {
    write_atomic(path, options, |file| file.write_all(bytes))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_is_written_whole_replaced_only_when_asked_and_nothing_else_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    write(&path, b"one", options(Existing::Keep)).unwrap();
    assert!(matches!(
        write(&path, b"two", options(Existing::Keep)),
        Err(WriteError::Exists)
    ));
    assert_eq!(fs::read(&path).unwrap(), b"one");
    write(&path, b"three", options(Existing::Replace)).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"three");
    assert_eq!(names(dir.path()), ["r.md"]);
}

#[test]
fn a_failure_part_way_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    write(&path, b"the last good save", options(Existing::Replace)).unwrap();
    let error = write_atomic(&path, options(Existing::Replace), |file| {
        file.write_all(b"a newer")?;
        Err(io::Error::from(io::ErrorKind::StorageFull))
    })
    .unwrap_err();
    assert!(matches!(error, WriteError::DiskFull), "{error:?}");
    assert_eq!(fs::read(&path).unwrap(), b"the last good save");
    assert_eq!(names(dir.path()), ["s.json"]);
}

#[test]
fn missing_folders_and_folders_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/r.md");
    assert!(matches!(
        write(&missing, b"x", options(Existing::Keep)),
        Err(WriteError::NoFolder(_))
    ));
    assert!(matches!(
        write(dir.path(), b"x", options(Existing::Replace)),
        Err(WriteError::IsFolder)
    ));
    let file = dir.path().join("file");
    fs::write(&file, "x").unwrap();
    assert!(matches!(
        write(&file.join("r.md"), b"x", options(Existing::Keep)),
        Err(WriteError::NoFolder(_))
    ));
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _, symlink};

    use super::*;

    fn mkfifo(path: &Path) {
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn a_link_is_never_written_through_or_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let link = dir.path().join("r.md");
        symlink(&victim, &link).unwrap();
        for existing in [Existing::Keep, Existing::Replace] {
            let mut options = options(existing);
            options.into_device = true;
            let error = write(&link, b"report", options).unwrap_err();
            assert_eq!(
                error.to_string(),
                "it is a symbolic link, which techhire never writes through or replaces"
            );
        }
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_link_at_the_old_temporary_name_receives_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("r.md");
        symlink(
            &victim,
            dir.path().join(format!(".r.md.{}.tmp", std::process::id())),
        )
        .unwrap();
        write(&path, b"report", options(Existing::Keep)).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert_eq!(fs::read(&path).unwrap(), b"report");
        assert!(fs::symlink_metadata(&path).unwrap().file_type().is_file());
    }

    #[test]
    fn a_fifo_is_written_into_only_when_allowed_and_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("r.md");
        mkfifo(&fifo);
        let error = write(&fifo, b"x", options(Existing::Replace)).unwrap_err();
        assert!(error.to_string().contains("a FIFO (named pipe)"), "{error}");
        let mut allowed = options(Existing::Keep);
        allowed.into_device = true;
        // Nobody reads from it: said at once, not waited for.
        assert!(matches!(
            write(&fifo, b"x", allowed),
            Err(WriteError::NoReader)
        ));
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(fifo).unwrap())
        };
        // The reader opens the FIFO some time after it starts; try until it has.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match write(&fifo, b"the report", allowed) {
                Ok(written) => {
                    assert!(written.is_none());
                    break;
                }
                Err(WriteError::NoReader) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(reader.join().unwrap(), b"the report");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(names(dir.path()), ["r.md"]);
    }

    #[test]
    fn devices_are_written_into_when_allowed_and_never_replaced() {
        let null = Path::new("/dev/null");
        let error = write(null, b"x", options(Existing::Replace)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is a character device, which techhire never writes through or replaces"
        );
        let mut allowed = options(Existing::Replace);
        allowed.into_device = true;
        assert!(write(null, b"report", allowed).unwrap().is_none());
        assert!(fs::metadata(null).unwrap().file_type().is_char_device());
        if Path::new("/dev/full").exists() {
            assert!(matches!(
                write(Path::new("/dev/full"), b"report", allowed),
                Err(WriteError::DiskFull)
            ));
        }
        // /dev/stdout is a link to the terminal or pipe the output goes to.
        if fs::metadata("/dev/stdout").is_ok_and(|m| m.file_type().is_char_device()) {
            assert!(write(Path::new("/dev/stdout"), b"", allowed).is_ok());
        }
    }

    #[test]
    fn a_system_folder_that_takes_no_files_is_not_called_missing() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let error = write(Path::new("/proc/r.html"), b"x", options(Existing::Keep)).unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("the folder /proc does not take new files"),
            "{message}"
        );
    }

    #[test]
    fn new_files_get_the_mode_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut private = options(Existing::Keep);
        private.mode = 0o600;
        write(&path, b"{}", private).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
