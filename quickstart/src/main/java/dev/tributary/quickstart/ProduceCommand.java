package dev.tributary.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tributary produce}: the quickstart's sample producer on its own, for a Kafka cluster that
 * runs elsewhere (docker-compose.yml uses it). Exits 0 once {@code --events} were sent and taken by
 * the broker, 1 if the broker refused some or it stopped short; without {@code --events} it runs until
 * stopped.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Stream sample Wikipedia edits, stamped with the current time, into a Kafka topic "
                + "(the events the quickstart's spec and docker/conf/wikipedia-spec.json ingest).")
final class ProduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, host:port[,host:port...]")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "wikipedia", description = "the topic to write (default ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--rate", defaultValue = "1000", description = "events per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--events", defaultValue = "" + Long.MAX_VALUE, description = "stop after this many events")
    long events;

    @Option(names = "--report-seconds", defaultValue = "10",
            description = "seconds between progress lines (default ${DEFAULT-VALUE})")
    int reportSeconds;

    @Override
    public Integer call() throws InterruptedException {
        requirePositive("--rate", rate);
        requirePositive("--events", events);
        requirePositive("--report-seconds", reportSeconds);
        PrintStream out = System.out;
        SampleProducer producer = new SampleProducer(bootstrap, topic, rate, events);
        // Closing twice is harmless: the hook covers Ctrl-C and docker stop, the end of call() the rest.
        Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "shutdown"));
        producer.start();
        out.printf("producing sample Wikipedia edits to topic '%s' on %s at %,d events/s%n", topic, bootstrap, rate);
        while (!producer.awaitStopped(Duration.ofSeconds(reportSeconds))) {
            report(out, producer);
        }
        producer.close();
        report(out, producer);
        // Short of --events means the producing thread died (its error is printed) or was stopped.
        return producer.failed() == 0 && producer.sent() == events ? 0 : 1;
    }

    private static void report(PrintStream out, SampleProducer producer) {
        Exception failure = producer.lastFailure();
        out.printf("sent %,d events, %,d failed%s%n", producer.sent(), producer.failed(),
                failure == null ? "" : " (last error: " + failure.getMessage() + ")");
    }

    private void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
        }
    }
}
