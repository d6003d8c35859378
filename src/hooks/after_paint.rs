//! Work a choice causes that the reader does not see: it waits until the choice is painted.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Task = Box<dyn FnOnce()>;

thread_local! {
    /// Tasks asked for since the last frame, in order.
    static WAITING: RefCell<Vec<Task>> = const { RefCell::new(Vec::new()) };
}

/// Runs `task` once the frame showing the change has been painted: what a choice tells the
/// world (the address bar, a host page, a screen reader) must not delay the chosen layer on
/// screen. A history write can take several milliseconds in Chromium (more as the history
/// grows); measuring the page for a host forces a layout.
///
/// Tasks run in the order they were asked for, so the last choice is the URL. One frame
/// callback serves every task of a frame: the callback runs before that frame's paint, so it
/// does nothing but queue the tasks behind it.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    let first = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        waiting.push(Box::new(task));
        waiting.len() == 1
    });
    if first {
        let after_frame = Closure::once_into_js(|| in_a_task_of_its_own(run_waiting));
        // Frame callbacks wait while the page is hidden; the tasks run when it shows again.
        let _ = gloo::utils::window().request_animation_frame(after_frame.unchecked_ref());
    }
}

/// Runs `task` in a task of its own (a zero timeout): after whatever runs now, and before
/// nothing else the browser has waiting, input and frames included.
pub fn in_a_task_of_its_own(task: impl FnOnce() + 'static) {
    let run = Closure::once_into_js(task);
    let _ = gloo::utils::window().set_timeout_with_callback(run.unchecked_ref());
}

fn run_waiting() {
    // Taken first: a task may ask for another, which then waits for the next frame.
    let tasks = WAITING.with(|waiting| waiting.take());
    for task in tasks {
        task();
    }
}
