//! The words of each command: its label in menus and the palette, and its one-line description.

use super::Command;

impl Command {
    /// The label in menus and the palette, and a one-line description (menu tooltips, the
    /// palette's second column).
    pub fn label_and_description(self) -> (&'static str, &'static str) {
        match self {
            Command::New => ("New", "Start an empty map"),
            Command::Open => ("Open…", "Open a map from a file"),
            Command::OpenSample => ("Open sample", "Open the built-in sample map"),
            Command::Save => ("Save", "Save the map to its file"),
            Command::SaveAs => ("Save As…", "Save the map to a new file"),
            Command::Import => (
                "Import…",
                "Read a GEXF, GraphML, CSV, FollowTheMoney or relmap file, then replace the open \
                 map with it or merge it in",
            ),
            Command::Export => (
                "Export…",
                "Write the map as GEXF, GraphML, CSV (Kumu), FollowTheMoney or relmap; the open \
                 map keeps its file",
            ),
            Command::ExportPicture => (
                "Export picture…",
                "Draw the whole map or the part in view as SVG or PNG, with citations if asked",
            ),
            Command::ClearRecent => ("Clear recent files", "Forget the recently opened files"),
            Command::Quit => ("Quit", "Close relmap, asking first about unsaved changes"),
            Command::Undo => ("Undo", "Take back the last change"),
            Command::Redo => ("Redo", "Make the change that was taken back again"),
            Command::AddActor => (
                "Add actor",
                "Add an actor under the pointer (or double-click empty space on the map)",
            ),
            Command::DeleteSelection => (
                "Delete selection",
                "Delete the selected tie, or the selected actors with their ties",
            ),
            Command::ClearSelection => ("Clear selection", "Select nothing"),
            Command::FindDuplicates => (
                "Find possible duplicates…",
                "List pairs of actors whose names look like the same one",
            ),
            Command::AddSource => (
                "Add source…",
                "Add an article by pasting its text or loading a .txt file",
            ),
            Command::IngestArticle => (
                "Ingest article…",
                "Propose actors and ties from an article (a file, a folder or pasted text) for review",
            ),
            Command::ReviewCandidates => (
                "Review candidates",
                "Show the candidate actors and ties waiting for review",
            ),
            Command::DocumentProperties => (
                "Document properties…",
                "Edit the map's title and description",
            ),
            Command::ForceLayout => (
                "Force layout",
                "Arrange the map by its ties, in the background; pinned actors stay put",
            ),
            Command::PauseLayout => ("Pause layout", "Pause the layout"),
            Command::ResumeLayout => ("Resume layout", "Continue the layout"),
            Command::StopLayout => ("Stop layout", "Stop and keep where the layout got to"),
            Command::CancelLayout => ("Cancel layout", "Stop and put every actor back"),
            Command::CircularLayout => ("Circular", "Every actor on one circle"),
            Command::GroupedLayout => (
                "Grouped by kind",
                "People, states, organisations and places each in their own cluster",
            ),
            Command::SpreadSelected => (
                "Spread selected",
                "Push the selected actors apart until none overlap",
            ),
            Command::FitView => ("Fit to view", "Fit the whole map in view"),
            Command::ZoomIn => ("Zoom in", "Zoom in on the middle of the map"),
            Command::ZoomOut => ("Zoom out", "Zoom out from the middle of the map"),
            Command::HideSelected => (
                "Hide selected",
                "Take the selected actors (with their ties) or tie off the map until shown again",
            ),
            Command::ShowHidden => ("Show hidden", "Put back on the map everything hidden"),
            Command::ThemeDark => ("Theme: dark", "Light text on a dark background"),
            Command::ThemeLight => ("Theme: light", "Dark text on a light background"),
            Command::ThemeSystem => (
                "Theme: follow the system",
                "Dark or light as the system's setting says",
            ),
            Command::CommandPalette => ("Command palette", "Find and run any command by name"),
            Command::Search => (
                "Search…",
                "Find actors, ties and quotes by a few letters of their words",
            ),
            Command::ExplorePanel => (
                "Filters and timeline",
                "Show or hide the panel of filters, timeline, focus and saved views",
            ),
            Command::ClearFilters => (
                "Clear filters",
                "Show again what the filters, timeline, focus and paths hide",
            ),
            Command::FocusSelected => (
                "Focus on selected",
                "Show only the selected actor's neighbourhood (again: show everything)",
            ),
            Command::FocusDeeper => ("Focus one tie further", "Widen the focus by one tie"),
            Command::FocusShallower => ("Focus one tie nearer", "Narrow the focus by one tie"),
            Command::FindPaths => (
                "How is A connected to B?…",
                "Find the shortest paths between two actors, with the evidence for each step",
            ),
            Command::PlayTimeline => (
                "Play timeline",
                "Move the timeline's range through time, one step at a time (again: pause)",
            ),
            Command::MeasureDegree => ("Measure: degree", "Count each actor's ties"),
            Command::MeasureWeightedDegree => (
                "Measure: weighted degree",
                "Count the excerpts of each actor's ties",
            ),
            Command::MeasureBetweenness => (
                "Measure: betweenness",
                "How often each actor lies on the shortest connections between others",
            ),
            Command::MeasurePageRank => (
                "Measure: PageRank",
                "How much each actor is tied to by actors that are themselves tied to",
            ),
            Command::ColourCommunities => (
                "Find communities",
                "Group the actors into communities (Louvain), shown in the actor panel",
            ),
            Command::SaveView => (
                "Save view…",
                "Save the filters, timeline, focus and camera under a name in the map",
            ),
        }
    }
}
