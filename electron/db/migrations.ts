// Versioned schema. Each entry moves the database from version i to i+1 (PRAGMA user_version)
// inside one transaction, so a crash mid-migration leaves the previous version intact.
// Append only: never edit a migration that has shipped.

export const MIGRATIONS: readonly string[] = [
  /* 1: the shot database */ `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL              -- JSON
  );

  CREATE TABLE shots (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    fps               REAL NOT NULL DEFAULT 24 CHECK (fps > 0),
    first_frame       INTEGER,
    last_frame        INTEGER,
    width             INTEGER,
    height            INTEGER,
    status            TEXT NOT NULL DEFAULT 'todo'
                      CHECK (status IN ('todo','solving','cleanup','review','approved','needsFixes')),
    status_by         TEXT,
    status_at         TEXT,
    crop_x            REAL,
    crop_y            REAL,
    crop_size         REAL,
    normal_convention TEXT NOT NULL DEFAULT 'opengl' CHECK (normal_convention IN ('opengl','directx')),
    rgb_source        TEXT NOT NULL,   -- folder (or video file) the plates came from
    normal_source     TEXT,
    import_state      TEXT NOT NULL DEFAULT 'importing' CHECK (import_state IN ('importing','complete')),
    rig_path          TEXT,
    active_take_id    INTEGER,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

  CREATE TABLE frames (
    shot_id     INTEGER NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
    frame       INTEGER NOT NULL,      -- the number in the file name
    rgb_path    TEXT,
    normal_path TEXT,
    width       INTEGER,
    height      INTEGER,
    status      TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok','warning','missing')),
    issues      TEXT NOT NULL DEFAULT '[]',   -- JSON [{code, message}]
    rgb_stamp   TEXT,                  -- size:mtime of the file when it was checked (re-import skips unchanged)
    normal_stamp TEXT,
    PRIMARY KEY (shot_id, frame)
  ) WITHOUT ROWID;

  CREATE TABLE takes (
    id          INTEGER PRIMARY KEY,
    shot_id     INTEGER NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
    model_id    TEXT NOT NULL,
    model_hash  TEXT NOT NULL,
    provider    TEXT,
    settings    TEXT NOT NULL DEFAULT '{}',  -- JSON
    state       TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running','complete','cancelled','failed')),
    frames_done INTEGER NOT NULL DEFAULT 0,
    duration_ms REAL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX takes_by_shot ON takes(shot_id);

  -- One Float32 BLOB per take and control, over the shot's frames (first_frame..last_frame).
  CREATE TABLE curves (
    take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    control TEXT NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (take_id, control)
  ) WITHOUT ROWID;

  -- The animator's correction layer: offsets keyed on top of the filtered solve.
  CREATE TABLE keys (
    id      INTEGER PRIMARY KEY,
    shot_id INTEGER NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
    control TEXT NOT NULL,
    frame   REAL NOT NULL,
    value   REAL NOT NULL,
    interp  TEXT NOT NULL DEFAULT 'smooth' CHECK (interp IN ('smooth','linear','step')),
    UNIQUE (shot_id, control, frame)
  );

  -- Non-destructive filters per region or control.
  CREATE TABLE filters (
    shot_id  INTEGER NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
    scope    TEXT NOT NULL,            -- 'region:<name>' or 'control:<name>'
    kind     TEXT NOT NULL,
    strength REAL NOT NULL,
    PRIMARY KEY (shot_id, scope)
  ) WITHOUT ROWID;

  CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    shot_id     INTEGER NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
    frame_start INTEGER NOT NULL,
    frame_end   INTEGER NOT NULL CHECK (frame_end >= frame_start),
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0,
    resolved_by TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX notes_by_shot ON notes(shot_id);

  -- Undo history: each committed edit as forward and backward patches (JSON).
  CREATE TABLE edit_log (
    id         INTEGER PRIMARY KEY,
    shot_id    INTEGER NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    forward    TEXT NOT NULL,
    backward   TEXT NOT NULL,
    undone     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX edit_log_by_shot ON edit_log(shot_id, id);
  `,
  /* 2: solves in progress */ `
  -- A solve writes each committed batch here (one row per frame: all controls as one Float32 BLOB),
  -- so a killed solve resumes from its last batch. When the solve completes the rows are gathered
  -- into one curve BLOB per control (the curves table) and removed.
  CREATE TABLE take_frames (
    take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    frame   INTEGER NOT NULL,
    params  BLOB,                  -- NULL: the frame could not be decoded (filled at completion)
    PRIMARY KEY (take_id, frame)
  ) WITHOUT ROWID;
  ALTER TABLE takes ADD COLUMN failed_frames TEXT NOT NULL DEFAULT '[]';  -- JSON frame numbers, filled by interpolation
  ALTER TABLE takes ADD COLUMN settings_key TEXT;                         -- model hash + settings: which take a re-run resumes
  ALTER TABLE takes ADD COLUMN notice TEXT;                               -- e.g. the provider fallback the user was told about
  `,
  /* 3: correction layer settings */ `
  ALTER TABLE shots ADD COLUMN key_falloff REAL NOT NULL DEFAULT 8;
  `,
  /* 4: per-shot rigs */ `
  ALTER TABLE shots ADD COLUMN rig_mapping TEXT;  -- JSON: manual target → control (null ignores) for rig_path
  `,
  /* 5: who is solving a shot */ `
  -- The process that marked a shot "solving" (its pid on its host) and when it last said it is
  -- alive; a mark whose process is gone is cleared when the project is opened (db/solve-owners.ts).
  CREATE TABLE solve_owners (
    shot_id   INTEGER PRIMARY KEY REFERENCES shots(id) ON DELETE CASCADE,
    pid       INTEGER NOT NULL,
    host      TEXT NOT NULL,
    heartbeat INTEGER NOT NULL     -- ms since 1970
  );
  `,
  /* 6: slates and drawn notes */ `
  -- What the stage's slate says (common/slate): shown, searched and sorted in the shot browser.
  ALTER TABLE shots ADD COLUMN scene TEXT;
  ALTER TABLE shots ADD COLUMN capture_take TEXT;   -- the capture's take ("3"), not a solve's take
  ALTER TABLE shots ADD COLUMN actor TEXT;
  ALTER TABLE shots ADD COLUMN start_timecode TEXT; -- HH:MM:SS:FF of first_frame
  -- A supervisor's strokes and arrows on the plate or the head, drawn with a note (common/review/drawing.ts):
  -- JSON, shown on the note's frames and resolved with it.
  ALTER TABLE notes ADD COLUMN drawing TEXT;
  `,
  /* 7: key modes and tangents */ `
  -- NULL in each: what keys made before these columns mean (an offset key, tangents from interp).
  ALTER TABLE keys ADD COLUMN mode TEXT CHECK (mode IN ('offset','pose'));
  ALTER TABLE keys ADD COLUMN in_tangent TEXT CHECK (in_tangent IN ('auto','spline','clamped','linear','flat','step','plateau','fixed'));
  ALTER TABLE keys ADD COLUMN out_tangent TEXT CHECK (out_tangent IN ('auto','spline','clamped','linear','flat','step','plateau','fixed'));
  ALTER TABLE keys ADD COLUMN in_slope REAL;
  ALTER TABLE keys ADD COLUMN out_slope REAL;
  ALTER TABLE keys ADD COLUMN broken INTEGER;
  `,
  /* 8: head motion */ `
  -- Where a take's head channels (common/head.ts: headYaw… headTz, stored in curves beside the
  -- controls) came from, JSON {rotation, translation, note}; NULL: a take made before head motion,
  -- which has no head curves (its exports carry none).
  ALTER TABLE takes ADD COLUMN head_motion TEXT;
  `,
  /* 9: the plate's camera */ `
  -- The camera that filmed the shot (common/camera.ts ShotCamera, JSON), read at import from the
  -- camera.json beside the capture (synth-shot writes one); NULL: none, and the shot is given the
  -- default camera with fov_deg (horizontal degrees; NULL: the default 85 mm lens, common/camera.ts).
  ALTER TABLE shots ADD COLUMN camera TEXT;
  ALTER TABLE shots ADD COLUMN fov_deg REAL CHECK (fov_deg IS NULL OR (fov_deg > 0 AND fov_deg < 180));
  `,
];
