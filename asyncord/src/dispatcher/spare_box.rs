//! The boxes of handler calls that finished at their first poll, kept per thread for the next
//! call of the same type.
//!
//! A call polled where it is delivered is boxed first, since a future cannot move once polled
//! and a pending one goes on on a task of its own. Most finish at that first poll, and their
//! future holds the event by value (most of a kilobyte for a message): without a spare, every
//! call would allocate and free that much.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::pin::Pin;

/// At most this many call types keep a spare box on one thread.
const TYPES_PER_THREAD: usize = 64;

thread_local! {
    /// One slot per call type: `Box<Option<Pin<Box<T>>>>`, erased.
    static SPARES: RefCell<Vec<(TypeId, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// `task` in a box: this thread's spare for its type if there is one, else a new one.
#[inline]
pub(super) fn boxed<T: 'static>(task: T) -> Pin<Box<T>> {
    let spare = SPARES.with(|spares| {
        let mut spares = spares.try_borrow_mut().ok()?;
        let (_, slot) = spares.iter_mut().find(|(t, _)| *t == TypeId::of::<T>())?;
        slot.downcast_mut::<Option<Pin<Box<T>>>>()?.take()
    });
    match spare {
        Some(mut spare) => {
            // The spare holds a finished call: replacing it drops nothing of substance.
            spare.as_mut().set(task);
            spare
        }
        None => Box::pin(task),
    }
}

/// Keeps the box of a finished call for the next call of its type on this thread.
#[inline]
pub(super) fn keep<T: 'static>(finished: Pin<Box<T>>) {
    SPARES.with(|spares| {
        let Ok(mut spares) = spares.try_borrow_mut() else {
            return;
        };
        let full = spares.len() >= TYPES_PER_THREAD;
        match spares.iter_mut().find(|(t, _)| *t == TypeId::of::<T>()) {
            Some((_, slot)) => {
                if let Some(slot) = slot.downcast_mut::<Option<Pin<Box<T>>>>() {
                    *slot = Some(finished);
                }
            }
            None if !full => spares.push((TypeId::of::<T>(), Box::new(Some(finished)))),
            None => {}
        }
    });
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::{Context, Poll, Waker};

    use super::*;

    /// Counts its drops (the box's contents are dropped when replaced).
    struct Call(Arc<AtomicUsize>, u64);

    impl Drop for Call {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    impl Future for Call {
        type Output = u64;
        fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<u64> {
            Poll::Ready(self.1)
        }
    }

    #[test]
    fn a_finished_calls_box_carries_the_next_call_of_its_type() {
        let drops = Arc::new(AtomicUsize::new(0));
        let mut first = boxed(Call(Arc::clone(&drops), 1));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(first.as_mut().poll(&mut cx), Poll::Ready(1));
        let address = std::ptr::from_ref::<Call>(&first);
        keep(first);

        let mut second = boxed(Call(Arc::clone(&drops), 2));
        assert_eq!(std::ptr::from_ref::<Call>(&second), address);
        // The finished call was dropped when the next one took its place.
        assert_eq!(drops.load(Ordering::Relaxed), 1);
        assert_eq!(second.as_mut().poll(&mut cx), Poll::Ready(2));

        // No spare while it is in use: another call of the type gets a box of its own.
        let third = boxed(Call(Arc::clone(&drops), 3));
        assert_ne!(std::ptr::from_ref::<Call>(&third), address);
        drop((second, third));
        assert_eq!(drops.load(Ordering::Relaxed), 3);

        // Another type never gets this type's box.
        let other = boxed(async { 4u8 });
        drop(other);
    }
}
