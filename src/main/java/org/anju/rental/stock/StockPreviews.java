package org.anju.rental.stock;

import org.anju.privacy.KeptFiles;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the import page's previews, kept until their owner confirms (at most 30 minutes, 3 per user): in the
 * database ({@link KeptFiles}), so that the confirm may reach another node than the preview (issue 15); the commit
 * reads the same bytes again and checks them again against the database.
 */
@Component
public class StockPreviews {

    static final String PURPOSE = "stock-import";
    static final int MAX_PER_USER = 3;

    record Kept(String owner, String regionCode, Programme programme, String fileName, byte[] content, Instant at) {
    }

    private final KeptFiles files;

    StockPreviews(KeptFiles files) {
        this.files = files;
    }

    /** Keeps a previewed file for its owner; the token names it in the commit. */
    public String keep(String owner, String regionCode, Programme programme, String fileName, byte[] content) {
        Map<String, String> params = new HashMap<>();
        params.put("region", regionCode);
        params.put("programme", programme == null ? null : programme.name());
        return files.keep(PURPOSE, owner, params, fileName, content, MAX_PER_USER);
    }

    /** The kept file, whoever kept it (the caller checks the region and the owner). */
    Optional<Kept> get(String token) {
        return files.get(PURPOSE, token).map(k -> new Kept(k.owner(), k.param("region"),
                k.param("programme") == null ? null : Programme.valueOf(k.param("programme")), k.fileName(), k.content(),
                k.at()));
    }

    void forget(String token) {
        files.forget(token);
    }
}
