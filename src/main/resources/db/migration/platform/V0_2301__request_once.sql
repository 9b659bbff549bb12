-- A request that creates something, sent twice — a double-click, a form sent again after Back, an API client retrying
-- after a timeout — is done once (org.anju.platform.Once): the page's form carries a key made when it was shown (the
-- API: an Idempotency-Key header), recorded with the result in the transaction that creates it. A repeat waits for
-- the first to commit on this key and answers with its result; a first that failed left no row, so a repeat runs.
-- The request's digest tells a repeat from another request under the same key (refused: a client's bug).
-- Rows older than a day are dropped by the owner's next keyed request.
create table request_once (
    owner   text        not null,
    key     text        not null,
    made_at timestamptz not null default now(),
    digest  text        not null,
    result  text,
    primary key (owner, key)
);

select audit_exempt('request_once', '重复提交的键与所建记录的编号，保留一天；所建的记录本身有审计');
