//! Edges read before every node is known (GEXF and GraphML let an edge come before its
//! nodes): each is kept with its ends as the file names them, and resolved once the whole file
//! is read.

use super::{Ids, Notes};
use crate::io::LoadError;
use crate::model::{Dataset, Tie};

/// An edge as read, with its ends still the file's ids.
pub struct PendingEdge {
    /// Byte offset of the element, for messages.
    pub offset: usize,
    pub source: String,
    pub target: String,
    pub tie: Tie,
}

/// The relmap id of the edge that `foreign` (its id in the file, if it has one) names, when
/// `read` edges were read before it: the file's id made unique, or `edge-N`. An id that
/// another edge has already gets an id of its own, with a note: nothing refers to an edge by
/// its id, and networkx writes the key of a multigraph's edge, counted per pair of nodes, as
/// its id.
pub fn edge_id(ties: &mut Ids, foreign: Option<&str>, read: usize, notes: &mut Notes) -> String {
    match foreign {
        Some(foreign) => ties.add(foreign, notes).unwrap_or_else(|| {
            notes.add(
                "edges with the id of another edge were given ids of their own",
                "edge",
            );
            ties.unique(format!("{}-{}", foreign.trim(), read + 1))
        }),
        None => ties.unique(format!("edge-{}", read + 1)),
    }
}

/// Puts every edge into `data` as a tie between the relmap ids of its ends; `error_at(offset,
/// message)` makes the error for an end that is not a node.
pub fn resolve(
    edges: Vec<PendingEdge>,
    actors: &Ids,
    data: &mut Dataset,
    error_at: impl Fn(usize, String) -> LoadError,
) -> Result<(), LoadError> {
    data.ties.reserve(edges.len());
    for edge in edges {
        let mut tie = edge.tie;
        for (end, foreign) in [(&mut tie.from, &edge.source), (&mut tie.to, &edge.target)] {
            match actors.get(foreign) {
                Some(id) => *end = id.to_owned(),
                None => {
                    let message =
                        format!("edge '{}' ends at '{foreign}', which is not a node", tie.id);
                    return Err(error_at(edge.offset, message));
                }
            }
        }
        data.ties.push(tie);
    }
    Ok(())
}
