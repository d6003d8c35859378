//! Work a choice causes that the reader does not see: it waits until the choice is painted.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Task = Box<dyn FnOnce()>;

thread_local! {
    /// Tasks asked for since the last frame, in order.
    static WAITING: RefCell<Vec<Task>> = const { RefCell::new(Vec::new()) };
    /// The frame callback: `setTimeout(run_waiting, 0)` as one browser function, made once. It
    /// runs inside the frame, before its paint, and enters no WASM there (a callback into the
    /// WASM cost a slow phone 1–3 ms of that frame in the trace).
    static QUEUE_BEHIND_PAINT: Option<js_sys::Function> = queue_behind_paint();
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
        let Some(after_frame) = QUEUE_BEHIND_PAINT.with(Clone::clone) else {
            return run_waiting();
        };
        // Frame callbacks wait while the page is hidden; the tasks run when it shows again.
        let _ = gloo::utils::window().request_animation_frame(&after_frame);
    }
}

/// Runs `task` in a task of its own (a zero timeout): after whatever runs now, and before
/// nothing else the browser has waiting, input and frames included.
pub fn in_a_task_of_its_own(task: impl FnOnce() + 'static) {
    let run = Closure::once_into_js(task);
    let _ = gloo::utils::window().set_timeout_with_callback(run.unchecked_ref());
}

/// `setTimeout` bound to the window, `run_waiting` and no delay; `None` in a window without
/// `setTimeout`, where tasks run at once.
fn queue_behind_paint() -> Option<js_sys::Function> {
    let window = gloo::utils::window();
    let set_timeout = js_sys::Reflect::get(&window, &"setTimeout".into()).ok()?;
    let run = Closure::<dyn Fn()>::new(run_waiting).into_js_value();
    let bound = set_timeout
        .dyn_ref::<js_sys::Function>()?
        .bind2(&window, &run, &0.into());
    Some(bound.unchecked_into())
}

fn run_waiting() {
    // Taken first: a task may ask for another, which then waits for the next frame.
    let tasks = WAITING.with(|waiting| waiting.take());
    for task in tasks {
        task();
    }
}
