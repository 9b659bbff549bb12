package org.anju.platform;

import java.util.Set;

/**
 * The stable {@code code} of a problem detail that no {@link Refusal} made — a parameter Spring could not convert, a
 * body it could not read, a value the database refused, the sign-in's 401 and 403, an upload too large — by its
 * status, so that every error answer of the API carries one (README "Errors: one contract"). Before the seventh
 * session of issue 15 only refusals, 500s and 503s had it, and a client switching on {@code code} found none for the
 * commonest 400s.
 */
public final class ProblemCode {

    /** Every code an answer may carry: the refusals' kinds and the four below. */
    public static final Set<String> ALL = Set.of("BAD_INPUT", "NOT_FOUND", "CONFLICT", "STALE", "DENIED", "BUSY",
            "UNAUTHENTICATED", "TOO_LARGE", "INTERNAL");

    private ProblemCode() {
    }

    public static String of(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> Refusal.Kind.DENIED.name();
            case 404 -> Refusal.Kind.NOT_FOUND.name();
            case 409 -> Refusal.Kind.CONFLICT.name();
            case 413 -> "TOO_LARGE";
            case 429, 503 -> Refusal.Kind.BUSY.name();
            default -> status >= 500 ? "INTERNAL" : Refusal.Kind.BAD_INPUT.name();
        };
    }
}
