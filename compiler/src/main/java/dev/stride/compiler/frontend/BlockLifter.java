package dev.stride.compiler.frontend;

import static org.objectweb.asm.Opcodes.*;

import dev.stride.compiler.frontend.BytecodeLifter.LiftContext;
import dev.stride.compiler.ir.BinaryOp;
import dev.stride.compiler.ir.Block;
import dev.stride.compiler.ir.Condition;
import dev.stride.compiler.ir.Condition.Relation;
import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Kind;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Lifts one basic block by simulating the operand stack with expression trees. See {@link BytecodeLifter} for
 * the algorithm; this class holds the per-instruction cases.
 */
final class BlockLifter {
    private static final Kind[] ARRAY_ELEMENTS = {
        Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE, Kind.REF, Kind.BYTE, Kind.CHAR, Kind.SHORT
    };

    private final LiftContext context;
    private final Block block;
    private final List<Expr> stack = new ArrayList<>();
    private final List<Stmt> out;
    private final List<Expr> exit = new ArrayList<>();
    private int line;

    /**
     * A lifter for one block.
     *
     * @param entryStack the operand stack on entry: a value every predecessor left there, or a read of the stack
     *     temporary the predecessors stored it in
     */
    BlockLifter(LiftContext context, Block block, List<Expr> entryStack) {
        this.context = context;
        this.block = block;
        this.out = block.statements();
        this.line = context.lineBefore(block.firstInsn());
        for (int depth = 0; depth < entryStack.size(); depth++) {
            Expr entry = entryStack.get(depth);
            context.kinds().putIfAbsent(Variable.stack(block.id(), depth), entry.kind());
            stack.add(entry);
        }
    }

    /** Lifts the block; returns the values left on the stack for the successors. */
    List<Expr> lift() {
        for (int index = block.firstInsn(); index <= block.lastInsn(); index++) {
            AbstractInsnNode insn = context.insn(index);
            if (insn instanceof LineNumberNode lineNumber) {
                line = lineNumber.line;
                if (block.line() == 0) {
                    block.setLine(line);
                }
            } else if (insn.getOpcode() >= 0) {
                instruction(insn);
            }
        }
        if (block.terminator() == null) {
            int next = block.id() + 1;
            spillStackForSuccessors(next < context.blocks().size() ? List.of(next) : List.of());
            if (next < context.blocks().size()) {
                block.successors().add(next);
            }
        }
        return exit;
    }

    private void instruction(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        if (opcode == ACONST_NULL) {
            push(new Expr.Const(null, Kind.REF, line));
        } else if (opcode >= ICONST_M1 && opcode <= ICONST_5) {
            push(new Expr.Const(opcode - ICONST_0, Kind.INT, line));
        } else if (opcode == LCONST_0 || opcode == LCONST_1) {
            push(new Expr.Const((long) (opcode - LCONST_0), Kind.LONG, line));
        } else if (opcode >= FCONST_0 && opcode <= FCONST_2) {
            push(new Expr.Const((float) (opcode - FCONST_0), Kind.FLOAT, line));
        } else if (opcode == DCONST_0 || opcode == DCONST_1) {
            push(new Expr.Const((double) (opcode - DCONST_0), Kind.DOUBLE, line));
        } else if (opcode == BIPUSH || opcode == SIPUSH) {
            push(new Expr.Const(((IntInsnNode) insn).operand, Kind.INT, line));
        } else if (opcode == LDC) {
            ldc((LdcInsnNode) insn);
        } else if (opcode >= ILOAD && opcode <= ALOAD) {
            load((VarInsnNode) insn);
        } else if (opcode >= IALOAD && opcode <= SALOAD) {
            Expr index = pop();
            Expr array = pop();
            push(new Expr.ArrayLoad(array, index, ARRAY_ELEMENTS[opcode - IALOAD], line));
        } else if (opcode >= ISTORE && opcode <= ASTORE) {
            VarInsnNode var = (VarInsnNode) insn;
            Kind kind = new Kind[] {Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE, Kind.REF}[opcode - ISTORE];
            store(Variable.local(var.var, kind), pop());
        } else if (opcode >= IASTORE && opcode <= SASTORE) {
            Expr value = pop();
            Expr index = pop();
            Expr array = pop();
            spillMemoryReaders();
            out.add(new Stmt.ArrayStore(array, index, value, ARRAY_ELEMENTS[opcode - IASTORE], line));
        } else {
            stackOrArithmetic(insn, opcode);
        }
    }

    private void stackOrArithmetic(AbstractInsnNode insn, int opcode) {
        if (opcode >= POP && opcode <= SWAP) {
            stackManipulation(opcode);
        } else if (opcode >= IADD && opcode <= LXOR) {
            arithmetic(opcode);
        } else if (opcode == IINC) {
            IincInsnNode iinc = (IincInsnNode) insn;
            Variable variable = Variable.local(iinc.var, Kind.INT);
            Expr read = new Expr.Read(variable, Kind.INT, line);
            store(
                    variable,
                    new Expr.Binary(BinaryOp.ADD, read, new Expr.Const(iinc.incr, Kind.INT, line), Kind.INT, line));
        } else if (opcode >= I2L && opcode <= I2S) {
            conversion(opcode);
        } else if (opcode >= LCMP && opcode <= DCMPG) {
            Expr right = pop();
            Expr left = pop();
            push(new Expr.Compare(left, right, opcode == FCMPG || opcode == DCMPG, line));
        } else if ((opcode >= IFEQ && opcode <= IF_ACMPNE) || opcode == IFNULL || opcode == IFNONNULL) {
            branch((JumpInsnNode) insn, opcode);
        } else {
            control(insn, opcode);
        }
    }

    private void control(AbstractInsnNode insn, int opcode) {
        switch (opcode) {
            case GOTO -> {
                int target = context.blockAt(((JumpInsnNode) insn).label);
                spillStackForSuccessors(List.of(target));
                out.add(new Stmt.Jump(target, line));
                block.successors().add(target);
            }
            case TABLESWITCH, LOOKUPSWITCH -> switchInsn(insn);
            case IRETURN, LRETURN, FRETURN, DRETURN, ARETURN -> out.add(new Stmt.Return(pop(), line));
            case RETURN -> out.add(new Stmt.Return(null, line));
            case ATHROW -> out.add(new Stmt.Throw(pop(), line));
            case GETSTATIC, GETFIELD, PUTSTATIC, PUTFIELD -> field((FieldInsnNode) insn, opcode);
            case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE -> invoke((MethodInsnNode) insn, opcode);
            case ARRAYLENGTH -> push(new Expr.ArrayLength(pop(), line));
            default -> other(insn, opcode);
        }
    }

    private void other(AbstractInsnNode insn, int opcode) {
        switch (opcode) {
            case NEW -> push(new Expr.Opaque("object allocation (new)", Kind.REF, line));
            case NEWARRAY, ANEWARRAY -> {
                pop();
                push(new Expr.Opaque("array allocation", Kind.REF, line));
            }
            case MULTIANEWARRAY -> {
                int dims = ((org.objectweb.asm.tree.MultiANewArrayInsnNode) insn).dims;
                popN(dims);
                push(new Expr.Opaque("array allocation", Kind.REF, line));
            }
            case CHECKCAST -> push(pop());
            case INSTANCEOF -> {
                pop();
                push(new Expr.Opaque("instanceof", Kind.INT, line));
            }
            case MONITORENTER, MONITOREXIT -> {
                pop();
                out.add(new Stmt.Opaque("synchronized", line));
            }
            case INVOKEDYNAMIC -> {
                var indy = (org.objectweb.asm.tree.InvokeDynamicInsnNode) insn;
                popN(Type.getArgumentTypes(indy.desc).length);
                Kind kind = Kind.ofType(Type.getReturnType(indy.desc));
                spillMemoryReaders();
                if (kind == Kind.VOID) {
                    out.add(new Stmt.Opaque("invokedynamic (lambda or string concatenation)", line));
                } else {
                    push(new Expr.Opaque("invokedynamic (lambda or string concatenation)", kind, line));
                }
            }
            case JSR, RET -> out.add(new Stmt.Opaque("jsr/ret subroutine (old class file)", line));
            default -> out.add(new Stmt.Opaque("opcode " + opcode, line));
        }
    }

    private void ldc(LdcInsnNode ldc) {
        Object value = ldc.cst;
        Kind kind = switch (value) {
            case Integer ignored -> Kind.INT;
            case Long ignored -> Kind.LONG;
            case Float ignored -> Kind.FLOAT;
            case Double ignored -> Kind.DOUBLE;
            default -> Kind.REF;
        };
        push(
                kind == Kind.REF
                        ? new Expr.Opaque("constant " + value, Kind.REF, line)
                        : new Expr.Const(value, kind, line));
    }

    private void load(VarInsnNode var) {
        Kind kind = switch (var.getOpcode()) {
            case ILOAD -> Kind.INT;
            case LLOAD -> Kind.LONG;
            case FLOAD -> Kind.FLOAT;
            case DLOAD -> Kind.DOUBLE;
            default -> Kind.REF;
        };
        Variable variable = Variable.local(var.var, kind);
        context.kinds().putIfAbsent(variable, kind);
        push(new Expr.Read(variable, kind, line));
    }

    private void store(Variable variable, Expr value) {
        context.kinds().putIfAbsent(variable, value.kind());
        spillReadersOf(variable);
        out.add(new Stmt.Store(variable, value, line));
    }

    private void arithmetic(int opcode) {
        int family = (opcode - IADD) / 4;
        Kind kind = new Kind[] {Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE}[(opcode - IADD) % 4];
        if (opcode >= INEG && opcode <= DNEG) {
            push(new Expr.Negate(pop(), kind, line));
            return;
        }
        if (opcode >= ISHL) {
            int shiftFamily = (opcode - ISHL) / 2;
            Kind shiftKind = (opcode - ISHL) % 2 == 0 ? Kind.INT : Kind.LONG;
            BinaryOp op = new BinaryOp[] {
                        BinaryOp.SHL, BinaryOp.SHR, BinaryOp.USHR, BinaryOp.AND, BinaryOp.OR, BinaryOp.XOR
                    }
                    [shiftFamily];
            Expr right = pop();
            Expr left = pop();
            push(new Expr.Binary(op, left, right, shiftKind, line));
            return;
        }
        BinaryOp op = new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.REM}[family];
        Expr right = pop();
        Expr left = pop();
        push(new Expr.Binary(op, left, right, kind, line));
    }

    private void conversion(int opcode) {
        Kind target = switch (opcode) {
            case L2I, F2I, D2I -> Kind.INT;
            case I2L, F2L, D2L -> Kind.LONG;
            case I2F, L2F, D2F -> Kind.FLOAT;
            case I2D, L2D, F2D -> Kind.DOUBLE;
            default -> null;
        };
        Expr operand = pop();
        if (target == null) {
            push(new Expr.Opaque("narrowing conversion to byte, char or short", Kind.INT, line));
        } else {
            push(new Expr.Convert(operand, target, line));
        }
    }

    private void branch(JumpInsnNode jump, int opcode) {
        Condition condition;
        if (opcode >= IFEQ && opcode <= IFLE) {
            Expr operand = pop();
            condition = new Condition(Relation.values()[opcode - IFEQ], operand, new Expr.Const(0, Kind.INT, line));
        } else if (opcode == IFNULL || opcode == IFNONNULL) {
            Expr operand = pop();
            condition = new Condition(
                    opcode == IFNULL ? Relation.EQ : Relation.NE, operand, new Expr.Const(null, Kind.REF, line));
        } else {
            Expr right = pop();
            Expr left = pop();
            int relation = opcode <= IF_ICMPLE ? opcode - IF_ICMPEQ : opcode - IF_ACMPEQ;
            condition = new Condition(Relation.values()[relation], left, right);
        }
        int whenTrue = context.blockAt(jump.label);
        int whenFalse = block.id() + 1;
        spillStackForSuccessors(List.of(whenTrue, whenFalse));
        out.add(new Stmt.Branch(condition, whenTrue, whenFalse, line));
        block.successors().add(whenTrue);
        block.successors().add(whenFalse);
    }

    private void switchInsn(AbstractInsnNode insn) {
        Expr key = pop();
        List<Integer> targets = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode table) {
            targets.add(context.blockAt(table.dflt));
            table.labels.forEach(label -> targets.add(context.blockAt(label)));
        } else {
            LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) insn;
            targets.add(context.blockAt(lookup.dflt));
            lookup.labels.forEach(label -> targets.add(context.blockAt(label)));
        }
        spillStackForSuccessors(targets.stream().distinct().toList());
        out.add(new Stmt.Switch(key, List.copyOf(targets), line));
        targets.stream().distinct().forEach(block.successors()::add);
    }

    private void field(FieldInsnNode field, int opcode) {
        Kind kind = Kind.ofType(Type.getType(field.desc));
        switch (opcode) {
            case GETSTATIC -> push(new Expr.FieldLoad(field.owner, field.name, field.desc, null, kind, line));
            case GETFIELD -> push(new Expr.FieldLoad(field.owner, field.name, field.desc, pop(), kind, line));
            case PUTSTATIC -> {
                Expr value = pop();
                spillMemoryReaders();
                out.add(new Stmt.FieldStore(field.owner, field.name, null, value, line));
            }
            default -> {
                Expr value = pop();
                Expr target = pop();
                spillMemoryReaders();
                out.add(new Stmt.FieldStore(field.owner, field.name, target, value, line));
            }
        }
    }

    private void invoke(MethodInsnNode call, int opcode) {
        int argumentCount = Type.getArgumentTypes(call.desc).length + (opcode == INVOKESTATIC ? 0 : 1);
        List<Expr> arguments = popN(argumentCount);
        Kind kind = Kind.ofType(Type.getReturnType(call.desc));
        Expr.Call expr = new Expr.Call(call.owner, call.name, call.desc, opcode == INVOKESTATIC, arguments, kind, line);
        if (kind == Kind.VOID || !isPure(expr)) {
            spillMemoryReaders();
        }
        if (kind == Kind.VOID) {
            out.add(new Stmt.Eval(expr, line));
        } else {
            push(expr);
        }
    }

    private static boolean isPure(Expr.Call call) {
        return call.owner().equals("java/lang/Math") || call.owner().equals("java/lang/StrictMath");
    }

    private void stackManipulation(int opcode) {
        switch (opcode) {
            case POP -> discard(pop());
            case POP2 -> {
                Expr top = pop();
                discard(top);
                if (!isWide(top)) {
                    discard(pop());
                }
            }
            case DUP -> {
                Expr top = materialize(stack.size() - 1);
                push(top);
            }
            case DUP_X1 -> {
                Expr first = materialize(stack.size() - 1);
                Expr second = materialize(stack.size() - 2);
                pop();
                pop();
                push(first);
                push(second);
                push(first);
            }
            case SWAP -> {
                Expr first = pop();
                Expr second = pop();
                push(first);
                push(second);
            }
            default -> dup2Family(opcode);
        }
    }

    /**
     * {@code dup_x2}, {@code dup2}, {@code dup2_x1}, {@code dup2_x2}: the top group of values (one word for
     * {@code dup_x2}, two words for the {@code dup2} forms, a {@code long}/{@code double} being two words) is copied
     * below the group under it (none, one or two words). javac emits them for chained assignments such as
     * {@code b[i] = a[i] = s += x[i]} over {@code double}s. Every value involved is first stored to a temporary,
     * deepest first, so the code keeps the original evaluation order and no tree is evaluated twice.
     */
    private void dup2Family(int opcode) {
        int topWords = opcode == DUP_X2 ? 1 : 2;
        int underWords = opcode == DUP2 ? 0 : opcode == DUP2_X1 ? 1 : 2;
        int topCount = entriesMaking(topWords, stack.size());
        int underCount = entriesMaking(underWords, stack.size() - topCount);
        int first = stack.size() - topCount - underCount;
        for (int depth = first; depth < stack.size(); depth++) {
            materialize(depth);
        }
        List<Expr> top = new ArrayList<>(stack.subList(stack.size() - topCount, stack.size()));
        List<Expr> under = new ArrayList<>(stack.subList(first, stack.size() - topCount));
        stack.subList(first, stack.size()).clear();
        stack.addAll(top);
        stack.addAll(under);
        stack.addAll(top);
    }

    /** How many stack entries, from {@code end} downwards, make exactly {@code words} words. */
    private int entriesMaking(int words, int end) {
        int count = 0;
        int made = 0;
        while (made < words) {
            if (end - count <= 0) {
                throw new IllegalStateException("operand stack underflow in block " + block + " at line " + line);
            }
            made += isWide(stack.get(end - count - 1)) ? 2 : 1;
            count++;
        }
        if (made != words) {
            throw new IllegalStateException(
                    "a stack shuffle splits a long or double value in block " + block + " at line " + line);
        }
        return count;
    }

    private void discard(Expr value) {
        boolean pure = value instanceof Expr.Call call
                && call.isStatic()
                && call.owner().equals("java/lang/Math")
                && PURE_MATH.contains(call.name());
        if (!pure && (value instanceof Expr.Call || value instanceof Expr.Opaque)) {
            out.add(new Stmt.Eval(value, line));
        }
    }

    /**
     * {@code Math} methods without effects and without exceptions: a discarded call of one is no statement (the
     * chunk methods of parallel loops discard the bound {@code Math.min(n, m)} in place of {@code prange}).
     */
    private static final java.util.Set<String> PURE_MATH =
            java.util.Set.of("abs", "min", "max", "sqrt", "exp", "log", "pow", "sin", "cos");

    private static boolean isWide(Expr e) {
        return e.kind() == Kind.LONG || e.kind() == Kind.DOUBLE;
    }

    /** Replaces a stack entry that is not a plain read or constant by a temporary, so duplicating it is safe. */
    private Expr materialize(int depth) {
        Expr e = stack.get(depth);
        if (e instanceof Expr.Read || e instanceof Expr.Const) {
            return e;
        }
        Variable temp = newTemp(e.kind());
        out.add(new Stmt.Store(temp, e, line));
        Expr read = new Expr.Read(temp, e.kind(), line);
        stack.set(depth, read);
        return read;
    }

    private Variable newTemp(Kind kind) {
        Variable temp = Variable.temp(context.nextTemp());
        context.kinds().put(temp, kind);
        return temp;
    }

    private void spillReadersOf(Variable variable) {
        for (int depth = 0; depth < stack.size(); depth++) {
            if (ExprWalk.reads(stack.get(depth), variable)) {
                materialize(depth);
            }
        }
    }

    private void spillMemoryReaders() {
        for (int depth = 0; depth < stack.size(); depth++) {
            if (ExprWalk.readsMemory(stack.get(depth))) {
                materialize(depth);
            }
        }
    }

    /**
     * Stores what is left on the stack into stack temporaries for the successors, remembering the values
     * themselves: where every predecessor of a block leaves the same plain value, the block reads that value
     * directly and the temporaries' stores are removed as dead ({@link BytecodeLifter}).
     */
    private void spillStackForSuccessors(List<Integer> successors) {
        exit.clear();
        exit.addAll(stack);
        for (int successor : successors) {
            for (int depth = 0; depth < stack.size(); depth++) {
                Variable slot = Variable.stack(successor, depth);
                Expr e = stack.get(depth);
                if (!(e instanceof Expr.Read read && read.variable().equals(slot))) {
                    context.kinds().put(slot, e.kind());
                    out.add(new Stmt.Store(slot, e, line));
                }
            }
        }
    }

    private void push(Expr e) {
        stack.add(e);
    }

    private Expr pop() {
        if (stack.isEmpty()) {
            throw new IllegalStateException("operand stack underflow in block " + block + " at line " + line);
        }
        return stack.removeLast();
    }

    private List<Expr> popN(int count) {
        List<Expr> values = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            values.addFirst(pop());
        }
        return values;
    }
}
