-- The command log: every analyst action (and every import, export and purge) as one command,
-- with the row images it changed. It is the basis of undo/redo and the audit trail; the rows of
-- `command` form a hash chain (see db/history.ts), so an edit to the record can be detected.
CREATE TABLE command (
  id        INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL,
  -- The OS user who ran the app or the command line.
  user      TEXT    NOT NULL,
  -- The contract call (`mentions.review`), or `history.undo` / `history.redo`, or `imports.run`.
  name      TEXT    NOT NULL,
  -- What the analyst did, in words: Reject mention “Kabul”.
  label     TEXT    NOT NULL,
  -- do: an undoable action; undo / redo: reverses `reverts`; record: on the record, not undoable.
  kind      TEXT    NOT NULL CHECK (kind IN ('do', 'undo', 'redo', 'record')),
  reverts   INTEGER REFERENCES command (id),
  -- JSON: the call's input (text fields shortened) or an import's counts.
  detail    TEXT,
  row_count INTEGER NOT NULL DEFAULT 0,
  -- sha256 of label and detail: the chain covers this, so "purge" can redact the words.
  digest    TEXT    NOT NULL,
  redacted  INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)),
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL
) STRICT;
CREATE INDEX command_by_reverts ON command (reverts);

-- One changed row of an analyst table, written by the connection's capture triggers while a
-- command is open: the row before (old) and after (new) as JSON objects of its columns.
CREATE TABLE command_row (
  id         INTEGER PRIMARY KEY,
  command_id INTEGER NOT NULL REFERENCES command (id),
  tbl        TEXT    NOT NULL,
  op         TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  old        TEXT,
  new        TEXT,
  -- sha256 of the row as captured; kept when "purge" redacts the text, so the chain still checks.
  digest     TEXT,
  redacted   INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1))
) STRICT;
CREATE INDEX command_row_by_command ON command_row (command_id, id);
