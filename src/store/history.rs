//! The history index, `revisions/index.jsonl`: one line per revision (number,
//! time, note), appended under the lock as each revision is saved, so
//! `history` reads one small file instead of every revision. The revision
//! files stay the truth: a line lost to a crash is read from its revision
//! file, and a save that finds the index behind rewrites it whole.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Store;
use super::files::{link_target, private_options, write_own};
use crate::error::{Error, Result};
use crate::plan::RevisionInfo;

const INDEX_FILE: &str = "index.jsonl";
/// The index is ~100 bytes a revision; this allows for a very long history.
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// One line of the index.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    revision: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    saved_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    change_note: Option<String>,
}

impl Line {
    fn of(info: &RevisionInfo) -> Line {
        Line {
            revision: info.revision,
            saved_at: info.saved_at.map(|d| d.to_string()),
            change_note: info.change_note.clone(),
        }
    }

    fn info(self) -> RevisionInfo {
        RevisionInfo {
            revision: self.revision,
            saved_at: self.saved_at.and_then(|d| d.parse().ok()),
            change_note: self.change_note,
        }
    }

    fn text(&self) -> String {
        let mut text = serde_json::to_string(self).expect("an index line always serializes");
        text.push('\n');
        text
    }
}

impl Store {
    fn index_path(&self) -> PathBuf {
        self.revisions_dir().join(INDEX_FILE)
    }

    /// Every saved revision, oldest first, from the index, with any it lacks
    /// read from their revision files.
    pub fn history(&self) -> Result<Vec<RevisionInfo>> {
        let mut known = std::collections::HashMap::new();
        for line in self.read_index()? {
            known.insert(line.revision, line);
        }
        self.revision_numbers()?
            .into_iter()
            .map(|revision| match known.remove(&revision) {
                Some(line) => Ok(line.info()),
                None => Ok(match self.load_revision(revision) {
                    Ok(plan) => RevisionInfo::of(&plan),
                    Err(error) => RevisionInfo {
                        revision,
                        saved_at: None,
                        change_note: Some(format!("(can't be read: {error})")),
                    },
                }),
            })
            .collect()
    }

    fn read_index(&self) -> Result<Vec<Line>> {
        super::files::check_revisions_folder(&self.revisions_dir())?;
        let path = self.index_path();
        if fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            // A FIFO or device here would block: the revision files answer.
            return Ok(Vec::new());
        }
        let mut file = match fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(Error::Read { path, source }),
        };
        let mut text = String::new();
        // A damaged index only costs speed: its lines are skipped and the
        // revision files answer instead.
        let _ = (&mut file).take(MAX_INDEX_BYTES).read_to_string(&mut text);
        Ok(text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect())
    }

    /// The last revision the index records, from its last few kilobytes, so
    /// checking it costs the same however long the history.
    fn last_indexed(&self) -> Option<u64> {
        if !fs::metadata(self.index_path()).ok()?.is_file() {
            return None;
        }
        let mut file = fs::File::open(self.index_path()).ok()?;
        let len = file.metadata().ok()?.len();
        file.seek(SeekFrom::Start(len.saturating_sub(4096))).ok()?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail).ok()?;
        let tail = String::from_utf8_lossy(&tail);
        let line = tail.trim_end_matches('\n').rsplit('\n').next()?;
        serde_json::from_str::<Line>(line).ok().map(|l| l.revision)
    }

    /// Records a newly saved revision. Only called with the lock held.
    pub(super) fn index_revision(&self, info: &RevisionInfo) -> Result<()> {
        let path = self.index_path();
        let write_error = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let behind = info.revision > 1 && self.last_indexed() != Some(info.revision - 1);
        // A link is never appended to through: the index becomes a file of
        // its own, and the person is told (see `write_own`).
        if behind || link_target(&path).is_some() {
            // The index missed a save (or was lost): rebuild it from the
            // revision files once, then carry on appending.
            let mut text = String::new();
            for entry in self.history()? {
                text.push_str(&Line::of(&entry).text());
            }
            return write_own(self.dir(), &path, text.as_bytes());
        }
        let mut file = private_options()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(write_error)?;
        file.write_all(Line::of(info).text().as_bytes())
            .map_err(write_error)?;
        file.sync_data().map_err(write_error)
    }
}
