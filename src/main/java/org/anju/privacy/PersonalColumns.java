package org.anju.privacy;

import java.util.List;

/**
 * The columns a feature keeps sealed personal data in, declared as a bean so that key rotation
 * ({@code java -jar anju.jar privacy reencrypt}) re-seals every one of them and forgets none.
 */
public interface PersonalColumns {

    List<Column> columns();
}
