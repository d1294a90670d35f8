//! The plan directory: the one place that touches plan files on disk.
//!
//! ```text
//! <dir>/plan.toml             the current revision, readable and editable by hand
//! <dir>/revisions/000001.toml every saved revision, never rewritten
//! <dir>/.lock                 advisory lock held by every read-modify-write
//! ```
//!
//! Every write goes to a temp file in the same folder (0600), is synced,
//! renamed over the target, and the folder is synced, so a crash leaves
//! either the old file or the new one, never half of one. A revision is
//! written before plan.toml, so a crash between the two leaves plan.toml one
//! revision behind, which the next read notices and recovers from.
//!
//! By concern: [`files`] keeps any file safe (atomic, private, size-limited
//! writes and reads, `-o` paths); [`revisions`] saves, loads, recovers and
//! restores the plan; [`lock`] serialises every read-modify-write; the side
//! files beside the plan have their own modules ([`side_files`]: drafts,
//! homework, the practice log; [`checkins`]; [`history`], the index).

mod checkins;
mod files;
mod history;
mod homework;
mod lock;
mod revisions;
mod side_files;

use std::path::{Path, PathBuf};

use crate::plan::Plan;
use crate::plan::validate::Problem;

pub use files::{
    MAX_FILE_BYTES, Output, Place, check_output, create_private_dir, is_device, is_existing_file,
    is_stdout, is_zone_file, place_of, read_limited, read_limited_as, write_atomic, write_output,
};
pub use homework::{
    SET_HOMEWORK, assignment_from, check_hand_in, hand_in_from, read_assignment, read_hand_in,
    read_hand_in_bytes, read_set_assignment,
};
pub use lock::LOCK_WAIT_SECONDS;
pub use revisions::fold_note;

const PLAN_FILE: &str = "plan.toml";
const REVISIONS_DIR: &str = "revisions";

/// The plan directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Set when this run made the plan folder private, having found it
    /// open to others: `init` and `new` say so, once (see
    /// [`Store::made_private`]). Shared by clones, as they are one store.
    made_private: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// A plan as read, with what the person should be told about it.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    /// Where it was read from.
    pub path: PathBuf,
    /// Set when the file comes from a newer relapse-plan: read-only.
    pub newer_schema: Option<i64>,
    /// What validation found in the file as it is.
    pub problems: Vec<Problem>,
    /// One-line notices for stderr (a recovery, say).
    pub warnings: Vec<String>,
    /// Read from its newest saved revision, since `plan.toml` was missing
    /// or behind it (a save cut short): the first warning says so, in the
    /// words `validate` and `history` use; `now` says it more kindly.
    pub recovered: bool,
}

/// What a change did.
#[derive(Debug)]
pub enum Saved {
    /// The change left the plan as it was, so no revision was written.
    Unchanged(Plan),
    /// A new revision was written.
    Revision(Plan),
}

impl Store {
    /// The store in `dir`; nothing is created until the first save.
    pub fn open_dir(dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: dir.into(),
            made_private: std::sync::Arc::default(),
        }
    }

    /// Whether this run found the plan folder open to others (0755, 0777)
    /// and made it readable by its owner alone, asked once: the next ask
    /// says no, so it is said once.
    pub fn made_private(&self) -> bool {
        self.made_private
            .swap(false, std::sync::atomic::Ordering::Relaxed)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn plan_path(&self) -> PathBuf {
        self.dir.join(PLAN_FILE)
    }

    pub(crate) fn revisions_dir(&self) -> PathBuf {
        self.dir.join(REVISIONS_DIR)
    }

    pub fn revision_path(&self, revision: u64) -> PathBuf {
        self.revisions_dir().join(format!("{revision:06}.toml"))
    }
}
