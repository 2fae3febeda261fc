package dev.tributary.worker.cli;

import picocli.CommandLine.Command;

/** {@code tributary server <role>}: runs one node. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run a Tributary node.",
        subcommands = {RealtimeCommand.class, HistoricalCommand.class})
final class ServerCommand {
}
