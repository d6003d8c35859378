//! The reducer: every action from every state yields a valid state.

use coalition_explainer::state::{action_for_key, Action, Change, Walkthrough};
use proptest::prelude::*;

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        any::<usize>().prop_map(Action::Select),
        (0usize..8).prop_map(Action::Select),
        Just(Action::Next),
        Just(Action::Previous),
        Just(Action::First),
        Just(Action::Last),
        proptest::option::of(any::<usize>()).prop_map(Action::FromUrl),
        proptest::option::of(0usize..8).prop_map(Action::FromUrl),
        any::<usize>().prop_map(Action::Open),
        (0usize..8).prop_map(Action::Open),
    ]
}

proptest! {
    #[test]
    fn any_sequence_of_actions_keeps_a_valid_layer(total in 1usize..8, initial in any::<usize>(),
        actions in proptest::collection::vec(action(), 0..64)) {
        let mut state = Walkthrough::new(total, initial);
        for action in actions {
            let before = state;
            state = state.apply(action);
            prop_assert!(state.selected() < total);
            prop_assert_eq!(state.total(), total);
            if state.selected() == before.selected() {
                prop_assert_eq!(state, before, "an action that moves nothing changes nothing");
            }
        }
    }
}

#[test]
fn starts_on_the_requested_layer_or_the_first() {
    assert_eq!(Walkthrough::new(4, 2).selected(), 2);
    assert_eq!(Walkthrough::new(4, 4).selected(), 0);
    assert_eq!(Walkthrough::new(4, 2).last_change(), Change::Initial);
}

#[test]
fn next_and_previous_stop_at_the_ends() {
    let first = Walkthrough::new(4, 0);
    assert!(first.is_first() && !first.is_last());
    assert_eq!(first.apply(Action::Previous), first);
    let last = first.apply(Action::Last);
    assert_eq!(last.selected(), 3);
    assert!(last.is_last());
    assert_eq!(last.apply(Action::Next), last);
    assert_eq!(last.apply(Action::Previous).selected(), 2);
    assert_eq!(last.apply(Action::First).selected(), 0);
}

#[test]
fn reader_choices_and_url_changes_are_told_apart() {
    let start = Walkthrough::new(4, 0);
    assert_eq!(start.apply(Action::Select(2)).last_change(), Change::Reader);
    assert_eq!(start.apply(Action::Next).last_change(), Change::Reader);
    let from_url = start.apply(Action::FromUrl(Some(3)));
    assert_eq!(
        (from_url.selected(), from_url.last_change()),
        (3, Change::Url)
    );
}

/// A deep link is the page the reader opened, not a change to announce (issue 11: a
/// deep-linked load must stay quiet).
#[test]
fn opening_on_a_linked_layer_is_part_of_the_first_view() {
    let opened = Walkthrough::new(4, 0).apply(Action::Open(3));
    assert_eq!(
        (opened.selected(), opened.last_change()),
        (3, Change::Initial)
    );
    let chosen = opened.apply(Action::Previous);
    assert_eq!(
        (chosen.selected(), chosen.last_change()),
        (2, Change::Reader)
    );
    assert_eq!(
        opened.apply(Action::Open(4)),
        opened,
        "out of range: ignored"
    );
}

#[test]
fn a_url_naming_nothing_returns_to_the_first_layer() {
    let on_third = Walkthrough::new(4, 2);
    assert_eq!(on_third.apply(Action::FromUrl(None)).selected(), 0);
    assert_eq!(on_third.apply(Action::FromUrl(Some(99))).selected(), 0);
}

#[test]
fn selecting_outside_the_layers_is_ignored() {
    let state = Walkthrough::new(4, 1);
    assert_eq!(state.apply(Action::Select(4)), state);
}

#[test]
fn tab_keys_follow_the_aria_pattern() {
    assert_eq!(action_for_key("ArrowRight"), Some(Action::Next));
    assert_eq!(action_for_key("ArrowDown"), Some(Action::Next));
    assert_eq!(action_for_key("ArrowLeft"), Some(Action::Previous));
    assert_eq!(action_for_key("ArrowUp"), Some(Action::Previous));
    assert_eq!(action_for_key("Home"), Some(Action::First));
    assert_eq!(action_for_key("End"), Some(Action::Last));
    for other in ["Tab", "Enter", " ", "a", ""] {
        assert_eq!(
            action_for_key(other),
            None,
            "{other:?} is left to the browser"
        );
    }
}
