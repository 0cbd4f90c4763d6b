-- Articles, one row per distinct article (same URL or same normalised text = one article), with the analysis JSON
-- (OUTPUT.md ArticleJson) and the columns that are queried.
CREATE TABLE articles (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- ingest order
    id          TEXT NOT NULL UNIQUE,
    url         TEXT UNIQUE,                                      -- normalised for matching
    outlet      TEXT,
    title       TEXT,
    published   DATE,
    text_hash   TEXT NOT NULL UNIQUE,      -- SHA-256 of the whitespace-collapsed, case-folded news text
    ingested_at TIMESTAMPTZ NOT NULL,
    body        TEXT NOT NULL,             -- the news text (no boilerplate): what search indexes
    analysis    JSONB NOT NULL,            -- ArticleJson
    -- A tsvector holds at most 1 MiB; the first 200,000 characters of a body (some 30,000 words, ten times a long
    -- feature) stay well below that, so no article is refused for its length.
    search      TSVECTOR GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', left(body, 200000)), 'B')) STORED
);

CREATE INDEX articles_search ON articles USING GIN (search);
CREATE INDEX articles_latest ON articles (published DESC NULLS LAST, seq DESC);

CREATE TABLE entity_mentions (
    article_id   TEXT NOT NULL REFERENCES articles (id),
    ordinal      INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    entity       TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity);

CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id),
    ordinal       INTEGER NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          TEXT NOT NULL,
    direct        BOOLEAN NOT NULL,
    speaker       TEXT,
    speaker_name  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    by_rule       TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
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
);
