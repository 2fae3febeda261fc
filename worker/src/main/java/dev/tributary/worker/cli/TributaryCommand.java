package dev.tributary.worker.cli;

import dev.tributary.core.TributaryException;
import dev.tributary.worker.Version;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command line. Other modules add subcommands (the quickstart does). */
@Command(name = "tributary", mixinStandardHelpOptions = true, versionProvider = TributaryCommand.VersionProvider.class,
        description = "A Kafka-native real-time ingestion node that answers Druid native queries.",
        subcommands = {ServerCommand.class, RepartitionCommand.class})
public final class TributaryCommand {
    /** Exit code for a refused spec or config: the user has something to fix. */
    public static final int EXIT_BAD_INPUT = 2;

    /** A command line whose errors print as one clear line rather than a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TributaryCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof TributaryException || e instanceof UncheckedIOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tributary " + Version.get()};
        }
    }
}
