//! The `zongjie` command: see the library's `run`.

fn main() {
    std::process::exit(zongjie::run());
}
