package org.anju.platform;

/**
 * A request refused for a reason the user can act on, said in Chinese — the one error contract of Anju (issue 11).
 * Services throw these and nothing else on purpose; the kind decides, in one place, the HTTP status and problem
 * title ({@code ApiErrors}, pages), and the command line's exit code ({@code Cli}). Any other exception is a bug: a 500
 * logged with an id the user is shown.
 *
 * <p>Each type extends the JDK exception its kind used to be (so {@code catch (IllegalArgumentException e)} still
 * sees bad input), and carries a stable {@link #code()} clients may rely on.
 */
public sealed interface Refusal permits BadInput, NotFound, Conflict, ConcurrentUpdateException, Denied, ImportSlots.Busy,
        TooMany {

    /** What kind of refusal: status, title and exit code, stated once. */
    enum Kind {
        /** A value the request carries is wrong (a figure, a month, a missing field). */
        BAD_INPUT(400, "请求有误", 2),
        /** What the request names does not exist (or the user may not learn that it does). */
        NOT_FOUND(404, "未找到", 2),
        /** The stored data forbids it now (a month already approved, a plan already there). */
        CONFLICT(409, "无法办理", 4),
        /** It changed since the user read it — by someone else, or by the same user in another window or an earlier click (the title says neither; the message names who): nothing was saved. */
        STALE(409, "数据已被修改", 4),
        /** The user may not do this. */
        DENIED(403, "无权操作", 5),
        /** Too much going on: try again shortly. */
        BUSY(429, "请稍后再试", 4);

        private final int status;
        private final String title;
        private final int exitCode;

        Kind(int status, String title, int exitCode) {
            this.status = status;
            this.title = title;
            this.exitCode = exitCode;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        /** The command line's exit code: 2 the request is wrong, 4 try again after a change, 5 not allowed. */
        public int exitCode() {
            return exitCode;
        }
    }

    Kind kind();

    String getMessage();

    /** A stable code for API clients: {@code BAD_INPUT}, {@code NOT_FOUND}, {@code CONFLICT}, {@code STALE}, … */
    default String code() {
        return kind().name();
    }

    /** The refusal {@code e} is, or null when it is not one (a bug). */
    static Refusal of(Throwable e) {
        // the client's encoding, thrown where a parameter is first read — wrapped when a template read it first
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException p) {
                return UndecodableParameter.refusal(p);
            }
        }
        return e instanceof Refusal r ? r : null;
    }
}
