package dev.stride.compiler.frontend;

import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The first pass over an annotated method: decides whether its bytecode is something the front end may lift at all.
 * javac's output always passes; the checks exist for class files from other tools, old compilers and damaged files,
 * so that such input gets a sentence naming the method instead of a crash deep in a later pass.
 *
 * <ul>
 *   <li>{@code jsr}/{@code ret} subroutines (class files before Java 6) are legal but not supported: the method is
 *       left as it is, with a warning.
 *   <li>Bytecode that fails ASM's {@link BasicVerifier} (stack underflow, wrong operand types, uninitialised locals)
 *       would also fail the JVM's verifier: that is an error in the input.
 *   <li>Unreachable instructions (javac emits none) are not supported: the method is left as it is, with a warning.
 *   <li>Methods above {@link #MAX_INSTRUCTIONS} instructions are left alone, which bounds the compile time of a single
 *       method (the analyses are polynomial in the method's size).
 * </ul>
 */
public final class BytecodeCheck {
    /** Larger methods are not analysed; javac's 64 KB limit allows about 65,000 one-byte instructions. */
    public static final int MAX_INSTRUCTIONS = 40_000;

    /** What is wrong with a method's bytecode. */
    public enum Severity {
        /** Valid but unsupported: the method stays as it is, with a warning. */
        UNSUPPORTED,
        /** Not valid bytecode: an error naming the method. */
        INVALID
    }

    /**
     * A problem found in a method.
     *
     * @param severity whether the input is invalid or only unsupported
     * @param message a sentence for the user, naming the method
     */
    public record Problem(Severity severity, String message) {}

    private BytecodeCheck() {}

    /**
     * Checks one method.
     *
     * @param owner the internal name of its class
     * @param method the method, as read with expanded frames
     * @return the first problem, or empty when later passes may run
     */
    public static Optional<Problem> check(String owner, MethodNode method) {
        String name = method.name + method.desc;
        if (usesSubroutines(method)) {
            return Optional.of(new Problem(
                    Severity.UNSUPPORTED,
                    name + " uses jsr/ret subroutines (class files before Java 6): not optimised; recompile the"
                            + " class with a current javac"));
        }
        int size = method.instructions.size();
        if (size > MAX_INSTRUCTIONS) {
            return Optional.of(new Problem(
                    Severity.UNSUPPORTED,
                    name + " has " + size + " bytecode instructions, more than the " + MAX_INSTRUCTIONS
                            + " Stride analyses: not optimised; split the method"));
        }
        try {
            Frame<BasicValue>[] frames = new Analyzer<>(new BasicVerifier()).analyze(owner, method);
            Optional<Problem> frame =
                    inconsistentFrame(method, frames).map(message -> new Problem(Severity.INVALID, name + message));
            return frame.isPresent()
                    ? frame
                    : unreachable(method, frames).map(message -> new Problem(Severity.UNSUPPORTED, name + message));
        } catch (AnalyzerException | RuntimeException e) {
            return Optional.of(new Problem(
                    Severity.INVALID,
                    name + " is not valid bytecode (" + e.getMessage() + at(method, e)
                            + "); the JVM would reject it too: check the tool that produced this class"));
        }
    }

    /**
     * The lifter takes the operand stack at a block's entry from the class file's stack map frames; a frame that
     * disagrees with the data flow (a damaged StackMapTable, which the JVM's verifier would also reject) must not
     * reach it.
     */
    private static Optional<String> inconsistentFrame(MethodNode method, Frame<BasicValue>[] frames) {
        for (int k = 0; k < frames.length; k++) {
            if (method.instructions.get(k) instanceof FrameNode frame
                    && frames[k] != null
                    && frame.stack != null
                    && frame.stack.size() != frames[k].getStackSize()) {
                return Optional.of(" is not valid bytecode (the stack map frame at instruction " + k + " declares "
                        + frame.stack.size() + " stack values where the code has " + frames[k].getStackSize()
                        + "); the JVM would reject it too: check the tool that produced this class");
            }
        }
        return Optional.empty();
    }

    /**
     * javac emits no unreachable instructions, but other tools do (ASM turns dead code into {@code nop ... athrow});
     * the lifter follows the flow of the operand stack from the entry and cannot lift code the flow never reaches.
     */
    private static Optional<String> unreachable(MethodNode method, Frame<BasicValue>[] frames) {
        for (int k = 0; k < frames.length; k++) {
            if (frames[k] == null && method.instructions.get(k).getOpcode() >= 0) {
                return Optional.of(
                        " has unreachable instructions (from " + k + "; javac produces none): not optimised");
            }
        }
        return Optional.empty();
    }

    private static boolean usesSubroutines(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    private static String at(MethodNode method, Exception e) {
        if (e instanceof AnalyzerException analyzer && analyzer.node != null) {
            return ", instruction " + method.instructions.indexOf(analyzer.node);
        }
        return "";
    }
}
