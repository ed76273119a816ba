-- The workspace's own name model: the shipped tagger trained further on this workspace's decisions
-- (electron/services/entities/tagger/adapt.ts). One row. It is derived data, remade from the
-- decisions whenever they change, so it is not part of the undoable history.
CREATE TABLE adapted_model (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  -- Counts every training (and reset), so a suggestion's "workspace model v3" names one model.
  version      INTEGER NOT NULL,
  -- The encoded model (tagger/model.ts encodeModel); NULL when the shipped model is in use.
  model        BLOB,
  -- sha256 of the shipped model file it was trained from: another shipped model makes it stale.
  base_sha256  TEXT,
  decisions    INTEGER NOT NULL DEFAULT 0,
  sentences    INTEGER NOT NULL DEFAULT 0,
  trained_at   TEXT,
  -- The newest history command whose decisions it has seen.
  seen_command INTEGER NOT NULL DEFAULT 0,
  -- "Reset to the shipped model": decisions made before this time are not learnt from again.
  reset_at     TEXT
) STRICT;
