package dev.tributary.quickstart.cluster;

import dev.tributary.worker.metadata.MetadataStoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The metadata store the nodes of a local cluster share: a database of its own on a PostgreSQL
 * server (user {@code postgres}, no password: trust authentication on 127.0.0.1), or the embedded H2
 * store, whose AUTO_SERVER mode lets the processes of one machine open one file together.
 *
 * @param type {@code postgresql} or {@code embedded}
 * @param connectURI the JDBC URL for PostgreSQL; null for the embedded store
 * @param directory the embedded store's directory; null for PostgreSQL
 */
public record MetadataDatabase(String type, String connectURI, String directory) {
    static final String POSTGRESQL = "postgresql";
    static final String EMBEDDED = "embedded";
    private static final String USER = "postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    /** Which store {@code up} picks. */
    public enum Choice {
        /** PostgreSQL when the server answers, else the embedded store. */
        AUTO, POSTGRESQL, EMBEDDED
    }

    public MetadataDatabase {
        Objects.requireNonNull(type, "type");
        if (!type.equals(POSTGRESQL) && !type.equals(EMBEDDED)) {
            throw new IllegalArgumentException("unknown metadata store type " + type);
        }
    }

    /**
     * Chooses the store and, for PostgreSQL, creates a new database {@code tributary_cluster_<random>}.
     *
     * @param postgres {@code host:port} of the PostgreSQL server to try
     * @throws LocalClusterException if PostgreSQL was asked for and cannot be used
     */
    static MetadataDatabase create(Choice choice, String postgres, Path embeddedDirectory) {
        if (choice != Choice.EMBEDDED) {
            String name = "tributary_cluster_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
            try (Connection admin = connect(postgres, "postgres"); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
                return new MetadataDatabase(POSTGRESQL, "jdbc:postgresql://" + postgres + "/" + name, null);
            } catch (SQLException e) {
                if (choice == Choice.POSTGRESQL) {
                    throw new LocalClusterException("cannot create a database on PostgreSQL at " + postgres + ": " + e.getMessage(), e);
                }
            }
        }
        return new MetadataDatabase(EMBEDDED, null, embeddedDirectory.toAbsolutePath().toString());
    }

    /** The {@code tributary.metadata.storage.*} keys of every node. */
    void addTo(Properties props) {
        props.setProperty(MetadataStoreConfig.TYPE.name(), type);
        if (type.equals(POSTGRESQL)) {
            props.setProperty(MetadataStoreConfig.CONNECT_URI.name(), connectURI);
            props.setProperty(MetadataStoreConfig.USER.name(), USER);
        } else {
            props.setProperty(MetadataStoreConfig.EMBEDDED_DIRECTORY.name(), directory);
        }
    }

    /** Drops the PostgreSQL database (connections still open are ended); the embedded store goes with its directory. */
    void drop() {
        if (!type.equals(POSTGRESQL)) {
            return;
        }
        String hostAndPort = connectURI.substring("jdbc:postgresql://".length(), connectURI.lastIndexOf('/'));
        String name = connectURI.substring(connectURI.lastIndexOf('/') + 1);
        try (Connection admin = connect(hostAndPort, "postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new LocalClusterException("cannot drop the database " + name + " on PostgreSQL at " + hostAndPort
                    + ": " + e.getMessage(), e);
        }
    }

    /** How {@code status} names it: the JDBC URL or the directory. */
    String describe() {
        return type.equals(POSTGRESQL) ? "PostgreSQL " + connectURI : "embedded H2 in " + directory;
    }

    private static Connection connect(String hostAndPort, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection("jdbc:postgresql://" + hostAndPort + "/" + database, props);
    }
}
