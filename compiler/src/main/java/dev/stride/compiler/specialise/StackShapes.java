package dev.stride.compiler.specialise;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Rewrites the category-sensitive stack instructions ({@code POP2}, {@code DUP2}, {@code DUP_X2}, {@code DUP2_X1},
 * {@code DUP2_X2}) when a substituted value changes from two stack slots to one. Each JVM form of these
 * instructions is chosen by the categories of the values on top of the stack (JVMS 6.5); the original frame says
 * which form the instruction had, and the same values after substitution say which instruction has that effect now.
 */
final class StackShapes {
    private StackShapes() {}

    /**
     * The opcode with the same effect on the substituted values.
     *
     * @param opcode a stack instruction
     * @param frame the frame before it, in the original method ({@code null} when unreachable)
     * @param substitution the substitution made
     * @return the opcode to use
     */
    static int reshape(int opcode, Frame<BasicValue> frame, Substitution substitution) {
        if (frame == null) {
            return opcode;
        }
        return switch (opcode) {
            case POP2 -> wide(frame, 0) && shrinks(frame, 0, substitution) ? POP : POP2;
            case DUP2 -> wide(frame, 0) && shrinks(frame, 0, substitution) ? DUP : DUP2;
            case DUP_X2 -> !wide(frame, 0) && wide(frame, 1) && shrinks(frame, 1, substitution) ? DUP_X1 : DUP_X2;
            case DUP2_X1 -> wide(frame, 0) && shrinks(frame, 0, substitution) ? DUP_X1 : DUP2_X1;
            case DUP2_X2 -> dup2x2(frame, substitution);
            default -> opcode;
        };
    }

    private static int dup2x2(Frame<BasicValue> frame, Substitution substitution) {
        boolean firstWide = wide(frame, 0);
        if (!firstWide) {
            // form 1 (four narrow values) or form 3 (two narrow values over a wide one)
            if (!wide(frame, 1) && wide(frame, 2) && shrinks(frame, 2, substitution)) {
                return DUP2_X1;
            }
            return DUP2_X2;
        }
        boolean firstShrinks = shrinks(frame, 0, substitution);
        if (!wide(frame, 1)) {
            // form 2: one wide value over two narrow ones
            return firstShrinks ? DUP_X2 : DUP2_X2;
        }
        boolean secondShrinks = shrinks(frame, 1, substitution);
        if (firstShrinks && secondShrinks) {
            return DUP_X1;
        }
        if (firstShrinks) {
            return DUP_X2;
        }
        return secondShrinks ? DUP2_X1 : DUP2_X2;
    }

    /** The value {@code depth} values below the top (0 = top), counting values, not slots. */
    private static BasicValue value(Frame<BasicValue> frame, int depth) {
        return frame.getStack(frame.getStackSize() - 1 - depth);
    }

    private static boolean wide(Frame<BasicValue> frame, int depth) {
        return value(frame, depth).getSize() == 2;
    }

    private static boolean shrinks(Frame<BasicValue> frame, int depth, Substitution substitution) {
        return substitution.from().equals(value(frame, depth).getType());
    }
}
