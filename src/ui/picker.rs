//! A searchable picker: a button showing the current choice opens a list with a filter field
//! that takes the keyboard at once. Typing filters the options by fuzzy match over their labels
//! and other names (aliases), best match first, then in the order the caller gives (common or
//! recently used first); Up and Down move, Enter picks, Escape closes. Used for tie kinds and
//! actors, where a plain drop-down of dozens or thousands of entries cannot be searched.

use egui::{Id, Key, Modifiers, Popup, PopupCloseBehavior, RichText, Ui};

use crate::app::commands::fuzzy_score;
use crate::model::Dataset;

/// One option of a picker.
#[derive(Clone, Debug)]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
    /// Other names the option is found by (an actor's aliases).
    pub other_names: Vec<String>,
    /// A second line, dim (an actor's kind).
    pub detail: String,
}

impl<T> Choice<T> {
    pub fn new(value: T, label: impl Into<String>) -> Self {
        Self {
            value,
            label: label.into(),
            other_names: Vec::new(),
            detail: String::new(),
        }
    }
}

/// Every actor as a choice, found by name or alias: the ones in `first` (ids) first, in that
/// order, then the rest by name.
pub fn actor_choices(data: &Dataset, first: &[String]) -> Vec<Choice<String>> {
    let mut order: Vec<usize> = (0..data.actors.len()).collect();
    let rank = |i: usize| first.iter().position(|id| *id == data.actors[i].id);
    order.sort_by(|&x, &y| match (rank(x), rank(y)) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => data.actors[x].name.cmp(&data.actors[y].name),
    });
    order
        .into_iter()
        .map(|i| {
            let actor = &data.actors[i];
            Choice {
                value: actor.id.clone(),
                label: actor.name.clone(),
                other_names: actor.aliases.clone(),
                detail: actor.kind.label().to_owned(),
            }
        })
        .collect()
}

/// At most this many options are listed at once; typing narrows the rest down.
const MOST_LISTED: usize = 60;

/// The options that match `query`, best first; among equals, in the order given. An empty query
/// lists every option in the order given.
pub fn ranked<'a, T>(query: &str, options: &'a [Choice<T>]) -> Vec<&'a Choice<T>> {
    let mut scored: Vec<(i32, usize, &Choice<T>)> = options
        .iter()
        .enumerate()
        .filter_map(|(order, choice)| {
            let names = std::iter::once(&choice.label).chain(&choice.other_names);
            let best = names.filter_map(|name| fuzzy_score(query, name)).max()?;
            Some((best, order, choice))
        })
        .collect();
    scored.sort_by_key(|&(score, order, _)| (std::cmp::Reverse(score), order));
    scored.into_iter().map(|(_, _, choice)| choice).collect()
}

/// What the picker keeps between frames while it is open.
#[derive(Clone, Default)]
struct PickerState {
    query: String,
    highlighted: usize,
    focused: bool,
}

/// A button showing `current` that opens the picker; returns the option chosen, once. The
/// options are asked for only while the picker is open, with what is typed in its field (so
/// that an option can offer the typed text itself).
pub fn picker<T: Clone>(
    ui: &mut Ui,
    id: Id,
    current: &str,
    options: impl FnOnce(&str) -> Vec<Choice<T>>,
) -> Option<T> {
    let button = ui.button(format!("{current}  ⏷"));
    open_picker(ui, id, button, options)
}

/// A [`picker`] whose button keeps one width whatever it shows (shortened with an ellipsis),
/// so that a row of controls does not move when the choice changes.
pub fn picker_of_width<T: Clone>(
    ui: &mut Ui,
    id: Id,
    current: &str,
    width: f32,
    options: impl FnOnce(&str) -> Vec<Choice<T>>,
) -> Option<T> {
    let text = format!("{current}  ⏷");
    let button = ui.add_sized(
        [width, ui.spacing().interact_size.y],
        egui::Button::new(text).truncate(),
    );
    open_picker(ui, id, button, options)
}

fn open_picker<T: Clone>(
    ui: &mut Ui,
    id: Id,
    button: egui::Response,
    options: impl FnOnce(&str) -> Vec<Choice<T>>,
) -> Option<T> {
    let popup_id = Popup::default_response_id(&button);
    let state_id = id.with("picker");
    let mut picked = None;
    let shown = Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .width(button.rect.width().max(260.0))
        .show(|ui| {
            let mut state: PickerState = ui.data(|d| d.get_temp(state_id)).unwrap_or_default();
            picked = list_ui(ui, id, &mut state, options);
            ui.data_mut(|d| d.insert_temp(state_id, state));
        });
    if shown.is_none() {
        ui.data_mut(|d| d.remove::<PickerState>(state_id));
    }
    if picked.is_some() {
        Popup::close_id(ui.ctx(), popup_id);
        ui.data_mut(|d| d.remove::<PickerState>(state_id));
    }
    picked
}

/// The filter field and the list under it.
fn list_ui<T: Clone>(
    ui: &mut Ui,
    id: Id,
    state: &mut PickerState,
    options: impl FnOnce(&str) -> Vec<Choice<T>>,
) -> Option<T> {
    // The arrows move in the list, not in the field.
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
        )
    });
    let before = state.query.clone();
    let field = ui.add(
        egui::TextEdit::singleline(&mut state.query)
            .id(id.with("query"))
            .hint_text("Type to filter")
            .desired_width(f32::INFINITY),
    );
    if !state.focused {
        field.request_focus();
        state.focused = true;
    }
    if state.query != before {
        state.highlighted = 0;
    }
    let options = options(&state.query);
    let matches = ranked(&state.query, &options);
    if matches.is_empty() {
        ui.label(RichText::new("Nothing matches").weak());
        return None;
    }
    let last = matches.len().min(MOST_LISTED) - 1;
    if down {
        state.highlighted = (state.highlighted + 1).min(last);
    }
    if up {
        state.highlighted = state.highlighted.saturating_sub(1);
    }
    state.highlighted = state.highlighted.min(last);
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if entered {
        return Some(matches[state.highlighted].value.clone());
    }
    let mut picked = None;
    egui::ScrollArea::vertical()
        .max_height(280.0)
        .show(ui, |ui| {
            for (k, choice) in matches.iter().take(MOST_LISTED).enumerate() {
                let mut text = RichText::new(&choice.label);
                if k == state.highlighted {
                    text = text.strong();
                }
                let row = ui.selectable_label(k == state.highlighted, text);
                if k == state.highlighted && (down || up) {
                    row.scroll_to_me(None);
                }
                if !choice.detail.is_empty() {
                    ui.label(RichText::new(&choice.detail).small().weak());
                }
                if row.clicked() {
                    picked = Some(choice.value.clone());
                }
            }
            if matches.len() > MOST_LISTED {
                let more = matches.len() - MOST_LISTED;
                ui.label(RichText::new(format!("{more} more: type to narrow")).weak());
            }
        });
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(labels: &[(&str, &[&str])]) -> Vec<Choice<usize>> {
        labels
            .iter()
            .enumerate()
            .map(|(i, (label, others))| Choice {
                other_names: others.iter().map(|o| o.to_string()).collect(),
                ..Choice::new(i, *label)
            })
            .collect()
    }

    #[test]
    fn the_best_match_comes_first_then_the_given_order() {
        let options = choices(&[
            ("meeting", &[]),
            ("accusation", &[]),
            ("affiliation", &[]),
            ("contract", &[]),
        ]);
        let labels = |q: &str| -> Vec<&str> {
            ranked(q, &options)
                .iter()
                .map(|c| c.label.as_str())
                .collect()
        };
        assert_eq!(
            labels(""),
            ["meeting", "accusation", "affiliation", "contract"]
        );
        assert_eq!(labels("acc"), ["accusation"]);
        assert_eq!(labels("a")[..2], ["accusation", "affiliation"]);
        assert!(labels("xyz").is_empty());
    }

    #[test]
    fn actors_come_named_or_recent_first_then_by_name() {
        let data = crate::sample::sample_dataset();
        let first = ["xi".to_owned(), "kim".to_owned()];
        let choices = actor_choices(&data, &first);
        assert_eq!(choices.len(), data.actors.len());
        let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values[..2], ["xi", "kim"]);
        let rest: Vec<&str> = choices[2..].iter().map(|c| c.label.as_str()).collect();
        let mut sorted = rest.clone();
        sorted.sort();
        assert_eq!(rest, sorted);
        // Aliases find an actor.
        let kim = choices.iter().find(|c| c.value == "kim").unwrap();
        assert!(kim.other_names.iter().any(|a| a == "Mr. Kim"));
    }

    #[test]
    fn other_names_find_an_option() {
        let options = choices(&[("Kim Jong-un", &["Supreme Leader"]), ("Xi Jinping", &[])]);
        let found = ranked("supreme", &options);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "Kim Jong-un");
    }
}
