package org.anju.account;

/** What {@link Access#runAs} and {@link Access#via} bind for the work they run. */
final class Acting {

    static final ScopedValue<Actor> ACTOR = ScopedValue.newInstance();
    static final ScopedValue<Channel> CHANNEL = ScopedValue.newInstance();

    private Acting() {
    }
}
