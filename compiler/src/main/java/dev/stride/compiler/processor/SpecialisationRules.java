package dev.stride.compiler.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * What cannot be specialised, checked on the kernel's body while javac runs, so each refusal is a compile error at
 * the line of the offending construct. A specialisation must mean what the same source written with the new type
 * would mean; these constructs would either change meaning outside the kernel or not compile by hand:
 *
 * <ul>
 *   <li>a call (or constructor) other than {@code Math}/{@code StrictMath} that takes or returns the replaced type:
 *       the callee keeps its type, so the hand-written version would not compile or would silently widen;
 *   <li>a field of the replaced type that is not a constant: fields keep their type;
 *   <li>a constant that does not fit the new type ({@code 1e300} to {@code float}, {@code 1L << 40} to {@code
 *       int}): javac rejects {@code 1e300f};
 *   <li>string concatenation with a value of the replaced type, lambdas and method references: their code lives
 *       outside the method body and would keep the old type;
 *   <li>private members of any class: the build-time specialisation lives in the generated overloads class.
 * </ul>
 *
 * <p>Constants that javac folds from several literals ({@code 1e30 * 1e30}) are checked when the specialisation is
 * made (a build error from the plugin, an exception on the first call without it).
 */
final class SpecialisationRules {
    private final Trees trees;

    /**
     * Rules over a compiler's trees.
     *
     * @param trees javac's trees, or null when the processor runs in another compiler (the bodies are then checked
     *     only when the specialisation is made)
     */
    SpecialisationRules(Trees trees) {
        this.trees = trees;
    }

    /**
     * Checks a kernel's body for one substitution, reporting every refusal.
     *
     * @param method the kernel
     * @param from the replaced type ({@code DOUBLE} or {@code LONG})
     * @param kind the {@code ElementKind} constant name, for messages
     * @return true when the body can be specialised
     */
    boolean check(ExecutableElement method, TypeKind from, String kind) {
        if (trees == null) {
            return true;
        }
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            return true;
        }
        BodyScanner scanner = new BodyScanner(
                from,
                "@Jit(alsoFor = " + kind + ") cannot specialise " + method.getSimpleName() + ": ",
                path.getCompilationUnit());
        scanner.scan(new TreePath(path, tree.getBody()), null);
        return scanner.clean;
    }

    /** Whether a type is the replaced type or an array of it. */
    static boolean mentions(TypeMirror type, TypeKind from) {
        TypeMirror element = type;
        while (element.getKind() == TypeKind.ARRAY) {
            element = ((ArrayType) element).getComponentType();
        }
        return element.getKind() == from;
    }

    private final class BodyScanner extends TreePathScanner<Void, Void> {
        private final TypeKind from;
        private final String prefix;
        private final CompilationUnitTree unit;
        private final String oldName;
        private boolean clean = true;

        BodyScanner(TypeKind from, String prefix, CompilationUnitTree unit) {
            this.from = from;
            this.prefix = prefix;
            this.unit = unit;
            this.oldName = from == TypeKind.DOUBLE ? "double" : "long";
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            checkCall(node);
            return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            checkCall(node);
            return super.visitNewClass(node, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            checkField(node);
            return super.visitIdentifier(node, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            checkField(node);
            return super.visitMemberSelect(node, unused);
        }

        @Override
        public Void visitLiteral(LiteralTree node, Void unused) {
            Object value = node.getValue();
            if (from == TypeKind.DOUBLE && value instanceof Double d && !fitsFloat(d)) {
                refuse(node, "the constant " + d + " is outside the range of float");
            }
            if (from == TypeKind.LONG && value instanceof Long l && l != l.intValue()) {
                refuse(node, "the constant " + l + "L is outside the range of int");
            }
            return super.visitLiteral(node, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            refuse(node, "lambdas are not specialised (their body is a separate method that keeps its types)");
            return null;
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
            refuse(node, "method references are not specialised (the referenced method keeps its types)");
            return null;
        }

        @Override
        public Void visitBinary(BinaryTree node, Void unused) {
            if (node.getKind() == Tree.Kind.PLUS && isString(getCurrentPath())) {
                TreePath left = new TreePath(getCurrentPath(), node.getLeftOperand());
                TreePath right = new TreePath(getCurrentPath(), node.getRightOperand());
                if (mentionsAt(left) || mentionsAt(right)) {
                    refuse(node, "string concatenation of a " + oldName + " would print a different number of digits");
                }
            }
            return super.visitBinary(node, unused);
        }

        private void checkCall(Tree node) {
            Element element = trees.getElement(getCurrentPath());
            if (!(element instanceof ExecutableElement callee)) {
                return;
            }
            if (callee.getModifiers().contains(Modifier.PRIVATE)) {
                refuse(
                        node,
                        "it calls the private " + describe(callee) + "; the build-time specialisation lives in the"
                                + " generated overloads class, which cannot call it (make it package-private)");
                return;
            }
            String owner = ((TypeElement) callee.getEnclosingElement())
                    .getQualifiedName()
                    .toString();
            if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) {
                return;
            }
            boolean typed = mentions(callee.getReturnType(), from);
            for (VariableElement parameter : callee.getParameters()) {
                typed |= mentions(parameter.asType(), from);
            }
            if (typed) {
                refuse(
                        node,
                        "it calls " + describe(callee) + ", which takes or returns " + oldName
                                + "; only Math and StrictMath calls are adapted to the new type");
            }
        }

        private void checkField(Tree node) {
            Element element = trees.getElement(getCurrentPath());
            if (!(element instanceof VariableElement field) || !field.getKind().isField()) {
                return;
            }
            if (field.getModifiers().contains(Modifier.PRIVATE)) {
                refuse(
                        node,
                        "it uses the private field " + field.getSimpleName() + "; the build-time specialisation"
                                + " lives in the generated overloads class, which cannot read it (make it package-private)");
                return;
            }
            if (!mentions(field.asType(), from)) {
                return;
            }
            Object constant = field.getConstantValue();
            if (constant == null) {
                refuse(
                        node,
                        "it uses the field " + field.getSimpleName() + " of type " + field.asType()
                                + ", which keeps its type (copy it into a local)");
            } else if (constant instanceof Double d && !fitsFloat(d)) {
                refuse(node, "the constant " + field.getSimpleName() + " = " + d + " is outside the range of float");
            } else if (constant instanceof Long l && l != l.intValue()) {
                refuse(node, "the constant " + field.getSimpleName() + " = " + l + "L is outside the range of int");
            }
        }

        private boolean isString(TreePath path) {
            TypeMirror type = trees.getTypeMirror(path);
            return type != null && type.toString().equals("java.lang.String");
        }

        private boolean mentionsAt(TreePath path) {
            TypeMirror type = trees.getTypeMirror(path);
            return type != null && mentions(type, from);
        }

        private void refuse(Tree node, String reason) {
            clean = false;
            trees.printMessage(Diagnostic.Kind.ERROR, prefix + reason, node, unit);
        }
    }

    private static boolean fitsFloat(double value) {
        float narrowed = (float) value;
        return !(Float.isInfinite(narrowed) && !Double.isInfinite(value)) && !(narrowed == 0 && value != 0);
    }

    private static String describe(ExecutableElement callee) {
        String owner =
                ((TypeElement) callee.getEnclosingElement()).getSimpleName().toString();
        StringBuilder text = new StringBuilder(owner)
                .append('.')
                .append(callee.getSimpleName())
                .append('(');
        for (int i = 0; i < callee.getParameters().size(); i++) {
            text.append(i == 0 ? "" : ", ").append(callee.getParameters().get(i).asType());
        }
        return text.append(')').toString();
    }
}
