package org.anju.account;

/** How a change came in, recorded with it in the audit trail. */
public enum Channel {
    UI, API, IMPORT, CLI, SYSTEM
}
