/**
 * Servers that run inside the JVM of their user, for the one-JVM quickstart and for tests: a real
 * single-node Kafka cluster ({@link dev.tributary.embedded.EmbeddedKafkaBroker}).
 */
package dev.tributary.embedded;
