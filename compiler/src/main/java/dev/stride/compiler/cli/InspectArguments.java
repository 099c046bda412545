package dev.stride.compiler.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code --inspect}.
 *
 * @param targets class names, class files, jars or directories
 * @param format {@code text}, {@code json} or {@code html}
 * @param method only report this method, or null
 * @param sourceRoot a source root where the HTML report looks up {@code <package path>/<SourceFile>}, or null
 * @param classpath where class names are looked up
 * @param includeAll also list classes without Stride annotations
 * @param help whether help was asked for
 */
record InspectArguments(
        List<String> targets,
        String format,
        String method,
        String sourceRoot,
        String classpath,
        boolean includeAll,
        boolean help) {

    static final String USAGE = "usage: stride --inspect <class name | file.class | file.jar | directory>..."
            + " [--format text|json|html] [--method NAME] [--source DIR] [--classpath PATH]";

    static InspectArguments parse(String[] args) {
        List<String> targets = new ArrayList<>();
        String format = "text";
        String method = null;
        String sourceRoot = null;
        String classpath = System.getProperty("java.class.path");
        boolean all = false;
        boolean help = false;
        java.util.Iterator<String> words = java.util.Arrays.asList(args).iterator();
        while (words.hasNext()) {
            String word = words.next();
            switch (word) {
                case "--format" -> format = value(words, "--format");
                case "--method" -> method = value(words, "--method");
                case "--source" -> sourceRoot = value(words, "--source");
                case "--classpath", "-cp" -> classpath = value(words, "--classpath");
                case "--all" -> all = true;
                case "--help", "-h" -> help = true;
                case "--inspect" -> {
                    // the launcher passes its own flag through
                }
                default -> {
                    if (word.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + word);
                    }
                    targets.add(word);
                }
            }
        }
        if (!List.of("text", "json", "html").contains(format)) {
            throw new IllegalArgumentException("--format must be text, json or html, was " + format);
        }
        if (targets.isEmpty() && !help) {
            throw new IllegalArgumentException("nothing to inspect");
        }
        return new InspectArguments(List.copyOf(targets), format, method, sourceRoot, classpath, all, help);
    }

    private static String value(java.util.Iterator<String> words, String option) {
        if (!words.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.next();
    }
}
