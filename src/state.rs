//! The walk-through's state: which layer is chosen and why it changed. One reducer holds it;
//! components only send actions.

use std::rc::Rc;
use yew::Reducible;

/// What caused the latest change, which decides what else happens: only a reader's own
/// choice writes a new URL, and nothing is announced for the first view (the layer the page
/// opened on, whether the first or the one a link names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Initial,
    Reader,
    Url,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Select(usize),
    Next,
    Previous,
    First,
    Last,
    /// The URL named this layer, or nothing usable (`None`: back to the first layer).
    FromUrl(Option<usize>),
    /// The page was opened on this layer (a deep link): part of the first view, not a change.
    Open(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walkthrough {
    selected: usize,
    total: usize,
    last_change: Change,
}

impl Walkthrough {
    /// Starts on `initial`, or on the first layer when `initial` is out of range.
    /// `total` must be at least 1 (the content compiler guarantees a layer).
    pub fn new(total: usize, initial: usize) -> Self {
        assert!(total > 0, "a walk-through needs at least one layer");
        let selected = if initial < total { initial } else { 0 };
        Self {
            selected,
            total,
            last_change: Change::Initial,
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn total(&self) -> usize {
        self.total
    }

    pub fn last_change(&self) -> Change {
        self.last_change
    }

    pub fn is_first(&self) -> bool {
        self.selected == 0
    }

    pub fn is_last(&self) -> bool {
        self.selected + 1 == self.total
    }

    /// The state after `action`; an action that cannot apply (Next on the last layer, an index
    /// out of range) leaves the state exactly as it was.
    pub fn apply(&self, action: Action) -> Self {
        let last = self.total - 1;
        let (target, change) = match action {
            Action::Select(index) if index <= last => (index, Change::Reader),
            Action::Select(_) => return *self,
            Action::Next => (self.selected.saturating_add(1).min(last), Change::Reader),
            Action::Previous => (self.selected.saturating_sub(1), Change::Reader),
            Action::First => (0, Change::Reader),
            Action::Last => (last, Change::Reader),
            Action::FromUrl(index) => (index.filter(|&i| i <= last).unwrap_or(0), Change::Url),
            Action::Open(index) if index <= last => (index, Change::Initial),
            Action::Open(_) => return *self,
        };
        if target == self.selected {
            return *self;
        }
        Self {
            selected: target,
            total: self.total,
            last_change: change,
        }
    }
}

impl Reducible for Walkthrough {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The tabs pattern's keys: arrows move (either axis, as the layers stack vertically on
/// phones and desktops alike), Home and End jump. Other keys are not ours.
pub fn action_for_key(key: &str) -> Option<Action> {
    match key {
        "ArrowDown" | "ArrowRight" => Some(Action::Next),
        "ArrowUp" | "ArrowLeft" => Some(Action::Previous),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        _ => None,
    }
}
