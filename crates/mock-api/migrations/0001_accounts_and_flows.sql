-- The mock's first schema. A migration, once released, is never edited: a change is a new
-- file, listed after this one in src/db/migrations.rs.

-- One row per citizen, keyed by the ID number they sign in with.
CREATE TABLE accounts (
    id_number       TEXT PRIMARY KEY NOT NULL,
    full_name       TEXT NOT NULL,
    phone           TEXT NOT NULL,
    birth_date      TEXT NOT NULL,             -- YYYY-MM-DD
    email           TEXT,
    password_hash   TEXT NOT NULL,             -- Argon2id PHC string, never the password
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER                    -- Unix seconds
) WITHOUT ROWID;

-- Every flow under way: a registration, a reset or a sign-in challenge. `state` is the
-- flow as JSON (its code only as a salted hash); it is read and written whole, by id.
CREATE TABLE flows (
    id         TEXT PRIMARY KEY NOT NULL,
    kind       TEXT NOT NULL,                  -- registration | reset | sign_in
    started_at INTEGER NOT NULL,               -- Unix seconds; old flows are pruned by it
    state      TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX flows_by_start ON flows (started_at);
