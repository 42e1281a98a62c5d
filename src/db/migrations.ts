/**
 * Numbered schema migrations. `PRAGMA user_version` holds the number of the last one applied.
 * Never edit a released migration: add the next one. A database whose user_version is higher than
 * `migrations.length` was written by a newer ssj and is refused untouched (see open.ts).
 */
export const migrations: readonly string[] = [
  // 1: the one list and two rosters, imports, plans, draws, events, results, audit log.
  `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- One row per import command that wrote something; kept forever (who imported what, when).
  CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    roster      TEXT NOT NULL,
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    inserted    INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    deactivated INTEGER NOT NULL,
    replace     INTEGER NOT NULL DEFAULT 0,
    operator    TEXT NOT NULL,
    at          TEXT NOT NULL
  );

  CREATE TABLE enterprises (
    uscc        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL DEFAULT '',
    legal_rep   TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    scope       TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    industry    TEXT NOT NULL DEFAULT '',
    supervision TEXT NOT NULL DEFAULT '',
    risk        TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '',
    flags       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    import_id   INTEGER REFERENCES imports(id)
  ) WITHOUT ROWID;

  CREATE TABLE inspectors (
    cert_no     TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    id_number   TEXT NOT NULL DEFAULT '',
    gender      TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    specialties TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'inspector',
    active      INTEGER NOT NULL DEFAULT 1,
    import_id   INTEGER REFERENCES imports(id)
  );

  CREATE TABLE items (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    content     TEXT NOT NULL DEFAULT '',
    basis       TEXT NOT NULL DEFAULT '',
    industries  TEXT NOT NULL DEFAULT '*',
    method      TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    import_id   INTEGER REFERENCES imports(id)
  );

  -- Declared conflicts of interest. source = 'import' (declared in advance) or 'recusal' (gained after a draw).
  CREATE TABLE conflicts (
    cert_no     TEXT NOT NULL,
    uscc        TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'import',
    declared_at TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    import_id   INTEGER REFERENCES imports(id),
    PRIMARY KEY (cert_no, uscc)
  );

  -- Past checks (own and the higher level's), counted against the yearly cap.
  CREATE TABLE history (
    uscc        TEXT NOT NULL,
    date        TEXT NOT NULL,
    source      TEXT NOT NULL,
    task        TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    import_id   INTEGER REFERENCES imports(id),
    PRIMARY KEY (uscc, date, source)
  );
  CREATE INDEX history_date ON history(date);

  -- A plan as added (canonical JSON). status: draft -> frozen -> drawn.
  CREATE TABLE plans (
    id          TEXT PRIMARY KEY,
    year        INTEGER NOT NULL,
    json        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'draft',
    created_at  TEXT NOT NULL,
    operator    TEXT NOT NULL
  );

  -- The freeze: inputs fixed before the seed exists (files are the canonical bundle files, pool hash = sha256 of pool-enterprises.csv).
  CREATE TABLE freezes (
    plan_id        TEXT PRIMARY KEY REFERENCES plans(id),
    seed_source    TEXT NOT NULL,
    frozen_at      TEXT NOT NULL,
    operator       TEXT NOT NULL,
    pool_hash      TEXT NOT NULL,
    inspectors_hash TEXT NOT NULL,
    items_hash     TEXT NOT NULL,
    conflicts_hash TEXT NOT NULL,
    strata_json    TEXT NOT NULL,
    -- the frozen canonical files, so a changed pool can be explained (what was added, removed or changed)
    pool_enterprises_gz BLOB NOT NULL,
    pool_inspectors_gz  BLOB NOT NULL,
    items_gz            BLOB NOT NULL,
    conflicts_gz        BLOB NOT NULL
  );

  -- One row per draw; a redraw voids the previous row and both stay.
  CREATE TABLE draws (
    id             INTEGER PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES plans(id),
    algorithm      TEXT NOT NULL,
    plan_json      TEXT NOT NULL,
    seed           TEXT NOT NULL,
    seed_input     TEXT NOT NULL,
    seed_kind      TEXT NOT NULL,
    seed_source    TEXT NOT NULL,
    frozen_at      TEXT,
    drawn_at       TEXT NOT NULL,
    operator       TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'active',
    void_reason    TEXT,
    voided_at      TEXT,
    redraw_reason  TEXT,
    pool_hash      TEXT NOT NULL,
    strata_json    TEXT NOT NULL,
    -- canonical input files, exactly as published in the bundle (UTF-8 text, gzip-compressed)
    pool_enterprises_gz BLOB NOT NULL,
    pool_inspectors_gz  BLOB NOT NULL,
    items_gz            BLOB NOT NULL,
    conflicts_gz        BLOB NOT NULL
  );
  CREATE UNIQUE INDEX draws_one_active ON draws(plan_id) WHERE status = 'active';

  -- Current state after all events (role: selected / reserve / replaced).
  CREATE TABLE selections (
    draw_id  INTEGER NOT NULL REFERENCES draws(id),
    stratum  TEXT NOT NULL,
    rank     INTEGER NOT NULL,
    uscc     TEXT NOT NULL,
    name     TEXT NOT NULL,
    industry TEXT NOT NULL,
    ticket   TEXT NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (draw_id, uscc)
  );
  CREATE INDEX selections_uscc ON selections(uscc);

  CREATE TABLE team_seats (
    draw_id  INTEGER NOT NULL REFERENCES draws(id),
    uscc     TEXT NOT NULL,
    seat     INTEGER NOT NULL,
    cert_no  TEXT NOT NULL,
    name     TEXT NOT NULL,
    ticket   TEXT NOT NULL,
    PRIMARY KEY (draw_id, uscc, seat)
  );

  CREATE TABLE check_items (
    draw_id  INTEGER NOT NULL REFERENCES draws(id),
    uscc     TEXT NOT NULL,
    code     TEXT NOT NULL,
    ticket   TEXT NOT NULL,
    PRIMARY KEY (draw_id, uscc, code)
  );

  -- Post-draw events (recusal / swap / replacement), replayed in seq order by verification.
  CREATE TABLE draw_events (
    draw_id             INTEGER NOT NULL REFERENCES draws(id),
    seq                 INTEGER NOT NULL,
    type                TEXT NOT NULL,
    uscc                TEXT NOT NULL,
    cert_no             TEXT NOT NULL DEFAULT '',
    replacement_cert_no TEXT NOT NULL DEFAULT '',
    replacement_uscc    TEXT NOT NULL DEFAULT '',
    seed                TEXT NOT NULL DEFAULT '',
    reason              TEXT NOT NULL,
    operator            TEXT NOT NULL,
    at                  TEXT NOT NULL,
    PRIMARY KEY (draw_id, seq)
  );

  -- Check results. A published result is never edited; corrections sit beside it.
  CREATE TABLE results (
    id          INTEGER PRIMARY KEY,
    plan_id     TEXT NOT NULL REFERENCES plans(id),
    uscc        TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    check_date  TEXT NOT NULL,
    follow_up   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    report_date   TEXT,
    feedback_date TEXT,
    published_at TEXT,
    recorded_at TEXT NOT NULL,
    operator    TEXT NOT NULL,
    UNIQUE (plan_id, uscc)
  );

  CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    result_id   INTEGER NOT NULL REFERENCES results(id),
    outcome     TEXT NOT NULL,
    follow_up   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    published_at TEXT,
    recorded_at TEXT NOT NULL,
    operator    TEXT NOT NULL
  );

  CREATE TABLE objections (
    id          INTEGER PRIMARY KEY,
    result_id   INTEGER NOT NULL REFERENCES results(id),
    received    TEXT NOT NULL,
    text        TEXT NOT NULL,
    resolution  TEXT,
    decision    TEXT,
    reviewed_at TEXT,
    answered_at TEXT,
    recorded_at TEXT NOT NULL,
    operator    TEXT NOT NULL
  );

  -- Extra holidays / make-up workdays beyond the bundled official calendar.
  CREATE TABLE calendar_days (
    date  TEXT PRIMARY KEY,
    kind  TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name  TEXT NOT NULL DEFAULT ''
  );

  -- Hash-chained audit log (src/audit). hash = sha256(prev_hash | canonical entry).
  CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    action    TEXT NOT NULL,
    plan_id   TEXT,
    payload   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
  );
  `,
  // 2: SSJ-2 rosters. Inspectors get 所属部门 and kind officer/expert (the old 'inspector' is an officer: 行政处罚法
  // 第四十二条 counts officers holding a 执法证); items get 检查部门 (高青 5.1.1).
  `
  ALTER TABLE inspectors ADD COLUMN department TEXT NOT NULL DEFAULT '';
  UPDATE inspectors SET kind = 'officer' WHERE kind IN ('inspector', '');
  ALTER TABLE items ADD COLUMN department TEXT NOT NULL DEFAULT '';
  `,
  // 3: a correction of a published result names who approved it and when (高青 9.1: 经任务执行单位主要负责人签字确认).
  // NULL on corrections recorded before: their approver is in the free-text reason.
  `
  ALTER TABLE corrections ADD COLUMN approved_by TEXT;
  ALTER TABLE corrections ADD COLUMN approved_on TEXT;
  `,
  // 4: the enterprise's side of a check, one row per result (顺城 第二十、二十一条; 冷水滩 第十七条): its opinion
  // (opinion_kind 'given' or 'none' = nothing came within the deadline; the text stays internal), the 意见建议 the
  // officer approved for publication, the satisfaction card's answer, and 结果运用 (codes joined with ',').
  `
  CREATE TABLE feedback (
    id             INTEGER PRIMARY KEY,
    result_id      INTEGER NOT NULL UNIQUE REFERENCES results(id),
    opinion_kind   TEXT CHECK (opinion_kind IN ('given', 'none')),
    opinion_on     TEXT,
    opinion        TEXT NOT NULL DEFAULT '',
    opinion_public TEXT NOT NULL DEFAULT '',
    satisfaction   TEXT,
    card_on        TEXT,
    uses           TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL,
    operator       TEXT NOT NULL
  );
  `,
  // 5: audit entries bind every stored table by digest (src/db/table-digest.ts; issue 13). No schema change: opening a
  // database with entries from before runs this and then appends an 'audit.bind' entry with the digest of every
  // table, so the tables are bound from that entry on (src/db/open.ts).
  `
  -- tables bound to the audit log from here on
  `,
  // 6: a frozen or drawn plan withdrawn (#15, DESIGN.md "Nothing is chosen after the seed is known"): why, when, by
  // whom, what it was before and the draw it voided. The plan's status becomes 'withdrawn'.
  `
  CREATE TABLE plan_withdrawals (
    plan_id      TEXT PRIMARY KEY REFERENCES plans(id),
    reason       TEXT NOT NULL,
    withdrawn_at TEXT NOT NULL,
    operator     TEXT NOT NULL,
    prior_status TEXT NOT NULL,
    draw_id      INTEGER REFERENCES draws(id)
  );
  `,
  // 7: SSJ-2 draws (#14). A team seat names its seat group (officers, a joint department, experts); '' for SSJ-1 seats.
  // team_seats is re-derived by audit verify, not bound by digest, so SSJ-1 databases keep their digests. The draw's
  // protocol is draws.algorithm (SSJ-1 or SSJ-2); reassign (人员调整) events are rows of draw_events like the others.
  `
  ALTER TABLE team_seats ADD COLUMN grp TEXT NOT NULL DEFAULT '';
  `,
  // 8: SSJ-2 "Pool after freeze" (#15 part 3): the enterprises an SSJ-2 draw took out of its frozen pool because plans
  // frozen before it brought them to cap.perYear, and the plan that did (the bundle's pool-removed.csv). An input of
  // the draw like its snapshot files, so bound by digest.
  `
  CREATE TABLE pool_removals (
    draw_id  INTEGER NOT NULL REFERENCES draws(id),
    stratum  TEXT NOT NULL,
    uscc     TEXT NOT NULL,
    by_plan  TEXT NOT NULL,
    PRIMARY KEY (draw_id, uscc)
  );
  `,
  // 9: the enterprise's side of a published result changes only through a correction (高青 9.1: 检查结果一经公示，不得
  // 擅自更改；经任务执行单位主要负责人签字确认后及时更改): why, who signed and when, for the latest correction of the
  // feedback row (earlier ones stay in the audit log, which records the whole row each time).
  `
  ALTER TABLE feedback ADD COLUMN correction_reason TEXT;
  ALTER TABLE feedback ADD COLUMN corrected_by TEXT;
  ALTER TABLE feedback ADD COLUMN corrected_on TEXT;
  `,
  // 10: the annual plan (年度抽查计划; 顺城 第十一、十二条, 高青 6.1): scope, strata ratios and frequencies, time schedule,
  // estimated numbers, 备案 date and office, one per year (canonical JSON, src/domain/annual-plan.ts). Bound by digest.
  `
  CREATE TABLE annual_plans (
    year        INTEGER PRIMARY KEY,
    json        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    operator    TEXT NOT NULL
  );
  `,
  // 11: how the seed will be written and the secret part (#15, DESIGN.md SSJ-2 "Seed rule", "Secret part"). A freeze
  // may fix a seed rule (JSON {"kind":"rfc3797","sources":[…]}) and commit a secret (64 hex digits; its commitment is
  // published in the pre-announcement, the secret only with the bundle). Each draw copies what its freeze fixed, so a
  // later freeze never changes how an earlier draw replays, and records why a plan was drawn without a freeze. Rows
  // exist only when there is something to say: plans and draws without any keep their table digests.
  `
  CREATE TABLE freeze_seeds (
    plan_id           TEXT PRIMARY KEY REFERENCES plans(id),
    seed_rule         TEXT,
    secret_commitment TEXT,
    seed_secret       TEXT
  );
  CREATE TABLE draw_seeds (
    draw_id           INTEGER PRIMARY KEY REFERENCES draws(id),
    seed_rule         TEXT,
    secret_commitment TEXT,
    seed_secret       TEXT,
    unfrozen_reason   TEXT
  );
  `,
  // 12: publication dated once (#15, DESIGN.md "Nothing is chosen after the seed is known"). The first export of a
  // draw's announcement records when it was published and the chain head it printed; later exports keep both and list
  // what changed since under 更新记录. Bound by digest, so a re-dated publication shows in audit verify.
  `
  CREATE TABLE publications (
    draw_id   INTEGER PRIMARY KEY REFERENCES draws(id),
    plan_id   TEXT NOT NULL,
    first_at  TEXT NOT NULL,
    head_seq  INTEGER NOT NULL,
    head_hash TEXT NOT NULL
  );
  `,
];
