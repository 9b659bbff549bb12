package org.anju.privacy;

/**
 * A validated piece of personal data in its normalized form — what is encrypted, and what the blind index is computed
 * over, so that 36010219900101123x and 360102 19900101 123X are the same ID number. {@link #toString()} is the masked
 * form: a value that ends up in a log line or an exception message does not leak.
 */
public sealed interface PersonalValue permits IdNumber, Phone, PersonName, Amount, BankAccount {

    /** Which kind of personal data this is. */
    PersonalField field();

    /** The canonical text: stored encrypted, hashed for the blind index, returned by a reveal. */
    String normalized();

    /** The form shown on pages by default. */
    default String masked() {
        return field().mask(normalized());
    }
}
