//! Generic file safety, for any file relapse-plan reads or writes: atomic,
//! owner-only writes, private folders, reads refused past a size limit or
//! from anything but a regular file, and the checks on `-o` paths.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Plan files beyond this size are refused before they are read: a real
/// plan is a few kilobytes, and a huge file is a mistake or an attack.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

const TEMP_PREFIX: &str = ".relapse-plan-";
const TEMP_SUFFIX: &str = ".tmp";

/// Refuses a path that exists and is not a regular file (a FIFO, a device,
/// a folder), before anything opens it: opening a FIFO waits for a writer.
pub(super) fn refuse_special(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(Error::NotAFile {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// Reads a whole file, refusing anything that is not a regular file or is
/// larger than [`MAX_FILE_BYTES`] before reading it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>> {
    read_limited_as(path, "a plan file")
}

/// [`read_limited`] for a file of another kind (`what`: "a vCard file"),
/// which a refusal for its size names.
pub fn read_limited_as(path: &Path, what: &'static str) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    refuse_special(path)?;
    // Non-blocking as well, for a FIFO swapped in after the check above.
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = |size| Error::TooLarge {
        what,
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Refuses to write what [`read_limited`] would then refuse to read: a save
/// that crossed the limit would lock the person out of their own file.
pub(super) fn within_limit(what: &'static str, path: &Path, bytes: &[u8]) -> Result<()> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(Error::WouldBeTooLarge {
            what,
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Whether a `-o` path means standard output (`-`, as in most
/// command-line tools).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Checks a file named with `-o` before any work is done: never a file in
/// the plan's folder (plan.toml, a revision that is never rewritten), never
/// a folder. One check for every command that writes a file.
pub fn check_output(plan_dir: &Path, path: &Path) -> Result<()> {
    // The plan folder itself (`-o .` from inside it, or its own name) is
    // not "inside" it: said as what it is, with a file to give instead,
    // in the folder that holds it.
    if let (Ok(dir), Ok(given)) = (plan_dir.canonicalize(), path.canonicalize())
        && dir == given
    {
        let example = dir
            .parent()
            .unwrap_or(Path::new("/"))
            .join("my-crisis-plan");
        return Err(Error::OutputIsPlanFolder {
            path: path.to_path_buf(),
            example,
        });
    }
    if inside_folder(plan_dir, path) {
        return Err(Error::OutputInPlanFolder {
            path: path.to_path_buf(),
        });
    }
    if fs::metadata(path).is_ok_and(|meta| meta.is_dir()) {
        // A file inside it, never the folder's own name (`adir.toml` is
        // what was refused); the folder's ending, if any, kept for the file.
        let example = match path.extension() {
            Some(ext) => path.join(format!("my-crisis-plan.{}", ext.to_string_lossy())),
            None => path.join("my-crisis-plan"),
        };
        return Err(Error::OutputIsFolder {
            path: path.to_path_buf(),
            example,
        });
    }
    // A folder that is not there would surface as the system's "entity
    // not found", which names neither the folder nor what to do.
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
        && !fs::metadata(folder).is_ok_and(|meta| meta.is_dir())
    {
        return Err(Error::OutputFolderMissing {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    Ok(())
}

/// Opens a device or a FIFO to write to without waiting: a named pipe no
/// program reads would otherwise block the open forever (ENXIO says so at
/// once instead). Once open, writes block again as usual, so a large PDF
/// into a slow reader is written whole.
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use nix::fcntl::{FcntlArg, OFlag, fcntl};
    use std::os::unix::fs::OpenOptionsExt;
    let open = || {
        fs::OpenOptions::new()
            .write(true)
            .custom_flags(nix::libc::O_NONBLOCK)
            .open(path)
    };
    // A reader started at the same moment (`cat pipe &` just before) may
    // not have opened its end yet: a moment's grace, two seconds at most,
    // then ENXIO says no program reads it.
    let mut tries = 0;
    let file = loop {
        match open() {
            Err(e) if e.raw_os_error() == Some(nix::libc::ENXIO) && tries < 20 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => break other?,
        }
    };
    let flags = OFlag::from_bits_truncate(fcntl(&file, FcntlArg::F_GETFL)?);
    fcntl(&file, FcntlArg::F_SETFL(flags - OFlag::O_NONBLOCK))?;
    Ok(file)
}

/// What the file system says a refused path is, for the words that say
/// who can put it right: asked, never guessed from the name (a folder may
/// be called `x.d`, a file `notes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A folder, as it is.
    Folder(PathBuf),
    /// A file, in this folder.
    FileIn(PathBuf),
    /// Nothing there (yet): the nearest folder that is, where it would be
    /// made.
    MadeIn(PathBuf),
    /// Nothing on the way to it could be looked at.
    Unknown,
}

/// What `path` is, by `symlink_metadata` (a link is not followed: it is a
/// file in its folder); where it can't be looked at, the nearest folder
/// above it that can. Bounded by the path's depth.
pub fn place_of(path: &Path) -> Place {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Place::Folder(path.to_path_buf()),
        Ok(_) => {
            return path
                .parent()
                .map_or(Place::Unknown, |p| Place::FileIn(p.to_path_buf()));
        }
        Err(_) => {}
    }
    path.ancestors()
        .skip(1)
        .filter(|p| !p.as_os_str().is_empty())
        .find_map(|p| match fs::symlink_metadata(p) {
            Ok(meta) if meta.is_dir() => Some(Place::MadeIn(p.to_path_buf())),
            Ok(_) => Some(Place::Unknown),
            Err(_) => None,
        })
        .unwrap_or(Place::Unknown)
}

/// Whether a `-o` file would replace a regular file already there (a
/// device, a FIFO or nothing at all would not): the question to ask before
/// writing over it.
pub fn is_existing_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|meta| meta.is_file())
}

/// Whether `path` is a device (`/dev/null`, a terminal), which keeps
/// nothing written to it.
pub fn is_device(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        fs::metadata(path).is_ok_and(|meta| {
            meta.file_type().is_char_device() || meta.file_type().is_block_device()
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether `path` is a file a time zone's rules could be read from: a
/// regular file of at most 1 MiB (a zone file is a few kilobytes). `TZ`
/// may name a file, and the zone reader reads it whole: `TZ=/dev/zero`
/// grew to gigabytes and a FIFO hung every command, `now` too (Trudy).
pub fn is_zone_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.len() <= 1 << 20)
}

/// Writes what a command made to the file named with `-o`, checked as
/// [`check_output`] does. A device or a FIFO (`/dev/null`, `>(gpg -e)`) is
/// written directly, never replaced by a regular file; a regular file is
/// replaced atomically, so a reader never sees half of it. Returns where
/// it went, so the person is told as plainly for `/dev/null` as for a file.
pub fn write_output(plan_dir: &Path, path: &Path, bytes: &[u8]) -> Result<Output> {
    check_output(plan_dir, path)?;
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let write_error = |source| Error::Write {
                path: path.to_path_buf(),
                source,
            };
            let mut file = open_without_waiting(path).map_err(|source| {
                if source.raw_os_error() == Some(nix::libc::ENXIO) {
                    Error::NoReader {
                        path: path.to_path_buf(),
                    }
                } else {
                    write_error(source)
                }
            })?;
            file.write_all(bytes).map_err(write_error)?;
            file.flush().map_err(write_error)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                if meta.file_type().is_fifo() {
                    return Ok(Output::Pipe);
                }
            }
            Ok(Output::Device)
        }
        _ => {
            write_atomic(path, bytes)?;
            remove_abandoned_temps(path);
            Ok(Output::File)
        }
    }
}

/// How old a temp file of ours must be before it counts as abandoned: a
/// write takes well under a second, so one this old was cut short.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_mins(10);

/// Removes, beside `written` (a file just written), what a killed write
/// there left (a SIGKILL during `homework submit -o` left a hand-in's text
/// in Downloads, Trudy): only regular files named exactly as ours are
/// (`.relapse-plan-XXXXXX.tmp`), owned by whoever owns `written` (this
/// program's user), not linked elsewhere, and untouched for ten minutes.
fn remove_abandoned_temps(written: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(me) = fs::metadata(written).map(|meta| meta.uid()) else {
            return;
        };
        let Ok(entries) = fs::read_dir(parent_of(written)) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(middle) = name
                .to_str()
                .and_then(|n| n.strip_prefix(TEMP_PREFIX))
                .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
            else {
                continue;
            };
            let ours = middle.len() == 6 && middle.bytes().all(|b| b.is_ascii_alphanumeric());
            let abandoned = entry.path().symlink_metadata().is_ok_and(|meta| {
                meta.file_type().is_file()
                    && meta.uid() == me
                    && meta.nlink() == 1
                    && meta
                        .modified()
                        .ok()
                        .and_then(|at| at.elapsed().ok())
                        .is_some_and(|age| age >= ABANDONED_AFTER)
            });
            if ours && abandoned {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    #[cfg(not(unix))]
    let _ = written;
}

/// Where a `-o` write went: each keeps what was written differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A regular file, which keeps it.
    File,
    /// A device (`/dev/null`, a terminal), which keeps nothing.
    Device,
    /// A FIFO, which hands it to whatever reads it.
    Pipe,
}

/// Whether `path` would land in `dir` (after following links).
pub(super) fn inside_folder(dir: &Path, path: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let lands_in = |p: &Path| p.canonicalize().is_ok_and(|p| p.starts_with(&dir));
    lands_in(parent_of(path)) || lands_in(path)
}

/// A file's bytes, or `None` when it does not exist (yet); `what` names
/// its kind ("the practice log") if it is too large.
pub(super) fn read_optional(path: &Path, what: &'static str) -> Result<Option<Vec<u8>>> {
    match read_limited_as(path, what) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes a file atomically with owner-only permissions: temp file in the
/// same folder, fsync, rename over the target, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_via(parent_of(path), path, bytes)
}

/// The folder a file is in; "." for a bare file name.
pub(super) fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// [`write_atomic`] with the temp file in `temp_dir` (same file system), so
/// a folder that grows large never needs scanning for leftovers.
pub(super) fn write_atomic_via(temp_dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = temp_dir;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    // tempfile names its own path in its errors; the person knows only
    // `path`, so errors are told without it (the kind of error is kept).
    let mut temp = builder
        .tempfile_in(dir)
        .map_err(|e| write_error(io::Error::from(e.kind())))?;
    temp.as_file_mut().write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    temp.persist(path).map_err(|e| write_error(e.error))?;
    let target_dir = parent_of(path);
    if target_dir != dir {
        sync_dir(target_dir)?;
    }
    sync_dir(dir)
}

/// Creates a folder readable by its owner alone (0700), whatever the umask.
/// An existing folder is left as it is: it may be one the person chose.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let write_error = |source| Error::Write {
        path: dir.to_path_buf(),
        source,
    };
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(write_error)?;
    #[cfg(unix)]
    {
        // The mode above is filtered by the umask; set it outright.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(write_error)?;
    }
    Ok(())
}

/// Makes a plan folder readable by its owner alone (0700) when it was left
/// open to others (0755, 0777): the plan says it is private, and every save
/// keeps it so. Whether it changed anything.
pub(super) fn tighten(dir: &Path) -> Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(dir).map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        // A sticky folder (like /tmp) is shared by design: making it 0700
        // would lock everyone else out of their own files.
        if meta.permissions().mode() & 0o1000 != 0 {
            return Err(Error::SharedFolder {
                path: dir.to_path_buf(),
            });
        }
        if meta.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|source| {
                Error::Write {
                    path: dir.to_path_buf(),
                    source,
                }
            })?;
            return Ok(true);
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(false)
}

/// Where `path` leads when it is itself a link (as written in the link,
/// against its folder), or `None` for anything else.
pub(super) fn link_target(path: &Path) -> Option<PathBuf> {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return None;
    }
    let shown = fs::read_link(path).unwrap_or_default();
    Some(
        path.canonicalize()
            .unwrap_or_else(|_| parent_of(path).join(shown)),
    )
}

/// Writes one of the files the plan folder keeps (the plan, its logs, the
/// draft). Nothing is ever written through a link: a link in its place is
/// replaced by a file of its own (the rename replaces the link itself,
/// never what it points to), and the person is told so in plain words.
pub(super) fn write_own(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let link = link_target(path);
    write_atomic_via(dir, path, bytes)?;
    if let Some(target) = link {
        say_replaced(dir, path, &target);
    }
    Ok(())
}

/// The one note for a link the plan folder no longer holds; the store's
/// word to the terminal, since silence would hide where the file went.
pub(super) fn say_replaced(dir: &Path, path: &Path, target: &Path) {
    let name = path.strip_prefix(dir).unwrap_or(path).display();
    let left = if target.exists() {
        format!(", and `{}` was left as it was", target.display())
    } else {
        String::new()
    };
    // Cleaned as every error is: a link's target is text from outside.
    let note = format!(
        "note: `{name}` in your plan folder was a link to `{}`; relapse-plan never writes through a link, so `{name}` is now a file of its own in the plan folder{left}.",
        target.display()
    );
    eprintln!("{}", crate::render::clean(&note));
}

/// An error reading one of the plan folder's files that is a link, said as
/// one: the person sees where the link leads, not only what was there.
pub(super) fn through_link(path: &Path, error: Error) -> Error {
    match link_target(path) {
        Some(target) => Error::ReadThroughLink {
            path: path.to_path_buf(),
            source: Box::new(error.naming(target.clone())),
            target,
        },
        None => error,
    }
}

/// Refuses a revisions folder that is not a folder of the plan's own: a
/// link (a save must never write, or change the permissions of, a place
/// outside the plan folder, and a read must not take another folder's
/// files, or none, as the plan's history) or a file. Nothing there is fine:
/// the first save makes it. One `lstat`, so every read can afford it.
pub(super) fn check_revisions_folder(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(Error::RevisionsNotAFolder {
            path: path.to_path_buf(),
            target: link_target(path).or_else(|| fs::read_link(path).ok()),
        }),
        Ok(meta) if !meta.is_dir() => Err(Error::RevisionsNotAFolder {
            path: path.to_path_buf(),
            target: None,
        }),
        _ => Ok(()),
    }
}

pub(super) fn private_options() -> fs::OpenOptions {
    #[allow(unused_mut)] // mutated on Unix only
    let mut options = fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Makes a rename durable: on Unix the folder entry itself must be synced.
pub(super) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes temp files left by a killed save. Only called under the lock, so
/// no other save can be writing them.
pub(super) fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
