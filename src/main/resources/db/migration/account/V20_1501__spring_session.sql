-- Browser sessions in the database (Spring Session JDBC, issue 15): every app node reads the same sessions, so a
-- load balancer may send a user's next request anywhere. Spring Session's own PostgreSQL schema
-- (org/springframework/session/jdbc/schema-postgresql.sql of spring-session-jdbc 4.1), created here rather than by
-- spring.session.jdbc.initialize-schema so that Flyway alone owns the schema.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

select audit_exempt('spring_session', '登录会话（Spring Session），每次请求都写；登录与失败记在 users 与日志');
select audit_exempt('spring_session_attributes', '登录会话的属性（安全上下文、CSRF 令牌），含会话秘密，不得复制进审计日志');
