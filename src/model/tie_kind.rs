//! The kinds of tie (meeting, visit, shipments…): the full list and the label of each.

use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    Meeting,
    Visit,
    Summit,
    Diplomatic,
    Alliance,
    Support,
    ArmsTransfer,
    MilitaryAction,
    Accusation,
    Criticism,
    Membership,
    Affiliation,
    Leadership,
    Family,
    Advisory,
    Commentary,
    Contract,
    Ownership,
    Employment,
    Funding,
    Investment,
    Lobbying,
    Sanction,
    LegalAction,
    Endorsement,
    Negotiation,
    #[default]
    Other,
}

impl TieKind {
    pub const ALL: [TieKind; 27] = [
        TieKind::Meeting,
        TieKind::Visit,
        TieKind::Summit,
        TieKind::Diplomatic,
        TieKind::Alliance,
        TieKind::Support,
        TieKind::ArmsTransfer,
        TieKind::MilitaryAction,
        TieKind::Accusation,
        TieKind::Criticism,
        TieKind::Membership,
        TieKind::Affiliation,
        TieKind::Leadership,
        TieKind::Family,
        TieKind::Advisory,
        TieKind::Commentary,
        TieKind::Contract,
        TieKind::Ownership,
        TieKind::Employment,
        TieKind::Funding,
        TieKind::Investment,
        TieKind::Lobbying,
        TieKind::Sanction,
        TieKind::LegalAction,
        TieKind::Endorsement,
        TieKind::Negotiation,
        TieKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TieKind::Meeting => "meeting",
            TieKind::Visit => "visit",
            TieKind::Summit => "summit",
            TieKind::Diplomatic => "diplomatic",
            TieKind::Alliance => "alliance",
            TieKind::Support => "support",
            TieKind::ArmsTransfer => "arms transfer",
            TieKind::MilitaryAction => "military action",
            TieKind::Accusation => "accusation",
            TieKind::Criticism => "criticism",
            TieKind::Membership => "membership",
            TieKind::Affiliation => "affiliation",
            TieKind::Leadership => "leadership",
            TieKind::Family => "family",
            TieKind::Advisory => "advisory",
            TieKind::Commentary => "commentary",
            TieKind::Contract => "contract",
            TieKind::Ownership => "ownership",
            TieKind::Employment => "employment",
            TieKind::Funding => "funding",
            TieKind::Investment => "investment",
            TieKind::Lobbying => "lobbying",
            TieKind::Sanction => "sanction",
            TieKind::LegalAction => "legal action",
            TieKind::Endorsement => "endorsement",
            TieKind::Negotiation => "negotiation",
            TieKind::Other => "other",
        }
    }
}
