package dev.tributary.worker.metadata;

import dev.tributary.worker.config.ConfigChoice;
import dev.tributary.worker.config.ConfigKey;
import dev.tributary.worker.config.InvalidConfigException;
import dev.tributary.worker.config.RuntimeProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the metadata store lives and how to log in, read from runtime.properties (the Druid
 * {@code druid.metadata.storage.*} keys, under {@code tributary.}). Every {@code tributary.metadata.*}
 * key must be one of {@link #KEYS}.
 *
 * <p>{@link #toString()} and every message built from this config leave the password out, and mask a
 * {@code password=} parameter written into the connect URI.
 *
 * @param type the database kind
 * @param connectUri the JDBC URL; for {@link StorageType#EMBEDDED} without one, an H2 file database
 *     under {@code tributary.metadata.storage.embedded.directory} that several processes can share
 * @param user the database user, or null for the driver's default
 * @param password the database password, or null for none
 * @param tablesBase the table name prefix: tables are {@code <tablesBase>_offsets}, ..., see the
 *     {@code ...Table()} methods
 */
public record MetadataStoreConfig(StorageType type, String connectUri, String user, String password,
        String tablesBase) {

    /** The database kinds Tributary knows. */
    public enum StorageType implements ConfigChoice {
        /** H2, in a file on this machine (or in memory, for tests): one machine, no server to run. */
        EMBEDDED("embedded", "jdbc:h2:"),
        /** A PostgreSQL server, for a cluster. */
        POSTGRESQL("postgresql", "jdbc:postgresql:");

        private final String configName;
        private final String uriPrefix;

        StorageType(String configName, String uriPrefix) {
            this.configName = configName;
            this.uriPrefix = uriPrefix;
        }

        /** The value of {@code tributary.metadata.storage.type} that selects this kind. */
        @Override
        public String configName() {
            return configName;
        }
    }

    /**
     * At most 46 characters, so that the longest table name, {@code <base>_pending_segments}, fits
     * PostgreSQL's 63-character names: PostgreSQL cuts longer names short without an error, and two
     * bases that differ only past the cut would then share tables.
     */
    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,45}");
    private static final Pattern PASSWORD_IN_URI = Pattern.compile("(?i)(password=)[^&;]*");

    public static final ConfigKey<String> TYPE = ConfigKey.oneOf("tributary.metadata.storage.type",
            StorageType.EMBEDDED, StorageType.values(),
            "The metadata store database: embedded (H2 on this machine) or postgresql (for a cluster).");
    public static final ConfigKey<String> CONNECT_URI = ConfigKey.optionalText(
            "tributary.metadata.storage.connector.connectURI",
            "The JDBC URL of the metadata store. Required for postgresql (jdbc:postgresql://host:5432/db); "
                    + "for embedded it defaults to an H2 file database under the embedded directory.");
    public static final ConfigKey<String> USER = ConfigKey.optionalText("tributary.metadata.storage.connector.user",
            "The database user.");
    public static final ConfigKey<String> PASSWORD = ConfigKey.secret("tributary.metadata.storage.connector.password",
            "The database password. Never logged or shown.");
    public static final ConfigKey<String> TABLES_BASE = ConfigKey.matching("tributary.metadata.storage.tables.base",
            "tributary", SQL_IDENTIFIER,
            "must be a plain SQL name: a letter or underscore, then letters, digits or underscores, "
                    + "at most 46 characters",
            "The prefix of the metadata tables: <base>_offsets, <base>_commits, <base>_segments, "
                    + "<base>_pending_segments.");
    public static final ConfigKey<Path> EMBEDDED_DIRECTORY = ConfigKey.path(
            "tributary.metadata.storage.embedded.directory",
            Path.of(System.getProperty("java.io.tmpdir"), "tributary-metadata"),
            "Where the embedded store keeps its H2 database file, when connectURI is not set. "
                    + "Processes on this machine that name the same directory share one store.");

    /** Every key this config reads, for validation and for docs/configuration.md. */
    public static final List<ConfigKey<?>> KEYS = List.of(TYPE, CONNECT_URI, USER, PASSWORD, TABLES_BASE,
            EMBEDDED_DIRECTORY);

    public MetadataStoreConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tablesBase, "tablesBase");
        if (connectUri == null || connectUri.isBlank()) {
            throw new InvalidConfigException(CONNECT_URI.name(), "is required when "
                    + TYPE.name() + " is " + type.configName() + ", e.g. jdbc:postgresql://db.example.com:5432/druid");
        }
        if (!connectUri.startsWith(type.uriPrefix)) {
            throw new InvalidConfigException(CONNECT_URI.name(), "'" + redact(connectUri, password)
                    + "' must start with " + type.uriPrefix + " when " + TYPE.name() + " is " + type.configName());
        }
        TABLES_BASE.check(tablesBase);
    }

    /** The embedded store in its default directory. */
    public static MetadataStoreConfig defaults() {
        return from(new Properties());
    }

    public static MetadataStoreConfig from(Path file) {
        return from(RuntimeProperties.load(file));
    }

    public static MetadataStoreConfig from(Properties props) {
        RuntimeProperties.requireKnownKeys(props, "tributary.metadata.", KEYS, List.of());
        StorageType type = ConfigChoice.of(StorageType.values(), TYPE, TYPE.read(props));
        String connectUri = CONNECT_URI.read(props);
        Path directory = EMBEDDED_DIRECTORY.read(props);
        if (EMBEDDED_DIRECTORY.isSet(props) && (type != StorageType.EMBEDDED || connectUri != null)) {
            throw new InvalidConfigException(EMBEDDED_DIRECTORY.name(), "is only used by the embedded store without a "
                    + CONNECT_URI.name() + "; remove one of the two");
        }
        if (type == StorageType.EMBEDDED && connectUri == null) {
            connectUri = embeddedUri(directory);
        }
        return new MetadataStoreConfig(type, connectUri, USER.read(props), PASSWORD.read(props),
                TABLES_BASE.read(props));
    }

    /**
     * The H2 file database in {@code directory}. {@code AUTO_SERVER=TRUE} lets several processes on
     * this machine use it at once: the first to open it serves it to the others over a local socket.
     * {@code WRITE_DELAY=0} writes each commit to the file before the commit returns. By default H2
     * writes commits up to half a second later, so a worker killed in between would lose a ledger
     * commit whose Kafka offsets were already committed, and with it the rows of its hydrants.
     */
    public static String embeddedUri(Path directory) {
        String path = directory.toAbsolutePath().normalize().resolve("metadata").toString();
        if (path.indexOf(';') >= 0) {
            throw new InvalidConfigException(EMBEDDED_DIRECTORY.name(), "'" + directory
                    + "' must not contain ';' (H2 reads it as the start of a URL setting)");
        }
        return "jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** {@code <tablesBase>_offsets}: the ledger, one row per (consumer group, topic, partition). */
    public String offsetsTable() {
        return tablesBase + "_offsets";
    }

    /** {@code <tablesBase>_commits}: the id of every ledger commit, for recognising a retried one. */
    public String commitsTable() {
        return tablesBase + "_commits";
    }

    /** {@code <tablesBase>_segments}: published segments, in the shape of Druid's {@code druid_segments}. */
    public String segmentsTable() {
        return tablesBase + "_segments";
    }

    /** {@code <tablesBase>_pending_segments}: partition numbers allocated to sinks not yet published. */
    public String pendingSegmentsTable() {
        return tablesBase + "_pending_segments";
    }

    /** The connect URI with any {@code password=} parameter masked, for messages and logs. */
    public String redactedUri() {
        return redact(connectUri);
    }

    /** {@code text} with the password (if any) and {@code password=} URI parameters masked. */
    String redact(String text) {
        return redact(text, password);
    }

    private static String redact(String text, String password) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_IN_URI.matcher(text).replaceAll("$1" + ConfigKey.MASK);
        return password == null || password.isEmpty() ? masked : masked.replace(password, ConfigKey.MASK);
    }

    @Override
    public String toString() {
        return "MetadataStoreConfig[type=" + type.configName() + ", connectUri=" + redactedUri() + ", user=" + user
                + ", password=" + ConfigKey.masked(password) + ", tablesBase=" + tablesBase + "]";
    }
}
