package dev.stride.compiler.specialise;

import static org.objectweb.asm.Opcodes.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The instructions whose opcode names the substituted type, and what each becomes: {@code DADD} to {@code FADD},
 * {@code I2D} to {@code I2F}, {@code F2D} to nothing (the value already has the new type), and so on. Instructions
 * that need more than a new opcode (constants, {@code LCMP}, calls, stack shuffles) are handled by {@link
 * ElementTypeSubstitution} itself.
 */
final class OpcodeTable {
    /** Marks an instruction that disappears: a conversion between the old and the new type. */
    static final int REMOVE = -1;

    private static final Map<Substitution, Map<Integer, Integer>> TABLES = Map.of(
            Substitution.DOUBLE_TO_FLOAT, doubleToFloat(),
            Substitution.LONG_TO_INT, longToInt());

    private OpcodeTable() {}

    /**
     * The opcode an instruction becomes.
     *
     * @param substitution the substitution made
     * @param opcode the original opcode
     * @return the new opcode, {@link #REMOVE}, or the opcode itself when it does not involve the type
     */
    static int map(Substitution substitution, int opcode) {
        return TABLES.get(substitution).getOrDefault(opcode, opcode);
    }

    private static Map<Integer, Integer> doubleToFloat() {
        Map<Integer, Integer> table = new HashMap<>();
        int[][] pairs = {
            {DLOAD, FLOAD},
            {DSTORE, FSTORE},
            {DALOAD, FALOAD},
            {DASTORE, FASTORE},
            {DADD, FADD},
            {DSUB, FSUB},
            {DMUL, FMUL},
            {DDIV, FDIV},
            {DREM, FREM},
            {DNEG, FNEG},
            {DCMPL, FCMPL},
            {DCMPG, FCMPG},
            {DRETURN, FRETURN},
            {DCONST_0, FCONST_0},
            {DCONST_1, FCONST_1},
            {I2D, I2F},
            {L2D, L2F},
            {D2I, F2I},
            {D2L, F2L},
            {F2D, REMOVE},
            {D2F, REMOVE}
        };
        for (int[] pair : pairs) {
            table.put(pair[0], pair[1]);
        }
        return Map.copyOf(table);
    }

    private static Map<Integer, Integer> longToInt() {
        Map<Integer, Integer> table = new HashMap<>();
        int[][] pairs = {
            {LLOAD, ILOAD},
            {LSTORE, ISTORE},
            {LALOAD, IALOAD},
            {LASTORE, IASTORE},
            {LADD, IADD},
            {LSUB, ISUB},
            {LMUL, IMUL},
            {LDIV, IDIV},
            {LREM, IREM},
            {LNEG, INEG},
            {LSHL, ISHL},
            {LSHR, ISHR},
            {LUSHR, IUSHR},
            {LAND, IAND},
            {LOR, IOR},
            {LXOR, IXOR},
            {LRETURN, IRETURN},
            {LCONST_0, ICONST_0},
            {LCONST_1, ICONST_1},
            {L2F, I2F},
            {L2D, I2D},
            {F2L, F2I},
            {D2L, D2I},
            {I2L, REMOVE},
            {L2I, REMOVE}
        };
        for (int[] pair : pairs) {
            table.put(pair[0], pair[1]);
        }
        return Map.copyOf(table);
    }
}
