package org.anju.privacy;

import org.anju.platform.Once;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The digest {@link Once} keeps of what a keyed request asked: HMAC-SHA256 under a key derived from the personal-data
 * key, so that the request may include personal data. With a plain SHA-256 the petitioner's name and phone had to be
 * left out (a phone's digest is found by trying every number), and a form sent again with only those changed was taken
 * for the same submission and answered with the first one's result — the change was lost without a word (review 23
 * L2). Every node of a cluster has the same data key, so a repeat is recognised on any of them.
 */
@Component
class RequestDigests implements Once.Digest {

    private final DataKeys keys;

    RequestDigests(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String of(String request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.requests());
            return HexFormat.of().formatHex(mac.doFinal(request.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法计算请求摘要", e);
        }
    }
}
