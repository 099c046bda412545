package dev.stride.compiler.fuzz;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders kernels as one Java class. Beside each fastmath kernel with floating-point sums it writes an
 * unannotated companion, {@code name$scale}, the same code with every sum term replaced by its magnitude and
 * returning the sum of the accumulators' magnitudes: the scale of a reassociated sum's rounding error. Stores
 * into a kernel's running-sum arrays ({@code a[i] = a[i - 1] + b[i]}) add the operands' magnitudes, so after the
 * companion ran, each element of such an array holds the scale of that element's own running sum.
 */
final class KernelSource {
    /** The package of every generated class. */
    static final String PACKAGE = "dev.stride.fuzzgen";

    private final StringBuilder out = new StringBuilder();
    private Kernel kernel;
    private boolean magnitude;

    private KernelSource() {}

    /**
     * The source of a class holding the kernels.
     *
     * @param simpleName the class name
     * @param kernels the kernels
     * @return a compilation unit
     */
    static String render(String simpleName, List<Kernel> kernels) {
        KernelSource source = new KernelSource();
        source.out.append("package ").append(PACKAGE).append(";\n\nimport dev.stride.Jit;\n\n");
        source.out.append("public final class ").append(simpleName).append(" {\n");
        for (Kernel kernel : kernels) {
            source.method(kernel, false);
            if (kernel.hasScale()) {
                source.method(kernel, true);
            }
        }
        return source.out.append("}\n").toString();
    }

    /**
     * One kernel as a method, for reports.
     *
     * @param kernel the kernel
     * @return its source
     */
    static String render(Kernel kernel) {
        KernelSource source = new KernelSource();
        source.method(kernel, false);
        return source.out.toString();
    }

    private void method(Kernel kernel, boolean magnitude) {
        this.kernel = kernel;
        this.magnitude = magnitude;
        out.append('\n');
        if (!magnitude) {
            out.append("    @Jit")
                    .append(kernel.fastmath() ? "(fastmath = true)" : "")
                    .append('\n');
        }
        String returnType = kernel.returnKind() == null
                ? "void"
                : magnitude ? "double" : kernel.returnKind().javaName();
        String name = magnitude ? kernel.name() + "$scale" : kernel.name();
        out.append("    public static ")
                .append(kernel.signature(name, returnType))
                .append(" {\n");
        block(kernel.body(), 2);
        out.append("    }\n");
    }

    private void block(List<Stmt> body, int depth) {
        for (Stmt statement : body) {
            statement(statement, depth);
        }
    }

    private void statement(Stmt statement, int depth) {
        String indent = "    ".repeat(depth);
        switch (statement) {
            case Stmt.Declare d ->
                line(
                        indent,
                        d.kind().javaName() + " " + d.name() + " = " + d.init().render() + ";");
            case Stmt.Verbatim v -> line(indent, v.line());
            case Stmt.Store s -> line(indent, s.array() + "[" + s.index().render() + "] = " + storedValue(s) + ";");
            case Stmt.Assign a -> line(indent, assignment(a));
            case Stmt.If i -> ifStatement(i, indent, depth);
            case Stmt.Loop l -> loop(l, indent, depth);
            case Stmt.Break b -> line(indent, "break;");
            case Stmt.Return r -> line(indent, returnStatement(r));
        }
    }

    private String assignment(Stmt.Assign a) {
        if (a.value() == null) {
            return a.name() + a.operator() + ";";
        }
        boolean sum = a.operator().equals("+=") || a.operator().equals("-=");
        if (magnitude && sum && kernel.floatingSums().contains(a.name())) {
            return a.name() + " += Math.abs((double) " + a.value().render() + ");";
        }
        return a.name() + " " + a.operator() + " " + a.value().render() + ";";
    }

    /** The stored value; in the scale companion, a running sum's operands by magnitude. */
    private String storedValue(Stmt.Store s) {
        boolean running = magnitude && kernel.runningSums().contains(s.array());
        if (running
                && s.value() instanceof Expr.Binary b
                && (b.operator().equals("+") || b.operator().equals("-"))) {
            return "Math.abs(" + b.left().render() + ") + Math.abs(" + b.right().render() + ")";
        }
        return s.value().render();
    }

    private String returnStatement(Stmt.Return r) {
        if (!magnitude || r.value() == null) {
            return r.value() == null ? "return;" : "return " + r.value().render() + ";";
        }
        if (kernel.floatingSums().isEmpty()) {
            return "return 0;";
        }
        return "return "
                + kernel.floatingSums().stream()
                        .map(name -> "Math.abs((double) " + name + ")")
                        .collect(Collectors.joining(" + "))
                + ";";
    }

    private void ifStatement(Stmt.If i, String indent, int depth) {
        line(indent, "if (" + i.condition().render() + ") {");
        block(i.then(), depth + 1);
        if (!i.otherwise().isEmpty()) {
            line(indent, "} else {");
            block(i.otherwise(), depth + 1);
        }
        line(indent, "}");
    }

    private void loop(Stmt.Loop l, String indent, int depth) {
        String variable = l.variable();
        String test = variable + " " + l.compare() + " " + l.bound().render();
        String step = l.step() == 1 ? variable + "++" : l.step() == -1 ? variable + "--" : variable + " += " + l.step();
        if (l.whileForm()) {
            line(indent, "int " + variable + " = " + l.start().render() + ";");
            line(indent, "while (" + test + ") {");
            block(l.body(), depth + 1);
            line(indent + "    ", step + ";");
        } else {
            line(indent, "for (int " + variable + " = " + l.start().render() + "; " + test + "; " + step + ") {");
            block(l.body(), depth + 1);
        }
        line(indent, "}");
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
