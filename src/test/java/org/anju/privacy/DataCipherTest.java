package org.anju.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encryption at rest and the blind index, without the application: round trip, tampering, column binding, rotation. */
class DataCipherTest {

    static final Column APPLICANT_ID = new Column("rental_application", "applicant_id_enc", PersonalField.ID_NUMBER);
    static final Column MEMBER_ID = new Column("rental_member", "id_number_enc", PersonalField.ID_NUMBER);
    static final Column APPLICANT_PHONE = new Column("rental_application", "applicant_phone_enc", PersonalField.PHONE);
    static final String ID = "11010519491231002X";

    static byte[] key(int seed) {
        byte[] k = new byte[DataKeys.KEY_BYTES];
        Arrays.fill(k, (byte) seed);
        k[0] = (byte) (seed * 7);
        return k;
    }

    /** A key ring of these versions (each with its own fixed key), blind index by version 1 unless it is absent. */
    static DataCipher cipher(int... versions) {
        Map<Integer, byte[]> masters = new TreeMap<>();
        for (int v : versions) {
            masters.put(v, key(v));
        }
        return new DataCipher(DataKeys.of(masters, masters.containsKey(1) ? 1 : versions[0], "测试"));
    }

    @ParameterizedTest
    @ValueSource(strings = {ID, "13812341234", "0791-86123456", "欧阳娜娜", "阿依古丽·买买提", "36500.00", ""})
    void roundTrip(String plain) {
        DataCipher c = cipher(1);
        byte[] sealed = c.seal(APPLICANT_ID, plain);
        assertThat(c.open(APPLICANT_ID, sealed)).isEqualTo(plain);
        assertThat(sealed).hasSize(DataCipher.OVERHEAD + plain.getBytes(StandardCharsets.UTF_8).length);
        assertThat(DataCipher.version(sealed)).isEqualTo(1);
        if (!plain.isEmpty()) {
            assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(plain.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void everyValueGetsItsOwnNonce() {
        DataCipher c = cipher(1);
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            byte[] sealed = c.seal(APPLICANT_ID, ID);
            assertThat(seen.add(HexFormat.of().formatHex(sealed, 1, 1 + DataCipher.NONCE_BYTES))).isTrue();
        }
    }

    @Test
    void flippingAnyBitOfAnyByteIsDetected() {
        DataCipher c = cipher(1, 2);
        byte[] sealed = c.seal(APPLICANT_ID, ID);
        IntStream.range(0, sealed.length).forEach(i -> {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> c.open(APPLICANT_ID, tampered)).as("byte %d bit %d", i, bit)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("rental_application.applicant_id_enc")
                        .hasMessageNotContaining(ID)
                        .hasMessageNotContaining("19491231");
            }
        });
    }

    @Test
    void aShortenedOrEmptyValueIsRefusedToo() {
        DataCipher c = cipher(1);
        byte[] sealed = c.seal(APPLICANT_ID, ID);
        assertThatThrownBy(() -> c.open(APPLICANT_ID, Arrays.copyOf(sealed, sealed.length - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("校验失败");
        assertThatThrownBy(() -> c.open(APPLICANT_ID, Arrays.copyOf(sealed, DataCipher.OVERHEAD - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("不完整");
        assertThatThrownBy(() -> c.open(APPLICANT_ID, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueCopiedIntoAnotherColumnDoesNotOpenThere() {
        DataCipher c = cipher(1);
        byte[] sealed = c.seal(APPLICANT_ID, ID);
        assertThatThrownBy(() -> c.open(MEMBER_ID, sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("从别的列复制来的");
        assertThatThrownBy(() -> c.open(new Column("rental_application", "applicant_id_enc", PersonalField.PHONE), sealed))
                .as("the column's name binds it; the field kind alone does not")
                .isInstanceOf(IllegalStateException.class);
        assertThat(c.open(new Column("rental_application", "applicant_id_enc", PersonalField.ID_NUMBER), sealed)).isEqualTo(ID);
    }

    @Test
    void keysRotateAndOldVersionsStillOpen() {
        byte[] v1 = cipher(1).seal(APPLICANT_ID, ID);
        DataCipher rotated = cipher(1, 2);
        assertThat(rotated.open(APPLICANT_ID, v1)).isEqualTo(ID);
        byte[] v2 = rotated.seal(APPLICANT_ID, ID);
        assertThat(DataCipher.version(v2)).as("new values take the highest version").isEqualTo(2);
        assertThat(rotated.open(APPLICANT_ID, v2)).isEqualTo(ID);
        assertThat(cipher(1, 2, 3).open(APPLICANT_ID, v2)).isEqualTo(ID);
        // the version byte is authenticated: naming another configured version fails like tampering
        byte[] relabelled = v2.clone();
        relabelled[0] = 1;
        assertThatThrownBy(() -> rotated.open(APPLICANT_ID, relabelled)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("校验失败");
        // a retired version is named in the message, so the operator knows which key to put back
        DataCipher retired = new DataCipher(DataKeys.of(new TreeMap<>(Map.of(2, key(2), 1, key(1))), 1, "测试"));
        assertThat(retired.open(APPLICANT_ID, v1)).isEqualTo(ID);
        DataCipher withoutOne = new DataCipher(DataKeys.of(new TreeMap<>(Map.of(2, key(2), 3, key(3))), 2, "测试"));
        assertThatThrownBy(() -> withoutOne.open(APPLICANT_ID, v1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("第 1 版密钥").hasMessageContaining("[2, 3]");
    }

    @Test
    void theBlindIndexIsPerFieldAndSurvivesANewEncryptionKey() {
        DataCipher one = cipher(1);
        DataCipher rotated = cipher(1, 2);
        byte[] index = one.blindIndex(PersonalField.ID_NUMBER, ID);
        assertThat(index).hasSize(32);
        assertThat(rotated.blindIndex(PersonalField.ID_NUMBER, ID)).as("adding key 2 changes no index").isEqualTo(index);
        assertThat(one.blindIndex(PersonalField.ID_NUMBER, "110105194912310021")).isNotEqualTo(index);
        assertThat(one.blindIndex(PersonalField.NAME, ID)).as("each field has its own key").isNotEqualTo(index);
        assertThat(cipher(2).blindIndex(PersonalField.ID_NUMBER, ID)).as("another key, another index").isNotEqualTo(index);
        assertThatThrownBy(() -> one.blindIndex(PersonalField.INCOME, "36500.00")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("收入不建盲索引");
    }

    @Test
    void encryptionAndIndexKeysAreDerivedApart() {
        // the same master key must not serve as both AES and HMAC key, nor be used raw
        DataKeys keys = DataKeys.of(new HashMap<>(Map.of(1, key(1))), 1, "测试");
        byte[] aes = keys.encryption(1).getEncoded();
        assertThat(aes).hasSize(32).isNotEqualTo(key(1));
        for (PersonalField f : PersonalField.values()) {
            assertThat(keys.index(f).getEncoded()).isNotEqualTo(aes).isNotEqualTo(key(1));
        }
        assertThat(keys.index(PersonalField.NAME).getEncoded()).isNotEqualTo(keys.index(PersonalField.PHONE).getEncoded());
        assertThat(keys.toString()).contains("[1]").doesNotContain(java.util.Base64.getEncoder().encodeToString(key(1)));
    }

    @Test
    void theMastersAreWipedAfterDerivation() {
        Map<Integer, byte[]> masters = new TreeMap<>(Map.of(1, key(1)));
        DataKeys.of(masters, 1, "测试");
        assertThat(masters.get(1)).containsOnly(0);
    }

    @Test
    void aPhoneSealedForOneColumnStaysInIt() {
        DataCipher c = cipher(1);
        byte[] sealed = c.seal(APPLICANT_PHONE, "13812341234");
        assertThatThrownBy(() -> c.open(APPLICANT_ID, sealed)).isInstanceOf(IllegalStateException.class);
    }
}
