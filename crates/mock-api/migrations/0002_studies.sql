-- Research sessions (study mode). What participants typed is never here: their accounts and
-- flows live in memory, one sandbox each; these tables hold the study and what happened.

CREATE TABLE studies (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,               -- Unix milliseconds
    closed_at  INTEGER                         -- set once: its links stop working
);

-- A study's tasks, in order (`position` from 0).
CREATE TABLE study_tasks (
    study_id INTEGER NOT NULL REFERENCES studies (id),
    position INTEGER NOT NULL,
    text_vi  TEXT NOT NULL,
    text_en  TEXT NOT NULL,
    scenario TEXT NOT NULL,                    -- contract::study::Scenario's code
    PRIMARY KEY (study_id, position)
) WITHOUT ROWID;

-- One row per participant: P01, P02… and the secret of their link.
CREATE TABLE participants (
    study_id     INTEGER NOT NULL REFERENCES studies (id),
    code         TEXT NOT NULL,
    token        TEXT NOT NULL UNIQUE,         -- 128 random bits: the link is the secret
    consented_at INTEGER,                      -- the link works for one browser, from then on
    current_task INTEGER,                      -- NULL before consent and after the last task
    generation   INTEGER NOT NULL DEFAULT 0,   -- bumped by a reset: the tab forgets its state
    PRIMARY KEY (study_id, code)
) WITHOUT ROWID;

-- What happened, in order: codes and numbers, and the participants' own feedback.
CREATE TABLE study_events (
    id          INTEGER PRIMARY KEY,
    study_id    INTEGER NOT NULL REFERENCES studies (id),
    participant TEXT NOT NULL,
    at          INTEGER NOT NULL,              -- Unix milliseconds, the server's clock
    task        INTEGER,                       -- the task under way, if any
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL                  -- JSON object: the event's codes
);

CREATE INDEX study_events_by_study ON study_events (study_id, participant, at);
