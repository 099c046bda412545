package dev.stride.compiler.analysis;

import dev.stride.compiler.frontend.ExprWalk;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Function;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import dev.stride.compiler.report.VariableReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The deduced type of every parameter and local variable, and warnings about silent widening.
 *
 * <p>Types come from, in order: the debug table's declared type (compiled with {@code -g}), the method
 * descriptor for parameters, and the kind of the values stored into the slot. A slot reused for variables of
 * different types reports each name the debug table gives it. Widening is reported where an {@code int},
 * {@code long} or {@code float} value per element is converted to {@code double} arithmetic: it halves the
 * lanes of a SIMD loop (or makes it mix element sizes).
 *
 * @param variables parameters and locals
 * @param warnings widening warnings, one per line
 */
public record TypeReportAnalysis(List<VariableReport> variables, List<String> warnings) {

    /**
     * Analyses a function.
     *
     * @param function the lifted method
     * @param methodLine the method's first line
     * @return the types and warnings
     */
    public static TypeReportAnalysis of(Function function, int methodLine) {
        Map<Variable, VariableReport> bySlot = new TreeMap<>();
        parameters(function, methodLine, bySlot);
        for (Block block : function.blocks()) {
            for (Stmt stmt : block.statements()) {
                if (stmt instanceof Stmt.Store store && store.variable().isLocal()) {
                    int slot = store.variable().slot();
                    bySlot.putIfAbsent(
                            store.variable(),
                            new VariableReport(
                                    function.nameOf(store.variable()),
                                    slot,
                                    typeOf(
                                            function,
                                            store.variable(),
                                            store.value().kind()),
                                    store.line(),
                                    false));
                }
            }
        }
        return new TypeReportAnalysis(List.copyOf(bySlot.values()), widening(function));
    }

    private static void parameters(Function function, int methodLine, Map<Variable, VariableReport> bySlot) {
        int slot = (function.method().access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (Type type : Type.getArgumentTypes(function.method().desc)) {
            Variable variable = Variable.local(slot, dev.stride.compiler.ir.Kind.ofType(type));
            bySlot.put(variable, new VariableReport(function.nameOf(variable), slot, javaName(type), methodLine, true));
            slot += type.getSize();
        }
    }

    private static String typeOf(Function function, Variable variable, Kind stored) {
        String descriptor = function.localDescriptors().get(variable);
        if (descriptor != null) {
            return javaName(Type.getType(descriptor));
        }
        return stored == Kind.REF ? "reference" : stored.javaName();
    }

    /**
     * The Java spelling of a type ({@code double[]}, {@code java.lang.String}).
     *
     * @param type an ASM type
     * @return the source-like name
     */
    public static String javaName(Type type) {
        return type.getClassName();
    }

    private static List<String> widening(Function function) {
        TreeSet<String> warnings = new TreeSet<>();
        for (Block block : function.blocks()) {
            for (Stmt stmt : block.statements()) {
                for (Expr operand : StmtOperands.of(stmt)) {
                    ExprWalk.forEach(operand, e -> {
                        if (e instanceof Expr.Convert convert
                                && convert.kind() == Kind.DOUBLE
                                && convert.operand().kind().bits() < Kind.DOUBLE.bits()
                                && convert.operand() instanceof Expr.ArrayLoad) {
                            String narrow = convert.operand().kind().javaName();
                            warnings.add(String.format(
                                    "line %d: %s array element widened to double (a SIMD loop over it runs"
                                            + " at double's lane count, half the lanes of an all-%s loop)",
                                    convert.line(), narrow, narrow));
                        }
                    });
                }
            }
        }
        return new ArrayList<>(warnings);
    }
}
