//! UI tests of the actor panel: a just-added actor opens with its fields, an actor that is
//! merely called "New actor" does not.

use egui_kittest::kittest::Queryable;
use relmap::app::{Action, Selection};
use relmap::app::{EditAction, SelectionAction};
use relmap::edit::Edit;

use crate::common::app;

#[test]
fn a_new_actor_opens_with_its_fields_but_one_named_new_actor_does_not() {
    let mut h = app(None);
    let ctx = h.ctx.clone();
    // A real actor called "New actor", with no description.
    let mut maxwell = h.state().state.doc.data.actor("maxwell").unwrap().clone();
    maxwell.name = relmap::app::editing::NEW_ACTOR_NAME.into();
    maxwell.description.clear();
    h.state_mut().act(
        Action::Edit(EditAction::Apply(Edit::UpdateActor { actor: maxwell })),
        &ctx,
    );
    h.state_mut().act(
        Action::Selection(SelectionAction::Select(Selection::Actor("maxwell".into()))),
        &ctx,
    );
    h.run_steps(3);
    assert_eq!(h.state().state.fresh_actor, None);
    assert!(
        h.query_by_label("Pinned").is_none(),
        "its fields stay closed"
    );

    // A just-added actor opens with them, ready to be named.
    h.get_by_label("Add actor").click();
    h.run_steps(3);
    let new_id = h.state().state.doc.data.actors.last().unwrap().id.clone();
    assert_eq!(h.state().state.fresh_actor, Some(new_id.clone()));
    h.get_by_label("Pinned");

    // Once deselected it is no longer fresh.
    h.state_mut().act(
        Action::Selection(SelectionAction::Select(Selection::None)),
        &ctx,
    );
    h.run_steps(2);
    assert_eq!(h.state().state.fresh_actor, None);
}

#[test]
fn an_edit_after_adding_an_actor_makes_it_no_longer_fresh() {
    let mut h = app(None);
    h.get_by_label("Add actor").click();
    h.run_steps(3);
    let data = &h.state().state.doc.data;
    let mut added = data.actors.last().unwrap().clone();
    assert_eq!(h.state().state.fresh_actor, Some(added.id.clone()));
    added.name = "Kim Yo-jong".into();
    let ctx = h.ctx.clone();
    h.state_mut().act(
        Action::Edit(EditAction::Apply(Edit::UpdateActor { actor: added })),
        &ctx,
    );
    assert_eq!(h.state().state.fresh_actor, None);
}
