package org.anju.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM for values at rest and HMAC-SHA256 for their blind index, with the JDK's own providers: nothing to add to
 * the build, FIPS-reviewed algorithms, and the few lines of format below are all there is to read (Tink would bring
 * keysets and rotation too, but also a protobuf dependency and a key format of its own for four operations).
 *
 * <p>A sealed value is {@code [key version: 1 byte][nonce: 12 random bytes][ciphertext][tag: 16 bytes]}. The associated
 * data is the version byte and the column ({@code anju-personal-data:<table>.<column>:<field>}), so a value moved to another
 * column, or its version byte changed, fails to open like a flipped bit does. A random 96-bit nonce per value is safe
 * for up to 2^32 values per key (NIST SP 800-38D), far beyond what one installation seals before its key rotates.
 * Lengths are not hidden (a landline is longer than a mobile).
 *
 * <p>Opening a value that fails its tag, or names a key version not configured, is not the user's doing: it is a bug
 * or an operations problem (a changed row, a lost key), thrown as {@link IllegalStateException} — a 500 with an error
 * id — naming the column, never the value.
 */
final class DataCipher {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    DataCipher(DataKeys keys) {
        this.keys = keys;
    }

    DataKeys keys() {
        return keys;
    }

    /** Seals {@code plaintext} for {@code column} with the current key. */
    byte[] seal(Column column, String plaintext) {
        int version = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.encryption(version), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(version, column));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put((byte) version).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法加密个人信息（" + column + "）", e);
        }
    }

    /** Opens a value sealed for {@code column}. */
    String open(Column column, byte[] sealed) {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new IllegalStateException("个人信息密文不完整（" + column + "）：数据被改动或不是本系统加密的");
        }
        int version = version(sealed);
        SecretKey key = keys.encryption(version);
        if (key == null) {
            throw new IllegalStateException("个人信息密文使用第 " + version + " 版密钥（" + column + "），当前密钥配置中没有这一版"
                    + "（有 " + keys.versions() + "）：请把这一版密钥加回密钥配置");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            c.updateAAD(aad(version, column));
            return new String(c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("个人信息密文校验失败（" + column + "）：数据被改动，或是从别的列复制来的", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法解密个人信息（" + column + "）", e);
        }
    }

    /** The key version a sealed value names (its first byte). */
    static int version(byte[] sealed) {
        return sealed[0] & 0xFF;
    }

    /**
     * The blind index of a normalized value: HMAC-SHA256 under the field's own key, so that equal values of one field
     * have equal indexes in every table, and nothing else can be learned from them without the key.
     */
    byte[] blindIndex(PersonalField field, String normalized) {
        if (!field.indexed()) {
            throw new IllegalStateException(field.label() + "不建盲索引（取值太少，带密钥的散列也挡不住逐个试算）");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.index(field));
            return mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法计算盲索引", e);
        }
    }

    private static byte[] aad(int version, Column column) {
        byte[] c = column.associatedData();
        return ByteBuffer.allocate(1 + c.length).put((byte) version).put(c).array();
    }
}
