package org.anju.rental.stock;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of the import page's previews, kept until their owner confirms (at most 30 minutes, 50 in all, 3 per user;
 * memory only, like the page jobs): the commit reads the same bytes again and checks them again against the database.
 */
@Component
public class StockPreviews {

    static final Duration KEEP = Duration.ofMinutes(30);
    static final int MAX = 50;
    static final int MAX_PER_USER = 3;

    record Kept(String owner, String regionCode, Programme programme, String fileName, byte[] content, Instant at) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>();

    /** Keeps a previewed file for its owner; the token names it in the commit. */
    public synchronized String keep(String owner, String regionCode, Programme programme, String fileName, byte[] content) {
        expire();
        long mine = kept.values().stream().filter(k -> k.owner().equals(owner)).count();
        for (Iterator<Map.Entry<String, Kept>> i = kept.entrySet().iterator(); i.hasNext() && (mine >= MAX_PER_USER || kept.size() >= MAX); ) {
            Map.Entry<String, Kept> e = i.next();
            if (mine >= MAX_PER_USER ? e.getValue().owner().equals(owner) : true) {
                if (e.getValue().owner().equals(owner)) {
                    mine--;
                }
                i.remove();
            }
        }
        String token = UUID.randomUUID().toString();
        kept.put(token, new Kept(owner, regionCode, programme, fileName, content, Instant.now()));
        return token;
    }

    /** The kept file, whoever kept it (the caller checks the region and the owner). */
    synchronized Optional<Kept> get(String token) {
        expire();
        return Optional.ofNullable(token == null ? null : kept.get(token));
    }

    synchronized void forget(String token) {
        kept.remove(token);
    }

    private void expire() {
        Instant limit = Instant.now().minus(KEEP);
        kept.values().removeIf(k -> k.at().isBefore(limit));
    }
}
