package org.anju.platform;

/** A value the request carries is wrong; the message names it and says how to fix it (400, CLI exit 2). */
public final class BadInput extends IllegalArgumentException implements Refusal {

    public BadInput(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.BAD_INPUT;
    }
}
