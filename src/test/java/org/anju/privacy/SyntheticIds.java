package org.anju.privacy;

/**
 * Synthetic 身份证号 for tests (GB 11643-1999), their check character computed by the standard's own rule, written out
 * here rather than borrowed from {@link IdNumber}.
 */
public final class SyntheticIds {

    private SyntheticIds() {
    }

    /** ISO 7064 MOD 11-2 as GB 11643-1999 states it: weights 2^(i-1) mod 11 for positions 18 … 2. */
    public static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int position = 18 - i;                                     // positions counted from the right, 18 … 2
            int weight = java.math.BigInteger.TWO.pow(position - 1).mod(java.math.BigInteger.valueOf(11)).intValue();
            sum += (first17.charAt(i) - '0') * weight;
        }
        int value = (12 - sum % 11) % 11;                               // the check value a1 with (sum + a1) ≡ 1 mod 11
        return value == 10 ? 'X' : (char) ('0' + value);
    }

    /** A synthetic number: region, birth date (yyyyMMdd), sequence, and the check character by the standard. */
    public static String number(String region, String birth, int sequence) {
        String first17 = region + birth + String.format("%03d", sequence);
        return first17 + check(first17);
    }
}
