//! The map: the widget that draws the dataset's actors and ties and turns the pointer into
//! actions. `cache` holds what the map draws (positions, tie ends, lanes, looks), the one
//! source of truth for them; `view` is the widget; `draw`, `labels`, `shapes` and `gpu` paint;
//! `grid` finds what is near a point; `camera` and `gestures` move the view.

pub mod cache;
pub mod camera;
mod camera_moves;
pub mod display;
mod dragging;
pub mod draw;
pub mod gestures;
pub mod gpu;
pub mod grid;
mod hit;
pub mod labels;
pub mod looks;
pub mod shapes;
pub mod tie_geometry;
pub mod view;

pub use cache::MapCache;
pub use view::MapView;
