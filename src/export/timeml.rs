//! TimeML export: the untouched document text with inline TIMEX3 tags (placeholder until the
//! ingest/eval work lands).
