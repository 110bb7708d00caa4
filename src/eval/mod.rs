//! TempEval-3 style scoring against TimeML gold (placeholder until the eval work lands).
