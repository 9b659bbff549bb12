package org.anju.privacy;

import java.util.Arrays;

/**
 * A value as a feature stores it: the ciphertext (into the column's {@code bytea}), the blind index (into an indexed
 * {@code bytea} beside it, for lookups; null for fields without one, {@link PersonalField#indexed()}), and the masked form
 * (may be stored in clear for list pages, which then decrypt nothing).
 */
public record SealedValue(byte[] ciphertext, byte[] blindIndex, String masked) {

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedValue s && Arrays.equals(ciphertext, s.ciphertext)
                && Arrays.equals(blindIndex, s.blindIndex) && masked.equals(s.masked);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return masked;
    }
}
