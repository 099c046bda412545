package dev.stride.agent;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's messages, on standard error with a {@code [stride-agent]} prefix. Failures are reported once per
 * class so a class loaded by many loaders does not flood the log.
 */
final class AgentLog {
    private final PrintStream out;
    private final boolean verbose;
    private final Set<String> failedClasses = ConcurrentHashMap.newKeySet();

    AgentLog(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    void info(String message) {
        if (verbose) {
            out.println("[stride-agent] " + message);
        }
    }

    void warn(String message) {
        out.println("[stride-agent] " + message);
    }

    /** Logs a failure for a class unless one was already logged for it. */
    void failure(String className, String reason) {
        if (failedClasses.add(className)) {
            out.println("[stride-agent] " + className.replace('/', '.') + " loads unchanged: " + reason);
        }
    }
}
