package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** FIPS 180-2's test vectors, in lower-case hex as stored beside files. */
class Sha256Test {

    @Test
    void knownVectors() {
        assertThat(Sha256.hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("安居")).isEqualTo(Sha256.hex("安居".getBytes(StandardCharsets.UTF_8)));
    }
}
