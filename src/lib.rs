//! relmap: map who is tied to whom in the news, with every tie backed by verbatim excerpts.
//!
//! Layers, from the bottom: [`model`] (plain data and validation), [`edit`] (the only way to change
//! a dataset, with undo), [`io`] (file formats), then [`app`] (state, actions, the one dispatcher)
//! and [`ui`] (views that read state and emit actions). Only `app` and `ui` know egui.
//!
//! Failure policy: library code returns `thiserror` errors that name the file, the place in it and
//! what is wrong. The app shows each error once, in a notice, and never replaces or loses the open
//! document because of one. User data never causes a panic.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod edit;
pub mod generate;
pub mod ingest;
pub mod io;
pub mod layout;
pub mod model;
pub mod picture;
pub mod sample;
pub mod ui;
