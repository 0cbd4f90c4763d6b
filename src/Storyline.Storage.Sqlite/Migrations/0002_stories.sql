-- Stories, kept incrementally: every stored article's story, assigned when the article is saved (in the save
-- transaction), in one total order (position) by the story clusterer (Storyline.Stories.StoryClusterer).
-- A writer rebuilds the clusterer's in-memory state by replaying the stored features in position order (the clusterer
-- is deterministic, so the replay reproduces it exactly); readers only group these rows.
CREATE TABLE story_members (
    position    INTEGER PRIMARY KEY,              -- assignment order 1, 2, 3, …: the order the clusterer saw the articles
    article_id  TEXT NOT NULL UNIQUE REFERENCES articles (id),
    story       INTEGER NOT NULL,                 -- the clusterer's story number; moves to the older story on a merge
    copy_of     TEXT,                             -- the original this article copies (wire copy), when it is one
    by_rule     TEXT NOT NULL,                    -- story/new, story/joined, story/joined-and-merged, story/copy
    score       REAL NOT NULL,
    features    TEXT NOT NULL                     -- the clusterer's input for this article (ArticleFeatures as JSON)
) STRICT;
CREATE INDEX story_members_story ON story_members (story, position);

-- Articles stored before this step have no story yet: the first writer assigns them (in ingest order, seq up to
-- backfill_through) before anything newer, then sets backfilled.
CREATE TABLE story_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    backfill_through INTEGER NOT NULL,
    backfilled       INTEGER NOT NULL
) STRICT;
INSERT INTO story_state (id, backfill_through, backfilled)
SELECT 1, COALESCE(MAX(seq), 0), CASE WHEN COUNT(*) = 0 THEN 1 ELSE 0 END FROM articles;
