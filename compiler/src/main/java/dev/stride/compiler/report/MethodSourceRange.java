package dev.stride.compiler.report;

import java.util.List;

/**
 * The lines of one method in its source file, for renderers that show code. The class file knows only the first
 * line of the body; the declaration above it and the closing brace below are found by reading the text: back to
 * the line that names the method (and its annotations), then forward until the braces opened there are closed.
 *
 * @param first the first line to show (1-based), an annotation or the declaration
 * @param last the last line to show, the method's closing brace when found
 */
record MethodSourceRange(int first, int last) {
    private static final int LOOK_BACK = 12;

    static MethodSourceRange of(List<String> lines, MethodReport method) {
        int bodyLine = Math.max(1, Math.min(method.line(), lines.size()));
        int declaration = declarationLine(lines, method.name(), bodyLine);
        int first = declaration;
        while (first > 1 && lines.get(first - 2).strip().startsWith("@")) {
            first--;
        }
        int last = closingLine(lines, declaration);
        for (LoopReport loop : method.loops()) {
            last = Math.max(last, Math.min(loop.endLine(), lines.size()));
        }
        return new MethodSourceRange(first, Math.max(last, bodyLine));
    }

    private static int declarationLine(List<String> lines, String name, int bodyLine) {
        for (int line = bodyLine; line >= Math.max(1, bodyLine - LOOK_BACK); line--) {
            if (lines.get(line - 1).contains(name + "(")) {
                return line;
            }
        }
        return bodyLine;
    }

    /**
     * The last line to colour for a loop: its closing brace when its header line opens a block, found by balancing
     * braces (the report's {@link LoopReport#endLine()} is the last line with code, before any closing braces).
     *
     * @param lines the source lines
     * @param loop the loop
     * @return the line of the loop's closing brace, or its end line when that is later or no brace is found
     */
    static int loopEnd(List<String> lines, LoopReport loop) {
        if (loop.line() < 1
                || loop.line() > lines.size()
                || !lines.get(loop.line() - 1).contains("{")) {
            return loop.endLine();
        }
        return Math.max(loop.endLine(), closingLine(lines, loop.line()));
    }

    /** The line where the braces opened from {@code start} on are balanced again; skips literals and comments. */
    private static int closingLine(List<String> lines, int start) {
        int depth = 0;
        boolean opened = false;
        for (int line = start; line <= lines.size(); line++) {
            int[] braces = braces(lines.get(line - 1));
            depth += braces[0] - braces[1];
            opened |= braces[0] > 0;
            if (opened && depth <= 0) {
                return line;
            }
        }
        return start;
    }

    /** The opening and closing braces of one line, outside string and character literals and line comments. */
    private static int[] braces(String text) {
        int[] counts = new int[2];
        char quote = 0;
        boolean escaped = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (escaped) {
                escaped = false;
            } else if (quote != 0) {
                escaped = c == '\\';
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (text.startsWith("//", k)) {
                break;
            } else if (c == '{' || c == '}') {
                counts[c == '{' ? 0 : 1]++;
            }
        }
        return counts;
    }
}
