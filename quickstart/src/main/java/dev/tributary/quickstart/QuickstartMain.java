package dev.tributary.quickstart;

import dev.tributary.quickstart.cluster.ClusterCommand;
import dev.tributary.worker.cli.TributaryCommand;
import picocli.CommandLine;

/** The full {@code tributary} command line: the node commands plus {@code quickstart}, {@code produce} and {@code cluster}. */
public final class QuickstartMain {
    private QuickstartMain() {
    }

    public static CommandLine commandLine() {
        return TributaryCommand.commandLine().addSubcommand("quickstart", new QuickstartCommand())
                .addSubcommand("produce", new ProduceCommand())
                .addSubcommand("cluster", new ClusterCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
