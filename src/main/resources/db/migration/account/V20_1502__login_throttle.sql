-- Login throttling shared by every app node (issue 15; the rules are org.anju.account.LoginThrottle's, unchanged).
-- One row per counted key: kind PAIR (username + client address) or ADDRESS (the address over all usernames).
-- Each attempt moves its rows with one upsert each (insert … on conflict do update), so concurrent attempts on
-- several nodes count exactly. Rows nothing refers to any more are deleted by the hourly scheduled clean-up.
create table login_throttle (
    kind         text        not null check (kind in ('PAIR', 'ADDRESS')),
    key          text        not null,
    -- failures since the last success (PAIR) or ever (ADDRESS), forgotten a day after the last one
    failures     int         not null default 0,
    last_failure timestamptz,
    -- attempts whose password is being checked now; ignored once in_flight_at is older than a minute (a node died)
    in_flight    int         not null default 0,
    in_flight_at timestamptz,
    -- PAIR: the last successful sign-in of this name from this address (exempts it from the address delay)
    signed_in_at timestamptz,
    primary key (kind, key)
);
select audit_exempt('login_throttle', '登录失败计数，每次登录尝试都写；失败次数另记在 users.failed_attempts 与日志');
