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
        try {
            return encrypt(column.associatedData(), plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法加密个人信息（" + column + "）", e);
        }
    }

    /** Opens a value sealed for {@code column}. */
    String open(Column column, byte[] sealed) {
        return new String(decrypt(column.associatedData(), sealed, column.toString()), StandardCharsets.UTF_8);
    }

    /**
     * Seals a whole uploaded file kept for a while ({@link KeptFiles}: a 台账 or 房源 table may list names and phones),
     * bound to {@code label} as a value is to its column.
     */
    byte[] sealFile(String label, byte[] content) {
        try {
            return encrypt(fileData(label), content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法加密暂存的文件（" + label + "）", e);
        }
    }

    byte[] openFile(String label, byte[] sealed) {
        return decrypt(fileData(label), sealed, "暂存文件 " + label);
    }

    private static byte[] fileData(String label) {
        return ("anju-kept-file:" + label).getBytes(StandardCharsets.UTF_8);
    }

    /** A fixed text sealed with the key of {@code version}: {@link DataKeyCheck} keeps one per version. */
    byte[] sealCheck(int version) {
        try {
            return encrypt(version, CHECK, CHECK);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法生成密钥核对值", e);
        }
    }

    /** Opens a {@link #sealCheck} value: throws {@link IllegalStateException} when this key of its version does not. */
    void openCheck(byte[] sealed) {
        decrypt(CHECK, sealed, "密钥核对值 data_key_check");
    }

    private static final byte[] CHECK = "anju-data-key-check".getBytes(StandardCharsets.US_ASCII);

    private byte[] encrypt(byte[] associated, byte[] plain) throws GeneralSecurityException {
        return encrypt(keys.current(), associated, plain);
    }

    private byte[] encrypt(int version, byte[] associated, byte[] plain) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, keys.encryption(version), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(aad(version, associated));
        byte[] sealed = c.doFinal(plain);
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put((byte) version).put(nonce).put(sealed).array();
    }

    /** {@code what} names the column (or file) in messages, never the value. */
    private byte[] decrypt(byte[] associated, byte[] sealed, String what) {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new IllegalStateException("个人信息密文不完整（" + what + "）：数据被改动或不是本系统加密的");
        }
        int version = version(sealed);
        SecretKey key = keys.encryption(version);
        if (key == null) {
            throw new IllegalStateException("个人信息密文使用第 " + version + " 版密钥（" + what + "），当前密钥配置中没有这一版"
                    + "（有 " + keys.versions() + "）：请把这一版密钥加回密钥配置");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            c.updateAAD(aad(version, associated));
            return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("个人信息密文校验失败（" + what + "）：数据被改动，或是从别的列复制来的", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法解密个人信息（" + what + "）", e);
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

    private static byte[] aad(int version, byte[] associated) {
        return ByteBuffer.allocate(1 + associated.length).put((byte) version).put(associated).array();
    }
}
