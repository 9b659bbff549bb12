package org.anju.privacy;

import org.anju.account.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code anju.privacy.*}: where the keys are ({@link DataKeys}) and which role may see which field in plaintext.
 *
 * @param key             the keys in text form ({@code ANJU_DATA_KEY}); never logged
 * @param keyFile         a file holding them ({@code ANJU_DATA_KEY_FILE})
 * @param indexKeyVersion the key version the blind indexes are computed with (default 1)
 * @param encryptVersion  the key version new values are sealed with (default: the highest configured), pinned lower
 *                        only while a new key is being rolled out to every node
 * @param reveal          per role, the fields it may reveal or export; a role not listed reveals nothing. An unknown
 *                        role or field stops the start (Spring's binding), an ignored rule would be worse than none
 */
@ConfigurationProperties("anju.privacy")
record PrivacyProperties(String key, String keyFile, Integer indexKeyVersion, Integer encryptVersion,
                         Map<Role, Set<PersonalField>> reveal) {

    PrivacyProperties {
        indexKeyVersion = indexKeyVersion == null ? 1 : indexKeyVersion;
        Map<Role, Set<PersonalField>> r = new EnumMap<>(Role.class);
        if (reveal != null) {
            reveal.forEach((role, fields) -> r.put(role, fields == null || fields.isEmpty()
                    ? Set.of() : Set.copyOf(EnumSet.copyOf(fields))));
        }
        reveal = Map.copyOf(r);
    }

    boolean mayReveal(Set<Role> roles, PersonalField field) {
        return roles.stream().anyMatch(role -> reveal.getOrDefault(role, Set.of()).contains(field));
    }

    /** Without the key: a record's generated toString would print it. */
    @Override
    public String toString() {
        return "PrivacyProperties[key=" + (key == null || key.isBlank() ? "" : "（已设置）") + ", keyFile=" + keyFile
                + ", indexKeyVersion=" + indexKeyVersion + ", encryptVersion=" + encryptVersion + ", reveal=" + reveal + "]";
    }
}
