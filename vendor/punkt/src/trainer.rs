// Copyright 2016 rust-punkt developers
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use std::cmp::min;
use std::ops::Deref;
use std::str::FromStr;
use std::default::Default;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::collections::{HashMap, HashSet};

use rustc_serialize::json::Json;

use util;
use token::Token;
use tokenizer::WordTokenizer;
use prelude::{DefinesNonPrefixCharacters, DefinesNonWordCharacters, OrthographicContext,
              OrthographyPosition, TrainerParameters};

/// A collocation is any pair of words that has a high likelihood of appearing
/// together.
#[derive(Debug, Eq)]
pub struct Collocation<T>
where
  T: Deref<Target = Token>,
{
  l: T,
  r: T,
}

impl<T> Collocation<T>
where
  T: Deref<Target = Token>,
{
  #[inline(always)]
  pub fn new(l: T, r: T) -> Collocation<T> {
    Collocation { l: l, r: r }
  }

  #[inline(always)]
  pub fn left(&self) -> &T {
    &self.l
  }

  #[inline(always)]
  pub fn right(&self) -> &T {
    &self.r
  }
}

impl<T> Hash for Collocation<T>
where
  T: Deref<Target = Token>,
{
  #[inline(always)]
  fn hash<H>(&self, state: &mut H)
  where
    H: Hasher,
  {
    (*self.l).typ_without_period().hash(state);
    (*self.r).typ_without_break_or_period().hash(state);
  }
}

impl<T> PartialEq for Collocation<T>
where
  T: Deref<Target = Token>,
{
  #[inline(always)]
  fn eq(&self, x: &Collocation<T>) -> bool {
    (*self.l).typ_without_period() == (*x.l).typ_without_period()
      && (*self.r).typ_without_break_or_period() == (*x.r).typ_without_break_or_period()
  }
}

/// Stores data that was obtained during training.
///
/// # Examples
///
/// Precompiled data can be loaded via a language specific constructor.
///
/// ```
/// # use punkt::TrainingData;
/// #
/// let eng_data = TrainingData::english();
/// let ger_data = TrainingData::german();
///
/// assert!(eng_data.contains_abbrev("va"));
/// assert!(ger_data.contains_abbrev("crz"));
/// ```
#[derive(Debug, Default)]
pub struct TrainingData {
  abbrevs: HashSet<String>,
  collocations: HashMap<String, HashSet<String>>,
  sentence_starters: HashSet<String>,
  orthographic_context: HashMap<String, OrthographicContext>,
}

impl TrainingData {
  /// Creates a new, empty data object.
  #[inline(always)]
  pub fn new() -> TrainingData {
    TrainingData {
      ..Default::default()
    }
  }

  /// Check if a token is considered to be an abbreviation.
  #[inline(always)]
  pub fn contains_abbrev(&self, tok: &str) -> bool {
    self.abbrevs.contains(tok)
  }

  /// Insert a newly learned abbreviation.
  #[inline]
  fn insert_abbrev(&mut self, tok: &str) -> bool {
    if !self.contains_abbrev(tok) {
      self.abbrevs.insert(tok.to_lowercase())
    } else {
      false
    }
  }

  /// Removes a learned abbreviation.
  #[inline]
  fn remove_abbrev(&mut self, tok: &str) -> bool {
    self.abbrevs.remove(tok)
  }

  /// Check if a token is considered to be a token that commonly starts a
  /// sentence.
  #[inline(always)]
  pub fn contains_sentence_starter(&self, tok: &str) -> bool {
    self.sentence_starters.contains(tok)
  }

  /// Insert a newly learned word that signifies the start of a sentence.
  #[inline]
  fn insert_sentence_starter(&mut self, tok: &str) -> bool {
    if !self.contains_sentence_starter(tok) {
      self.sentence_starters.insert(tok.to_string())
    } else {
      false
    }
  }

  /// Checks if a pair of words are commonly known to appear together.
  #[inline]
  pub fn contains_collocation(&self, left: &str, right: &str) -> bool {
    self
      .collocations
      .get(left)
      .map(|s| s.contains(right))
      .unwrap_or(false)
  }

  /// Insert a newly learned pair of words that frequently appear together.
  fn insert_collocation(&mut self, left: &str, right: &str) -> bool {
    if !self.collocations.contains_key(left) {
      self.collocations.insert(left.to_string(), HashSet::new());
    }

    if !self.collocations.get(left).unwrap().contains(right) {
      self
        .collocations
        .get_mut(left)
        .unwrap()
        .insert(right.to_string());
      true
    } else {
      false
    }
  }

  /// Insert or update the known orthographic context that a word commonly
  /// appears in.
  #[inline]
  fn insert_orthographic_context(&mut self, tok: &str, ctxt: OrthographicContext) -> bool {
    // `get_mut` isn't allowed here, without adding an unnecessary lifetime
    // qualifier to `tok`.
    match self.orthographic_context.get_mut(tok) {
      Some(c) => {
        *c |= ctxt;
        return false;
      }
      None => (),
    }

    self.orthographic_context.insert(tok.to_string(), ctxt);
    true
  }

  /// Gets the orthographic context for a token. Returns 0 if the token
  /// was not yet encountered.
  #[inline(always)]
  pub fn get_orthographic_context(&self, tok: &str) -> u8 {
    *self.orthographic_context.get(tok).unwrap_or(&0)
  }
}

impl FromStr for TrainingData {
  type Err = &'static str;

  /// Deserializes JSON and loads the data into a new TrainingData object.
  fn from_str(s: &str) -> Result<TrainingData, &'static str> {
    match Json::from_str(s) {
      Ok(Json::Object(mut obj)) => {
        let mut data: TrainingData = Default::default();

        // Macro that gets a Json array by a path on the object. Then does a
        // pattern match on a specified pattern, and runs a specified action.
        macro_rules! read_json_array_data(
          ($path:expr, $mtch:pat, $act:expr) => (
            match obj.remove($path) {
              Some(Json::Array(arr)) => {
                for x in arr.into_iter() {
                  match x {
                    $mtch => { $act; }
                        _ => ()
                  }
                }
              }
              _ => return Err("failed to parse expected path")
            }
          );
        );

        read_json_array_data!(
          "abbrev_types",
          Json::String(st),
          data.insert_abbrev(&st[..])
        );

        read_json_array_data!(
          "sentence_starters",
          Json::String(st),
          data.insert_sentence_starter(&st[..])
        );

        // Load collocations, these come as an array with 2 members in them (or they should).
        // Pop them in reverse order, then insert into the proper bucket.
        read_json_array_data!("collocations", Json::Array(mut ar), {
          match (ar.pop(), ar.pop()) {
            (Some(Json::String(r)), Some(Json::String(l))) => data
              .collocations
              .entry(l)
              .or_insert(HashSet::new())
              .insert(r),
            _ => return Err("failed to parse collocations section"),
          };
        });

        match obj.remove("ortho_context") {
          Some(Json::Object(obj)) => for (k, ctxt) in obj.into_iter() {
            ctxt
              .as_u64()
              .map(|c| data.orthographic_context.insert(k, c as u8));
          },
          _ => return Err("failed to parse orthographic context section"),
        }

        Ok(data)
      }
      _ => Err("no json object found containing training data"),
    }
  }
}

// Macro for generating functions to load precompiled data.
macro_rules! preloaded_data(
  ($lang:ident, $file:expr) => (
    impl TrainingData {
      #[inline] #[allow(missing_docs)] pub fn $lang() -> TrainingData {
        FromStr::from_str(include_str!($file)).unwrap()
      }
    }
  )
);

preloaded_data!(english, "data/english.json");
