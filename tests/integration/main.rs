//! The integration suite, in one binary so it links once: file format round trips, the bad-file
//! corpus, the command line, and UI tests that drive the real app with egui_kittest.

mod bad_files;
mod cli;
mod cli_args;
mod cli_ingest;
mod cli_output;
mod common;
mod edit_sequences;
mod format;
mod hostile_files;
mod id_index;
mod ingest_quality;
mod map_updates;
mod save_kills;
mod scale;
mod ui_actor;
mod ui_dialog_keys;
mod ui_edit;
mod ui_files;
mod ui_gpu;
mod ui_hostile_paths;
mod ui_journalist_flow;
mod ui_keys;
mod ui_layout;
mod ui_map;
mod ui_merge;
mod ui_new_tie;
mod ui_palette;
mod ui_path_field;
mod ui_picker;
mod ui_reader;
mod ui_reader_select;
mod ui_replace;
mod ui_steady_panel;
mod ui_theme;
mod ui_visibility;
