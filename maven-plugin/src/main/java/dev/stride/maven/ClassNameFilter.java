package dev.stride.maven;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides from its binary name whether a class takes part in a Stride build, from include and exclude patterns.
 *
 * <p>Patterns are written against binary class names ({@code com.example.kernels.Sum}): {@code *} matches any
 * run of characters within one package segment, {@code **} any run including dots, {@code ?} one character. A
 * class is taken when it matches some include (every class when there are none) and no exclude.
 */
final class ClassNameFilter {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    ClassNameFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(ClassNameFilter::compile).toList();
        this.excludes = excludes.stream().map(ClassNameFilter::compile).toList();
    }

    /**
     * Whether a class is to be compiled.
     *
     * @param binaryName the class name with dots, nested classes with {@code $}
     * @return true when included and not excluded
     */
    boolean accepts(String binaryName) {
        boolean included = includes.isEmpty() || matchesAny(includes, binaryName);
        return included && !matchesAny(excludes, binaryName);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
                continue;
            }
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(regex.toString());
    }
}
