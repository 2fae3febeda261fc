package dev.tributary.quickstart.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts, finds and stops the cluster's JVMs. A process is started in a session of its own (with
 * {@code setsid} where there is one), its input from /dev/null and its output in its log file, so it
 * outlives the command that started it and a Ctrl-C in that terminal does not reach it. It is found
 * again by pid and start time, so a pid the system has since given to another process is not mistaken
 * for it.
 */
final class JavaProcesses {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** Start times read back from the system are rounded; within this they are the same process. */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    private JavaProcesses() {
    }

    /**
     * Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}.
     *
     * @return the process, as the state file records it
     */
    static ClusterProcess start(String name, ClusterProcess.Role role, int port, List<String> jvmOptions, String classpath,
            String mainClass, List<String> args, Path log, Path workingDirectory) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(JAVA.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workingDirectory);
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
            return new ClusterProcess(name, role, process.pid(), started, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + JAVA + "): " + e.getMessage(), e);
        }
    }

    /** The running process, if it is still the one that was started (not exited, not a zombie, not a recycled pid). */
    static Optional<ProcessHandle> find(ClusterProcess process) {
        return ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive).filter(handle -> sameStart(handle, process))
                .filter(handle -> !zombie(process.pid()));
    }

    static boolean isAlive(ClusterProcess process) {
        return find(process).isPresent();
    }

    /**
     * Stops the process: SIGTERM (the node's shutdown hook persists and commits), then SIGKILL if it has
     * not exited within {@code grace}. Returns once it is gone.
     */
    static void stop(ClusterProcess process, Duration grace) {
        signalAndWait(List.of(process), grace);
    }

    /** Stops several processes at once: all get SIGTERM, then whatever still runs after {@code grace} gets SIGKILL. */
    static void signalAndWait(List<ClusterProcess> processes, Duration grace) {
        List<ClusterProcess> running = processes.stream().filter(JavaProcesses::isAlive).toList();
        running.forEach(p -> find(p).ifPresent(ProcessHandle::destroy));
        long deadline = System.nanoTime() + grace.toNanos();
        for (ClusterProcess p : running) {
            if (!awaitExit(p, deadline)) {
                find(p).ifPresent(ProcessHandle::destroyForcibly);
                awaitExit(p, System.nanoTime() + Duration.ofSeconds(10).toNanos());
            }
        }
    }

    /** The last lines of a log, for an error message about a process that failed. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean awaitExit(ClusterProcess process, long deadlineNanos) {
        while (isAlive(process)) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Waits.pause(Duration.ofMillis(100));
        }
        return true;
    }

    private static boolean sameStart(ProcessHandle handle, ClusterProcess process) {
        return handle.info().startInstant().map(start -> Math.abs(start.toEpochMilli() - process.startMillis()) <= START_TOLERANCE_MILLIS)
                .orElse(true);
    }

    /** An exited child not yet reaped by its parent (say, a container's init that reaps nothing) still has a pid. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (command) S ...": the state follows the last ')', since the command may hold one
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc: not Linux, trust ProcessHandle
        }
    }
}
