-- Stories, kept incrementally: every stored article's story, assigned when the article is saved (in the save
-- transaction, under the advisory lock 'storyline:stories'), in one total order (position) by the story clusterer
-- (Storyline.Stories.StoryClusterer). A writer rebuilds the clusterer's in-memory state by replaying the stored
-- features in position order (the clusterer is deterministic, so the replay reproduces it exactly); readers only
-- group these rows.
CREATE TABLE story_members (
    position    BIGINT PRIMARY KEY,               -- assignment order 1, 2, 3, …: the order the clusterer saw the articles
    article_id  TEXT NOT NULL UNIQUE REFERENCES articles (id),
    story       INTEGER NOT NULL,                 -- the clusterer's story number; moves to the older story on a merge
    copy_of     TEXT,                             -- the original this article copies (wire copy), when it is one
    by_rule     TEXT NOT NULL,                    -- story/new, story/joined, story/joined-and-merged, story/copy
    score       DOUBLE PRECISION NOT NULL,
    features    TEXT NOT NULL                     -- the clusterer's input for this article (ArticleFeatures as JSON)
);
CREATE INDEX story_members_story ON story_members (story, position);

-- Articles stored before this step have no story yet: the first writer assigns them (in ingest order, seq up to
-- backfill_through) before anything newer, then sets backfilled.
CREATE TABLE story_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    backfill_through BIGINT NOT NULL,
    backfilled       BOOLEAN NOT NULL
);
INSERT INTO story_state (id, backfill_through, backfilled)
SELECT 1, COALESCE(MAX(seq), 0), COUNT(*) = 0 FROM articles;

-- The work queue of `storyline ingest --queue` and `storyline worker` (see PostgresArticleStore.Queue.cs):
-- pending → analysed (or failed) by any worker, claimed with FOR UPDATE SKIP LOCKED; then stored, in seq order, by
-- whichever worker holds the advisory lock 'storyline:stories', so articles are saved and assigned to stories in
-- enqueue order whoever analysed them.
CREATE TABLE work_queue (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- enqueue order
    source      TEXT NOT NULL,
    input       JSONB NOT NULL,                   -- the article as read (ArticleJson without analysis layers)
    text_hash   TEXT NOT NULL UNIQUE,             -- as articles.text_hash: one queue entry per article
    url         TEXT UNIQUE,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'analysed', 'failed', 'stored')),
    analysis    JSONB,                            -- ArticleJson, once analysed
    error       TEXT,                             -- why analysis failed, or why the store refused the article
    worker      TEXT,                             -- who analysed it (host:pid), for tracing
    article_id  TEXT,                             -- the stored article (or the one it duplicates), once stored
    outcome     TEXT,                             -- saved, duplicate, rejected
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    analysed_at TIMESTAMPTZ
);
CREATE INDEX work_queue_pending ON work_queue (seq) WHERE state = 'pending';
CREATE INDEX work_queue_unstored ON work_queue (seq) WHERE state IN ('pending', 'analysed');
