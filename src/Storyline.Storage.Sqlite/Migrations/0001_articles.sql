-- Articles, one row per distinct article (same URL or same normalised text = one article), with the analysis JSON
-- (OUTPUT.md ArticleJson) and the columns that are queried. STRICT: a value of the wrong type is an error, not a
-- silent conversion.
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY,              -- ingest order; the search index's rowid
    id          TEXT NOT NULL UNIQUE,
    url         TEXT UNIQUE,                      -- normalised for matching
    outlet      TEXT,
    title       TEXT,
    published   TEXT,                             -- yyyy-MM-dd
    text_hash   TEXT NOT NULL UNIQUE,             -- SHA-256 of the whitespace-collapsed, case-folded news text
    ingested_at TEXT NOT NULL,                    -- ISO 8601, UTC
    body        TEXT NOT NULL,                    -- the news text (no boilerplate): what search indexes
    analysis    TEXT NOT NULL                     -- ArticleJson
) STRICT;

CREATE INDEX articles_latest ON articles (published DESC, seq DESC);

-- External content: the index reads title and body from articles, so the text is not stored a third time.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE entity_mentions (
    article_id   TEXT NOT NULL REFERENCES articles (id),
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    entity       TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
) STRICT;
CREATE INDEX entity_mentions_entity ON entity_mentions (entity);

CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id),
    ordinal       INTEGER NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          TEXT NOT NULL,
    direct        INTEGER NOT NULL,
    speaker       TEXT,
    speaker_name  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    by_rule       TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
) STRICT;
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE events (
    article_id   TEXT NOT NULL REFERENCES articles (id),
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    actor        TEXT,
    target       TEXT,
    location     TEXT,
    event_date   TEXT,
    sentence     TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
) STRICT;
