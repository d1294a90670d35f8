//! The advisory lock every read-modify-write holds, so two relapse-plans
//! (two windows, a script) never lose each other's changes.

use std::fs::{self, File};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use super::Store;
use super::files::{
    check_revisions_folder, create_private_dir, link_target, private_options, refuse_special,
    remove_stale_temps, say_replaced, tighten,
};
use crate::error::{Error, Result};

const LOCK_FILE: &str = ".lock";
const WALK_LOCK_FILE: &str = ".walk.lock";

/// How long a save waits for another one to finish: a save takes
/// milliseconds, so this long means something is stuck.
pub const LOCK_WAIT_SECONDS: u64 = 10;

impl Store {
    /// Takes the advisory lock, creating the folder if needed, and clears
    /// temp files left by a save that was killed part-way. While another
    /// relapse-plan holds it, says so once and waits, for
    /// [`LOCK_WAIT_SECONDS`] at most.
    pub(super) fn lock(&self) -> Result<File> {
        let (path, file) = self.open_lock_file(LOCK_FILE)?;
        let started = std::time::Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(source)) => {
                    return Err(Error::Write { path, source });
                }
            }
            if started.elapsed().as_secs() >= LOCK_WAIT_SECONDS {
                return Err(Error::LockTimeout {
                    path,
                    seconds: LOCK_WAIT_SECONDS,
                });
            }
            if !told {
                // The store's one word to the terminal: silence here would
                // look like a hang.
                eprintln!(
                    "Another relapse-plan is saving your plan just now; waiting for it to finish…"
                );
                told = true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        // Temp files only ever live in the plan folder itself (see
        // `commit`), so this scan stays small however long the history.
        remove_stale_temps(&self.dir);
        Ok(file)
    }

    /// Opens one of the plan folder's lock files (made if missing, in a
    /// private folder), never through a link or into a FIFO or device.
    fn open_lock_file(&self, name: &str) -> Result<(std::path::PathBuf, File)> {
        create_private_dir(&self.dir)?;
        if tighten(&self.dir)? {
            self.made_private
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        check_revisions_folder(&self.revisions_dir())?;
        let path = self.dir.join(name);
        if let Some(target) = link_target(&path) {
            // The lock holds nothing, so a link in its place is removed (the
            // link only, never what it points to) and the lock made anew.
            fs::remove_file(&path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            say_replaced(&self.dir, &path, &target);
        }
        if self.revisions_dir().is_dir() {
            tighten(&self.revisions_dir())?;
        }
        in_the_way(&path)?;
        refuse_special(&path)?;
        let file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            // Never waits, and never follows a link made since the check
            // above: a FIFO swapped in opens at once, and is refused below.
            .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        Ok((path, file))
    }

    /// Held while a walk-through (`new`, `map`, `rank`) is open: they share
    /// one set of unfinished answers, so a second one at the same time
    /// would write over the first's (Trudy typed in two windows; one
    /// window's answers were lost after "Everything you typed is kept").
    /// The second is refused before it asks anything, naming the first.
    /// The lock goes with the process, so a window closed or killed never
    /// leaves it held.
    pub fn hold_walk_through(&self, command: &str) -> Result<File> {
        let (path, mut file) = self.open_lock_file(WALK_LOCK_FILE)?;
        match file.try_lock() {
            Ok(()) => {
                // Which walk-through holds it, for the words the next one says.
                let _ = file.set_len(0);
                let _ = std::io::Write::write_all(&mut file, command.as_bytes());
                Ok(file)
            }
            Err(fs::TryLockError::WouldBlock) => {
                let mut held = String::new();
                let _ =
                    std::io::Read::read_to_string(&mut std::io::Read::take(&file, 16), &mut held);
                let other = ["new", "map", "rank"]
                    .into_iter()
                    .find(|known| held == *known)
                    .unwrap_or("new");
                Err(Error::WalkThroughOpen {
                    other: other.to_string(),
                })
            }
            Err(fs::TryLockError::Error(source)) => Err(Error::Write { path, source }),
        }
    }
}

/// Refuses what is not a lock file where `.lock` belongs (a FIFO, a
/// folder, a socket or a device; a link has been taken away already),
/// saying what it is and the command that removes it: nothing of the plan
/// is ever kept there. A folder that holds something is moved aside
/// rather than removed, so nothing in it is lost.
fn in_the_way(path: &Path) -> Result<()> {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Ok(());
    };
    let kind = meta.file_type();
    let word = crate::render::rescue::path_word(path);
    let (what, remove) = if kind.is_file() || kind.is_symlink() {
        return Ok(());
    } else if kind.is_dir() {
        let empty = fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none());
        if empty {
            ("an empty folder", format!("rmdir {word}"))
        } else {
            let aside = path.with_file_name(".lock-moved-aside");
            (
                "a folder with something in it",
                format!("mv {word} {}", crate::render::rescue::path_word(&aside)),
            )
        }
    } else if kind.is_fifo() {
        ("a pipe (a FIFO)", format!("rm {word}"))
    } else if kind.is_socket() {
        ("a socket", format!("rm {word}"))
    } else {
        ("a device", format!("rm {word}"))
    };
    Err(Error::LockInTheWay {
        path: path.to_path_buf(),
        what,
        remove,
    })
}
