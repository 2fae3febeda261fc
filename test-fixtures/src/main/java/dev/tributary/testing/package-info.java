/**
 * JUnit 5 extensions that give tests real servers. Kafka, ZooKeeper and S3 are started once per
 * test JVM and shared by every test class; PostgreSQL and H2 give each test class a fresh database.
 * Register them on static fields with {@code @RegisterExtension}.
 */
package dev.tributary.testing;
