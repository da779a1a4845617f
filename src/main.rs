//! The `zongjie` command: see the library's `run`.

/// Typst allocates heavily; mimalloc serves it faster than the system
/// allocator, and without contention between the threads of a batch.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(zongjie::run());
}
