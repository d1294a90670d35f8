//! The floor for the benchmarks: a Rust program that only prints a line,
//! started the same way as relapse-plan (`examples/bench.sh`).

fn main() {
    println!("hello");
}
