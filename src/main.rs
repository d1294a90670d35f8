//! The `relapse-plan` binary: everything lives in the library so tests and
//! examples can call it.

fn main() -> std::process::ExitCode {
    relapse_plan::main()
}
