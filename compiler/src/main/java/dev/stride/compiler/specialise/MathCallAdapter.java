package dev.stride.compiler.specialise;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Adapts a call to {@code java.lang.Math} or {@code StrictMath} whose descriptor names the substituted type, the way
 * one would write it by hand for the new type:
 *
 * <ul>
 *   <li>where the class has the overload for the new type ({@code abs}, {@code min}, {@code max}, {@code
 *       fma}, {@code addExact}, ...), call it: {@code Math.abs(float)} for {@code Math.abs(double)};
 *   <li>otherwise compute in the old type and narrow: {@code (float) Math.exp((double) x)}, {@code (int)
 *       Math.toIntExact((long) x)}. Arguments of the new type are widened (spilling to fresh locals when they are
 *       not on top of the stack), a result of the old type is narrowed.
 * </ul>
 */
final class MathCallAdapter {
    private final Substitution substitution;
    private int nextLocal;

    /**
     * An adapter allocating its spill locals from {@code firstFreeLocal} up.
     *
     * @param substitution the substitution made
     * @param firstFreeLocal a local index above every local the method uses
     */
    MathCallAdapter(Substitution substitution, int firstFreeLocal) {
        this.substitution = substitution;
        this.nextLocal = firstFreeLocal;
    }

    /**
     * Whether a call is one this adapter handles.
     *
     * @param call a method call
     * @return true for {@code Math}/{@code StrictMath} calls naming the substituted type
     */
    static boolean handles(MethodInsnNode call, Substitution substitution) {
        return (call.owner.equals("java/lang/Math") || call.owner.equals("java/lang/StrictMath"))
                && substitution.mentions(call.desc);
    }

    /**
     * The instructions replacing a call.
     *
     * @param call the original call
     * @return the replacement
     */
    InsnList adapt(MethodInsnNode call) {
        InsnList out = new InsnList();
        String narrowDescriptor = substitution.applyToMethod(call.desc);
        if (hasOverload(call.owner, call.name, narrowDescriptor)) {
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, call.owner, call.name, narrowDescriptor, false));
            return out;
        }
        Type[] arguments = Type.getArgumentTypes(call.desc);
        widenArguments(arguments, out);
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, call.owner, call.name, call.desc, false));
        if (Type.getReturnType(call.desc).equals(substitution.from())) {
            out.add(new InsnNode(narrowing()));
        }
        return out;
    }

    private void widenArguments(Type[] arguments, InsnList out) {
        int last = arguments.length - 1;
        boolean onlyTop = true;
        for (int i = 0; i < last; i++) {
            onlyTop &= !arguments[i].equals(substitution.from());
        }
        if (onlyTop) {
            if (last >= 0 && arguments[last].equals(substitution.from())) {
                out.add(new InsnNode(widening()));
            }
            return;
        }
        List<Integer> slots = new ArrayList<>();
        for (Type argument : arguments) {
            slots.add(nextLocal);
            nextLocal += substitution.apply(argument).getSize();
        }
        for (int i = last; i >= 0; i--) {
            Type stored = substitution.apply(arguments[i]);
            out.add(new VarInsnNode(stored.getOpcode(Opcodes.ISTORE), slots.get(i)));
        }
        for (int i = 0; i <= last; i++) {
            Type stored = substitution.apply(arguments[i]);
            out.add(new VarInsnNode(stored.getOpcode(Opcodes.ILOAD), slots.get(i)));
            if (arguments[i].equals(substitution.from())) {
                out.add(new InsnNode(widening()));
            }
        }
    }

    private int widening() {
        return substitution == Substitution.DOUBLE_TO_FLOAT ? Opcodes.F2D : Opcodes.I2L;
    }

    private int narrowing() {
        return substitution == Substitution.DOUBLE_TO_FLOAT ? Opcodes.D2F : Opcodes.L2I;
    }

    private static boolean hasOverload(String owner, String name, String descriptor) {
        Class<?> type = owner.equals("java/lang/Math") ? Math.class : StrictMath.class;
        Type[] arguments = Type.getArgumentTypes(descriptor);
        Class<?>[] parameters = new Class<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            parameters[i] = primitive(arguments[i]);
            if (parameters[i] == null) {
                return false;
            }
        }
        try {
            Class<?> result = type.getMethod(name, parameters).getReturnType();
            return Type.getType(result).equals(Type.getReturnType(descriptor));
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Class<?> primitive(Type type) {
        return switch (type.getSort()) {
            case Type.INT -> int.class;
            case Type.LONG -> long.class;
            case Type.FLOAT -> float.class;
            case Type.DOUBLE -> double.class;
            case Type.BOOLEAN -> boolean.class;
            default -> null;
        };
    }

    /** @return the first local index not used by the adapter's spills */
    int nextLocal() {
        return nextLocal;
    }
}
