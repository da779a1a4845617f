//! Panics inside the crates the engine drives (Typst, usvg), turned into
//! an error of the one document or picture that caused them: [`quietly`]
//! runs a piece of work and returns the panic's message instead of
//! unwinding further. With [`install`] (the command does it once), such a
//! caught panic prints nothing of its own; the error that names the
//! document says what happened. Typst lays pages out on rayon's worker
//! threads, whose panics reach the guard through `join`: while a guard is
//! open, those threads' panics are silent too. Panics anywhere else print
//! as Rust's do.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

thread_local! {
    /// Whether this thread is inside [`quietly`].
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// How many guards are open, on any thread.
static OPEN: AtomicUsize = AtomicUsize::new(0);

/// Whether a panic on this thread is one a guard catches.
fn caught_here() -> bool {
    GUARDED.with(Cell::get) || (OPEN.load(Ordering::SeqCst) > 0 && rayon_core::current_thread_index().is_some())
}

/// Makes panics caught by [`quietly`] silent; every other panic is printed
/// by the hook that was there before.
pub fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !caught_here() {
            previous(info);
        }
    }));
}

/// Runs `work`; a panic inside it comes back as `Err` with its message.
pub fn quietly<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let outer = GUARDED.with(|g| g.replace(true));
    OPEN.fetch_add(1, Ordering::SeqCst);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    OPEN.fetch_sub(1, Ordering::SeqCst);
    GUARDED.with(|g| g.set(outer));
    result.map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "no message".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_comes_back_as_its_message() {
        assert_eq!(quietly(|| 2 + 2), Ok(4));
        let none: Option<u8> = None;
        assert!(quietly(|| none.expect("a value")).unwrap_err().contains("a value"));
        assert_eq!(quietly(|| panic!("{}", 42)).map(|()| ()), Err("42".to_owned()));
        // Nested: the inner one is caught, the outer goes on.
        assert_eq!(quietly(|| quietly(|| panic!("inner")).unwrap_err()), Ok("inner".to_owned()));
    }

    #[test]
    fn a_panic_on_a_worker_thread_of_guarded_work_is_caught_there() {
        // As Typst lays pages out: the work is joined on rayon's pool.
        let (on_worker, caught) =
            quietly(|| rayon_core::join(|| (rayon_core::current_thread_index().is_some(), caught_here()), || ()).0)
                .unwrap();
        assert!(on_worker && caught);
        assert!(quietly(|| rayon_core::join(|| panic!("on a worker"), || ())).unwrap_err().contains("on a worker"));
        assert!(!caught_here(), "outside a guard, this thread's panics print");
    }
}
