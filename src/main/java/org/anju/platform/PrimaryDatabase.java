package org.anju.platform;

/**
 * The address of the database the application writes to (the primary): ANJU_DB_URL with its user and password, or the
 * embedded server's database under ANJU_DATA_DIR. Known without opening the connection pool, so that a command-line
 * tool ({@code anju backup}, {@code anju restore}) that hands the address to PostgreSQL's own client programs neither
 * starts the pool nor depends on the data source's type (a routing proxy when a read replica is configured).
 * {@code external}: given by ANJU_DB_URL (the operator's settings to check when it cannot be reached), not the embedded one.
 */
public record PrimaryDatabase(String jdbcUrl, String user, String password, boolean external) {

    @Override
    public String toString() {
        return "PrimaryDatabase[" + jdbcUrl + ", user " + user + "]"; // never the password
    }
}
