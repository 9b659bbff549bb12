package org.anju.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded files a page previewed and keeps until their owner confirms the import (table {@code kept_file}): in the
 * database, so the confirm may reach any node (issue 15: stateless nodes behind a balancer without stickiness; they
 * were in one node's memory). Encrypted like personal data (a 信访 台账 lists petitioners' names and phones), bound to
 * its purpose; kept {@link #KEEP} at most; each statement is whole by itself (no transaction needed), and nothing here
 * is audited — the import that follows is.
 */
@Component
public class KeptFiles {

    public static final Duration KEEP = Duration.ofMinutes(30);

    /** A kept file and what its preview was made for. */
    public record Kept(String owner, Map<String, String> params, String fileName, byte[] content, Instant at) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataCipher cipher;

    KeptFiles(JdbcClient jdbc, JsonMapper json, DataCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    /**
     * Keeps {@code content} for {@code owner}; the owner's older files of the same purpose beyond {@code maxPerOwner} − 1
     * and every expired file go. Returns the token the confirm names.
     */
    public String keep(String purpose, String owner, Map<String, String> params, String fileName, byte[] content,
                       int maxPerOwner) {
        UUID token = UUID.randomUUID();
        jdbc.sql("""
                        with expired as (delete from kept_file where kept_at < now() - make_interval(secs => ?)),
                             older as (delete from kept_file where token in (
                                 select token from kept_file where owner = ? and purpose = ?
                                 order by kept_at desc, token offset ?))
                        insert into kept_file (token, purpose, owner, params, file_name, content)
                        values (?, ?, ?, ?::jsonb, ?, ?)""")
                .param((double) KEEP.toSeconds()).param(owner).param(purpose).param(Math.max(0, maxPerOwner - 1))
                .param(token).param(purpose).param(owner).param(json.writeValueAsString(params)).param(fileName)
                .param(cipher.sealFile(purpose, content)).update();
        return token.toString();
    }

    /** The kept file, whoever kept it (the caller checks owner and scope); empty if unknown, expired or malformed. */
    public Optional<Kept> get(String purpose, String token) {
        return uuid(token).flatMap(t -> jdbc.sql("""
                        select owner, params::text, file_name, content, kept_at from kept_file
                        where token = ? and purpose = ? and kept_at >= now() - make_interval(secs => ?)""")
                .param(t).param(purpose).param((double) KEEP.toSeconds())
                .query((rs, n) -> kept(rs, purpose)).optional());
    }

    /** Removes and returns {@code owner}'s kept file (a confirm that must not run twice, even on two nodes at once). */
    public Optional<Kept> take(String purpose, String token, String owner) {
        return uuid(token).flatMap(t -> jdbc.sql("""
                        delete from kept_file
                        where token = ? and purpose = ? and owner = ? and kept_at >= now() - make_interval(secs => ?)
                        returning owner, params::text, file_name, content, kept_at""")
                .param(t).param(purpose).param(owner).param((double) KEEP.toSeconds())
                .query((rs, n) -> kept(rs, purpose)).optional());
    }

    public void forget(String token) {
        uuid(token).ifPresent(t -> jdbc.sql("delete from kept_file where token = ?").param(t).update());
    }

    @SuppressWarnings("unchecked")
    private Kept kept(java.sql.ResultSet rs, String purpose) throws java.sql.SQLException {
        Map<String, String> params = json.readValue(rs.getString(2), Map.class);
        return new Kept(rs.getString(1), params, rs.getString(3), cipher.openFile(purpose, rs.getBytes(4)),
                rs.getTimestamp(5).toInstant());
    }

    private static Optional<UUID> uuid(String token) {
        try {
            return token == null ? Optional.empty() : Optional.of(UUID.fromString(token.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a token that is no token names no file: "预览已过期或不存在"
        }
    }
}
