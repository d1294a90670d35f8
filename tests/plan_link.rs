//! A `plan.toml` that is a link (to a plan kept in a synced folder, say):
//! saving writes through it when it points to a regular file in a folder
//! of the person's own, and otherwise replaces it with a file of its own
//! and says so plainly, leaving what it pointed to as it was.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::Env;

/// The example plan kept elsewhere, in `folder`, with plan.toml a link to it.
fn linked_plan(env: &Env, folder: &Path) -> std::path::PathBuf {
    fs::create_dir_all(folder).unwrap();
    let target = folder.join("my-plan.toml");
    fs::rename(env.plan_file(), &target).unwrap();
    symlink(&target, env.plan_file()).unwrap();
    target
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn a_link_to_a_plan_in_your_own_folder_is_written_through() {
    let env = Env::with_example();
    let target = linked_plan(&env, &env.home().join("Sync"));
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_lacks("link")
        .run();
    assert!(is_link(&env.plan_file()), "plan.toml is no longer a link");
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.contains("Saturday mornings"), "{written}");
    assert!(written.contains("revision = 4"), "{written}");
    // Written atomically beside the target: no temp file left there.
    let names: Vec<String> = fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["my-plan.toml"]);
    env.test(["now"]).stdout_has("Saturday mornings").run();
}

#[test]
fn a_link_into_the_plan_folder_is_replaced_and_said() {
    let env = Env::with_example();
    // plan.toml pointing at a revision, which is never rewritten.
    let revision = env.plan_dir().join("revisions/000003.toml");
    let before = fs::read(&revision).unwrap();
    fs::remove_file(env.plan_file()).unwrap();
    symlink("revisions/000003.toml", env.plan_file()).unwrap();
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has("note: `plan.toml` was a link to `")
        .stderr_has("000003.toml`, one of the files relapse-plan keeps itself, so it is now a file of its own")
        .run();
    assert!(!is_link(&env.plan_file()));
    assert!(
        fs::read(&revision).unwrap() == before,
        "revision 3 was rewritten"
    );
    assert!(
        env.plan()
            .reasons
            .iter()
            .any(|r| r.text == "Saturday mornings")
    );
}

#[test]
fn a_link_into_someone_elses_folder_is_replaced_and_said() {
    let env = Env::with_example();
    let folder = env.home().join("shared");
    let target = linked_plan(&env, &folder);
    let before = fs::read(&target).unwrap();
    // A folder of another user's: as root (as CI runs), give it away.
    let owner = crate::tool("id").arg("-u").run().stdout;
    if owner.trim() == "0" {
        crate::tool("chown").arg("65534").arg(&folder).run();
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs as root, so this must run there"
        );
        eprintln!("skipped: not root, so no folder can be given away");
        return;
    }
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has("which is in a folder that is not yours, so it is now a file of its own")
        .run();
    assert!(!is_link(&env.plan_file()));
    assert!(
        fs::read(&target).unwrap() == before,
        "the other folder's file changed"
    );
    assert!(
        env.plan()
            .reasons
            .iter()
            .any(|r| r.text == "Saturday mornings")
    );
}

#[test]
fn a_link_to_nothing_is_replaced_and_said() {
    let env = Env::with_example();
    fs::remove_file(env.plan_file()).unwrap();
    symlink(env.home().join("gone.toml"), env.plan_file()).unwrap();
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has("gone.toml`, which is not there, so it is now a file of its own")
        .run();
    assert!(!is_link(&env.plan_file()));
    assert!(!env.home().join("gone.toml").exists());
}
