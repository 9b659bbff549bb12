package org.anju.privacy;

import org.anju.region.Region;

import java.util.regex.Pattern;

/**
 * Whose personal data is accessed, as the access log names it: a record of a feature (a rental application, one of its
 * household members) and the region it belongs to — the actor must be allowed to read that region, and auditors of the
 * region see the access.
 *
 * @param type   what kind of record, lower-case ({@code rental_application}, {@code rental_member})
 * @param id     its key, 1–64 characters
 * @param region the region whose data it is
 */
public record Subject(String type, String id, Region region) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public Subject {
        if (type == null || !TYPE.matcher(type).matches() || id == null || id.isEmpty() || id.length() > 64
                || id.chars().anyMatch(Character::isISOControl) || region == null) {
            throw new IllegalStateException("个人信息的主体须有小写类型、1–64 字符的标识和所属地区：" + type + " " + id);
        }
    }

    public static Subject of(String type, long id, Region region) {
        return new Subject(type, Long.toString(id), region);
    }
}
