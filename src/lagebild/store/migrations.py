"""Named, ordered schema migrations.  Applied ones are recorded in ``migrations``."""
from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT, outlet TEXT, author TEXT,
    published TEXT,            -- JSON DateValue or NULL
    language TEXT NOT NULL,
    genre TEXT NOT NULL,
    text TEXT NOT NULL,
    duplicate_of TEXT,
    minhash BLOB,
    data TEXT NOT NULL,        -- full Document as JSON
    stages TEXT NOT NULL,      -- JSON list of stage names+versions that produced the records
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE sources (
    source TEXT PRIMARY KEY,
    raw_sha256 TEXT,
    doc_id TEXT NOT NULL REFERENCES documents(id)
);
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    in_kb INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    actor TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (doc, start, "end")
);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
    speaker_actor TEXT, kind TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor);
CREATE TABLE events (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL, status TEXT NOT NULL, date TEXT, cluster TEXT, data TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE TABLE claims (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id), data TEXT NOT NULL
);
CREATE TABLE stances (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
    actor TEXT NOT NULL, issue TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE timexes (
    doc TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (doc, start, "end")
);
CREATE TABLE findings (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE failures (
    source TEXT NOT NULL, stage TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (source, stage, code)
);
"""),
    ("0002_fts", """
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(id UNINDEXED, title, text);
"""),
]
