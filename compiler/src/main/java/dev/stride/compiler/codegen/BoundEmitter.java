package dev.stride.compiler.codegen;

import dev.stride.compiler.analysis.PrangeMarker;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Emits a loop-invariant bound into the original method, reading locals from their own slots. Handles what a
 * {@code prange} argument usually is ({@code n}, {@code a.length}, {@code m - 1}, {@code rows[r].length},
 * {@code Math.min(n, m)}); {@link #supports} tells the analysis which bounds it can emit.
 */
public final class BoundEmitter {

    private BoundEmitter() {}

    /**
     * Whether a bound can be emitted.
     *
     * @param e an invariant expression
     * @return true when {@link #emit} handles every node
     */
    public static boolean supports(Expr e) {
        return switch (e) {
            case Expr.Const c -> c.value() != null;
            case Expr.Read r -> r.variable().isLocal();
            case Expr.Binary b -> supports(b.left()) && supports(b.right());
            case Expr.ArrayLength a -> supports(a.array());
            case Expr.ArrayLoad a -> a.elementKind() == Kind.REF && supports(a.array()) && supports(a.index());
            case Expr.Call c ->
                c.isStatic()
                        && (c.owner().equals("java/lang/Math") || PrangeMarker.is(c))
                        && c.arguments().stream().allMatch(BoundEmitter::supports);
            default -> false;
        };
    }

    /**
     * Emits a bound ({@link #supports} holds).
     *
     * @param e the expression
     * @param code where the instructions go
     */
    static void emit(Expr e, InsnList code) {
        switch (e) {
            case Expr.Const c -> code.add(new LdcInsnNode(c.value()));
            case Expr.Read r ->
                code.add(new VarInsnNode(
                        r.kind().asmType().getOpcode(Opcodes.ILOAD),
                        r.variable().slot()));
            case Expr.Binary b -> {
                emit(b.left(), code);
                emit(b.right(), code);
                code.add(new InsnNode(b.kind().asmType().getOpcode(arithmetic(b))));
            }
            case Expr.ArrayLength a -> {
                emit(a.array(), code);
                code.add(new InsnNode(Opcodes.ARRAYLENGTH));
            }
            case Expr.ArrayLoad a -> {
                emit(a.array(), code);
                emit(a.index(), code);
                code.add(new InsnNode(Opcodes.AALOAD));
            }
            case Expr.Call c -> {
                c.arguments().forEach(argument -> emit(argument, code));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, c.owner(), c.name(), c.descriptor(), false));
            }
            default -> throw new IllegalStateException("not an emittable bound: " + e);
        }
    }

    private static int arithmetic(Expr.Binary b) {
        return switch (b.op()) {
            case ADD -> Opcodes.IADD;
            case SUB -> Opcodes.ISUB;
            case MUL -> Opcodes.IMUL;
            case DIV -> Opcodes.IDIV;
            case REM -> Opcodes.IREM;
            case AND -> Opcodes.IAND;
            case OR -> Opcodes.IOR;
            case XOR -> Opcodes.IXOR;
            case SHL -> Opcodes.ISHL;
            case SHR -> Opcodes.ISHR;
            case USHR -> Opcodes.IUSHR;
        };
    }
}
