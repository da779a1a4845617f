//! The language of a document: English, or Simplified Chinese after GB/T
//! 9704-2012. Every stage that words or lays out text asks it.

use serde::{Deserialize, Serialize};

/// Language of a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese, laid out after GB/T 9704-2012.
    Zh,
}

impl Lang {
    /// The ISO code: `en` or `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}
