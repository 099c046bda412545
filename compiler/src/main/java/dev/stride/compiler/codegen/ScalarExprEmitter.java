package dev.stride.compiler.codegen;

import dev.stride.compiler.ir.BinaryOp;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Variable;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * Emits loop-invariant expressions as ordinary scalar bytecode in a generated method, reading variables from the
 * method's parameters. Only node kinds that invariance allows can appear: constants, reads, arithmetic,
 * conversions, array lengths and pure {@code Math} calls.
 */
final class ScalarExprEmitter {
    private final GeneratorAdapter code;
    private final Map<Variable, Integer> argumentOf;
    private final Map<Variable, Integer> locals;

    ScalarExprEmitter(GeneratorAdapter code, Map<Variable, Integer> argumentOf) {
        this(code, argumentOf, Map.of());
    }

    /**
     * An emitter that reads some variables from locals of the generated method (inner loop counters).
     *
     * @param locals variable to local index, consulted before the arguments
     */
    ScalarExprEmitter(GeneratorAdapter code, Map<Variable, Integer> argumentOf, Map<Variable, Integer> locals) {
        this.code = code;
        this.argumentOf = argumentOf;
        this.locals = locals;
    }

    void emit(Expr e) {
        switch (e) {
            case Expr.Const c -> constant(c);
            case Expr.Read read -> {
                Integer local = locals.get(read.variable());
                if (local != null) {
                    code.loadLocal(local);
                } else {
                    code.loadArg(argument(read.variable()));
                }
            }
            case Expr.Binary binary -> {
                emit(binary.left());
                emit(binary.right());
                code.math(mathOp(binary.op()), binary.kind().asmType());
            }
            case Expr.Negate negate -> {
                emit(negate.operand());
                code.math(GeneratorAdapter.NEG, negate.kind().asmType());
            }
            case Expr.Convert convert -> {
                emit(convert.operand());
                code.cast(convert.operand().kind().asmType(), convert.kind().asmType());
            }
            case Expr.ArrayLoad load -> {
                emit(load.array());
                emit(load.index());
                code.arrayLoad(
                        load.elementKind() == Kind.REF
                                ? Type.getType(Object.class)
                                : load.elementKind().asmType());
            }
            case Expr.ArrayLength length -> {
                emit(length.array());
                code.arrayLength();
            }
            case Expr.Call call -> {
                call.arguments().forEach(this::emit);
                code.visitMethodInsn(Opcodes.INVOKESTATIC, call.owner(), call.name(), call.descriptor(), false);
            }
            default -> throw new IllegalStateException("not a loop-invariant scalar expression: " + e);
        }
    }

    private int argument(Variable variable) {
        Integer index = argumentOf.get(variable);
        if (index == null) {
            throw new IllegalStateException("variable " + variable + " is not a parameter of the SIMD method");
        }
        return index;
    }

    private void constant(Expr.Const c) {
        switch (c.kind()) {
            case INT -> code.push((Integer) c.value());
            case LONG -> code.push((Long) c.value());
            case FLOAT -> code.push((Float) c.value());
            case DOUBLE -> code.push((Double) c.value());
            default -> code.visitInsn(Opcodes.ACONST_NULL);
        }
    }

    /** Pushes a boxed constant of a kind. */
    void push(Object value, Kind kind) {
        constant(new Expr.Const(value, kind, 0));
    }

    static int mathOp(BinaryOp op) {
        return switch (op) {
            case ADD -> GeneratorAdapter.ADD;
            case SUB -> GeneratorAdapter.SUB;
            case MUL -> GeneratorAdapter.MUL;
            case DIV -> GeneratorAdapter.DIV;
            case REM -> GeneratorAdapter.REM;
            case AND -> GeneratorAdapter.AND;
            case OR -> GeneratorAdapter.OR;
            case XOR -> GeneratorAdapter.XOR;
            case SHL -> GeneratorAdapter.SHL;
            case SHR -> GeneratorAdapter.SHR;
            case USHR -> GeneratorAdapter.USHR;
        };
    }
}
