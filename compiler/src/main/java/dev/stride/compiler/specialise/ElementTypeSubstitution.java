package dev.stride.compiler.specialise;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Makes the specialisation of a static method's bytecode: every value of the replaced type (parameters, locals,
 * constants, array elements, arithmetic, the result) gets the new type, exactly as javac compiles the same source
 * written with the new type. Values of other types are untouched.
 *
 * <p>The algorithm, in one pass over the instructions of a copy of the method:
 *
 * <ol>
 *   <li>frames of the original (ASM's {@link Analyzer} with {@link BasicInterpreter}) give the type of every stack
 *       value, needed where an instruction's form depends on value sizes ({@link StackShapes});
 *   <li>opcodes naming the type change through {@link OpcodeTable}; conversions between the old and the new type
 *       disappear; {@code LCMP} before a jump becomes the {@code int} compare-and-jump javac would emit;
 *   <li>constants are narrowed ({@code 0.1} to {@code 0.1f}), and one that does not fit the new type (a {@code
 *       double} beyond the {@code float} range, a {@code long} beyond {@code int}) is an error, as javac rejects
 *       {@code 1e300f};
 *   <li>parameter slots are renumbered (a {@code float} takes one slot where a {@code double} took two); other
 *       locals keep their slots, which stay above the (smaller) parameter area;
 *   <li>{@code Math} calls are adapted ({@link MathCallAdapter}); any other call, field access or {@code
 *       invokedynamic} naming the type is an error: its meaning would change outside the kernel.
 * </ol>
 *
 * <p>Stack map frames are dropped; the caller recomputes them when it writes the class.
 */
public final class ElementTypeSubstitution {
    private final Substitution substitution;

    /**
     * A substitution pass.
     *
     * @param substitution the types to substitute
     */
    public ElementTypeSubstitution(Substitution substitution) {
        this.substitution = substitution;
    }

    /**
     * Specialises a method.
     *
     * @param owner the internal name of the method's class
     * @param original a static method (left unchanged)
     * @return a new method with the substituted descriptor and body, without frames
     * @throws SpecialisationException when the body contains a construct that cannot be substituted
     */
    public MethodNode apply(String owner, MethodNode original) {
        MethodNode copy = new MethodNode(
                original.access, original.name, original.desc, null, original.exceptions.toArray(String[]::new));
        original.accept(copy);
        Frame<BasicValue>[] frames = frames(owner, copy);
        int[] parameterSlots = parameterSlots(original.desc);
        MathCallAdapter math = new MathCallAdapter(substitution, Math.max(original.maxLocals, 1) + 4);
        AbstractInsnNode[] insns = copy.instructions.toArray();
        int line = 0;
        for (int i = 0; i < insns.length; i++) {
            AbstractInsnNode insn = insns[i];
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            }
            rewrite(copy, insn, frames[i], parameterSlots, math, line);
        }
        for (LocalVariableNode local :
                copy.localVariables == null ? java.util.List.<LocalVariableNode>of() : copy.localVariables) {
            local.desc = substitution.apply(Type.getType(local.desc)).getDescriptor();
            local.index = slot(local.index, parameterSlots);
            local.signature = null;
        }
        copy.desc = substitution.applyToMethod(original.desc);
        copy.signature = null;
        copy.maxLocals = math.nextLocal();
        return copy;
    }

    private void rewrite(
            MethodNode method,
            AbstractInsnNode insn,
            Frame<BasicValue> frame,
            int[] parameterSlots,
            MathCallAdapter math,
            int line) {
        switch (insn) {
            case FrameNode frameNode -> method.instructions.remove(frameNode);
            case VarInsnNode variable -> {
                variable.var = slot(variable.var, parameterSlots);
                variable.setOpcode(OpcodeTable.map(substitution, variable.getOpcode()));
            }
            case org.objectweb.asm.tree.IincInsnNode increment -> increment.var = slot(increment.var, parameterSlots);
            case LdcInsnNode constant -> constant.cst = narrowConstant(constant.cst, line);
            case IntInsnNode array
            when array.getOpcode() == NEWARRAY && array.operand == substitution.fromArrayCode() ->
                array.operand = substitution.toArrayCode();
            case TypeInsnNode type -> type.desc = substituteInternalName(type.desc);
            case MultiANewArrayInsnNode array ->
                array.desc = substitution.apply(Type.getType(array.desc)).getDescriptor();
            case MethodInsnNode call -> call(method, call, math, line);
            case FieldInsnNode field
            when substitution.mentions(field.desc) ->
                throw error(
                        line,
                        "it accesses the field " + field.owner.replace('/', '.') + "." + field.name + " of type "
                                + Type.getType(field.desc).getClassName() + ", which keeps its type");
            case InvokeDynamicInsnNode dynamic
            when substitution.mentions(dynamic.desc) ->
                throw error(
                        line,
                        "it uses a " + substitution.from().getClassName() + " in string concatenation or a"
                                + " lambda (invokedynamic " + dynamic.name + "), whose meaning would change");
            default -> opcode(method, insn, frame);
        }
    }

    private void opcode(MethodNode method, AbstractInsnNode insn, Frame<BasicValue> frame) {
        int opcode = insn.getOpcode();
        if (opcode < 0) {
            return;
        }
        if (opcode == LCMP && substitution == Substitution.LONG_TO_INT) {
            compare(method, insn);
            return;
        }
        if (opcode == POP2 || opcode == DUP2 || opcode == DUP_X2 || opcode == DUP2_X1 || opcode == DUP2_X2) {
            method.instructions.set(
                    insn, new org.objectweb.asm.tree.InsnNode(StackShapes.reshape(opcode, frame, substitution)));
            return;
        }
        int mapped = OpcodeTable.map(substitution, opcode);
        if (mapped == OpcodeTable.REMOVE) {
            method.instructions.remove(insn);
        } else if (mapped != opcode) {
            method.instructions.set(insn, new org.objectweb.asm.tree.InsnNode(mapped));
        }
    }

    /**
     * {@code LCMP} followed by {@code IFxx} becomes {@code IF_ICMPxx}, as javac compiles an {@code int} comparison
     * (and as the vectoriser recognises it); any other use of {@code LCMP} becomes {@code Integer.compare}.
     */
    private static void compare(MethodNode method, AbstractInsnNode insn) {
        if (insn.getNext() instanceof JumpInsnNode jump && jump.getOpcode() >= IFEQ && jump.getOpcode() <= IFLE) {
            jump.setOpcode(jump.getOpcode() - IFEQ + IF_ICMPEQ);
            method.instructions.remove(insn);
            return;
        }
        method.instructions.set(insn, new MethodInsnNode(INVOKESTATIC, "java/lang/Integer", "compare", "(II)I"));
    }

    private void call(MethodNode method, MethodInsnNode call, MathCallAdapter math, int line) {
        if (MathCallAdapter.handles(call, substitution)) {
            method.instructions.insert(call, math.adapt(call));
            method.instructions.remove(call);
            return;
        }
        if (substitution.mentions(call.desc)) {
            throw error(
                    line,
                    "it calls " + call.owner.replace('/', '.') + "." + call.name + describe(call.desc)
                            + ", which takes or returns " + substitution.from().getClassName()
                            + "; only Math and StrictMath"
                            + " calls are adapted to " + substitution.to().getClassName());
        }
    }

    private Object narrowConstant(Object value, int line) {
        if (substitution == Substitution.DOUBLE_TO_FLOAT && value instanceof Double d) {
            float narrowed = d.floatValue();
            if ((Float.isInfinite(narrowed) && !d.isInfinite()) || (narrowed == 0 && d != 0)) {
                throw error(line, "the constant " + d + " is outside the range of float");
            }
            return narrowed;
        }
        if (substitution == Substitution.LONG_TO_INT && value instanceof Long l) {
            if (l != l.intValue()) {
                throw error(line, "the constant " + l + "L is outside the range of int");
            }
            return l.intValue();
        }
        if (value instanceof Type type) {
            return type.getSort() == Type.METHOD ? value : substitution.apply(type);
        }
        return value;
    }

    private String substituteInternalName(String internalName) {
        return internalName.startsWith("[")
                ? substitution.apply(Type.getType(internalName)).getDescriptor()
                : internalName;
    }

    /** Old parameter slot to new slot; slots at or above the old parameter area keep their number. */
    private int[] parameterSlots(String descriptor) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        int oldSize = 0;
        for (Type argument : arguments) {
            oldSize += argument.getSize();
        }
        int[] map = new int[oldSize];
        int oldSlot = 0;
        int newSlot = 0;
        for (Type argument : arguments) {
            map[oldSlot] = newSlot;
            if (argument.getSize() == 2) {
                map[oldSlot + 1] = newSlot + 1;
            }
            oldSlot += argument.getSize();
            newSlot += substitution.apply(argument).getSize();
        }
        return map;
    }

    private static int slot(int slot, int[] parameterSlots) {
        return slot < parameterSlots.length ? parameterSlots[slot] : slot;
    }

    private static Frame<BasicValue>[] frames(String owner, MethodNode method) {
        try {
            return new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        } catch (AnalyzerException e) {
            throw new SpecialisationException("cannot analyse " + method.name + method.desc + ": " + e.getMessage());
        }
    }

    private SpecialisationException error(int line, String reason) {
        return new SpecialisationException("cannot specialise to " + substitution.kind() + ": " + reason, null, line);
    }

    private static String describe(String descriptor) {
        StringBuilder text = new StringBuilder("(");
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < arguments.length; i++) {
            text.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
        }
        return text.append(')').toString();
    }
}
