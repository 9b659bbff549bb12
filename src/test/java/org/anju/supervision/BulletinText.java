package org.anju.supervision;

import org.anju.bulletin.Bulletin;

/** A bulletin's paragraphs as one text, its subsections' after their section's: what the tests search for sentences. */
final class BulletinText {

    private BulletinText() {
    }

    static String of(Bulletin b) {
        StringBuilder s = new StringBuilder();
        b.sections().forEach(sec -> {
            s.append(String.join("\n", sec.paragraphs()));
            sec.subsections().forEach(sub -> s.append(String.join("\n", sub.paragraphs())));
        });
        return s.toString();
    }
}
