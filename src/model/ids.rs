//! Ids that say what they name: [`ActorId`], [`TieId`] and [`SourceId`], each a string that
//! serialises as the plain string it holds. They read as `&str` (`Deref`, `Borrow`), so that
//! lookups such as `Dataset::tie(&id)` take them as they are. No egui.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&String> for $name {
            fn from(id: &String) -> Self {
                Self(id.clone())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }
    };
}

id_type!(
    /// The id of an actor.
    ActorId
);
id_type!(
    /// The id of a tie.
    TieId
);
id_type!(
    /// The id of a source.
    SourceId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialise_as_their_string() {
        let id = TieId::from("t-1");
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("\"t-1\""));
        let back: Result<TieId, _> = serde_json::from_str("\"t-1\"");
        assert_eq!(back.ok(), Some(id));
    }

    #[test]
    fn ids_compare_with_strings() {
        let id = ActorId::from("kim");
        assert!(id == "kim");
        let owned: String = "kim".into();
        assert!(owned == id);
        assert_eq!(&*id, "kim");
        assert_eq!(id.to_string(), "kim");
    }
}
