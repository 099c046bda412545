package dev.stride.compiler.processor;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The body rules of a {@code @Vectorize} function, checked on its source tree ({@code com.sun.source}): a ufunc
 * body is straight-line code and conditionals over its parameters, because the generated array forms supply the
 * loop and the compiler inlines the body into it. Each broken rule is an error on the offending construct, with
 * the rule and the reason:
 *
 * <ul>
 *   <li>no loops ({@code for}, {@code while}, {@code do}): the array forms are the loop;
 *   <li>no allocation ({@code new}, array creation, lambdas, method references): a per-element allocation cannot
 *       be vectorised and is not a scalar function of the inputs;
 *   <li>no array access: the function sees one element of each array, as a parameter;
 *   <li>no field writes: a ufunc has no side effects, so calling it on any element in any order is the same;
 *   <li>no {@code throw}, {@code try} or {@code synchronized}: exceptions and locks have no lanewise form;
 *   <li>calls only to {@code Math}, {@code StrictMath} and other {@code @Vectorize} or {@code @Jit} functions,
 *       which the compiler can inline.
 * </ul>
 *
 * <p>The signature rules (static, 1 to 4 primitive parameters, primitive result) are {@link KernelRules}'s; the
 * rules of the generated companion (not private, {@code associative}, {@code identity}) are
 * {@link UfuncModel}'s.
 */
final class VectorizeRules {
    private static final Set<String> MATH = Set.of("java.lang.Math", "java.lang.StrictMath");
    private static final Set<String> STRIDE_FUNCTIONS = Set.of("dev.stride.Vectorize", "dev.stride.Jit");

    private final Trees trees;

    VectorizeRules(Trees trees) {
        this.trees = trees;
    }

    /**
     * Checks the body of one {@code @Vectorize} method, reporting every broken rule.
     *
     * @param method the annotated method
     * @return whether the body follows every rule
     */
    boolean check(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            return true;
        }
        BodyScanner scanner = new BodyScanner(method.getSimpleName().toString());
        scanner.scan(new TreePath(path, tree.getBody()), null);
        return scanner.valid;
    }

    /** Walks one body, reporting each construct a ufunc may not contain. */
    private final class BodyScanner extends TreePathScanner<Void, Void> {
        private final String function;
        private boolean valid = true;

        BodyScanner(String function) {
            this.function = function;
        }

        private void reject(Tree tree, String construct, String reason) {
            valid = false;
            trees.printMessage(
                    Diagnostic.Kind.ERROR,
                    "@Vectorize function " + function + ": " + construct + " not allowed (" + reason + ")",
                    tree,
                    getCurrentPath().getCompilationUnit());
        }

        private void loop(Tree tree) {
            reject(tree, "loops are", "the generated array forms are the loop; the body computes one element");
        }

        @Override
        public Void visitForLoop(ForLoopTree tree, Void unused) {
            loop(tree);
            return super.visitForLoop(tree, unused);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
            loop(tree);
            return super.visitEnhancedForLoop(tree, unused);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
            loop(tree);
            return super.visitWhileLoop(tree, unused);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
            loop(tree);
            return super.visitDoWhileLoop(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
            reject(tree, "allocation ('new') is", "a ufunc maps primitives to a primitive without allocating");
            return super.visitNewClass(tree, unused);
        }

        @Override
        public Void visitNewArray(NewArrayTree tree, Void unused) {
            reject(tree, "array creation is", "a ufunc maps primitives to a primitive without allocating");
            return super.visitNewArray(tree, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            reject(tree, "lambdas are", "a ufunc maps primitives to a primitive without allocating");
            return null;
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            reject(tree, "method references are", "a ufunc maps primitives to a primitive without allocating");
            return null;
        }

        @Override
        public Void visitArrayAccess(ArrayAccessTree tree, Void unused) {
            reject(tree, "array access is", "the function sees one element of each array, as a parameter");
            return super.visitArrayAccess(tree, unused);
        }

        @Override
        public Void visitThrow(ThrowTree tree, Void unused) {
            reject(tree, "'throw' is", "exceptions have no lanewise form");
            return super.visitThrow(tree, unused);
        }

        @Override
        public Void visitTry(TryTree tree, Void unused) {
            reject(tree, "'try' is", "exceptions have no lanewise form");
            return super.visitTry(tree, unused);
        }

        @Override
        public Void visitSynchronized(SynchronizedTree tree, Void unused) {
            reject(tree, "'synchronized' is", "a ufunc has no side effects to guard");
            return super.visitSynchronized(tree, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
            fieldWrite(tree.getVariable());
            return super.visitAssignment(tree, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
            fieldWrite(tree.getVariable());
            return super.visitCompoundAssignment(tree, unused);
        }

        @Override
        public Void visitUnary(UnaryTree tree, Void unused) {
            switch (tree.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                    fieldWrite(tree.getExpression());
                default -> {
                    // arithmetic and logical operators are allowed
                }
            }
            return super.visitUnary(tree, unused);
        }

        private void fieldWrite(ExpressionTree target) {
            Element element = trees.getElement(new TreePath(getCurrentPath(), target));
            if (element != null && element.getKind() == ElementKind.FIELD) {
                reject(
                        target,
                        "writing field '" + element.getSimpleName() + "' is",
                        "a ufunc has no side effects, so the array forms may run it on any element in any order");
            }
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element instanceof ExecutableElement callee && !allowed(callee)) {
                Element owner = callee.getEnclosingElement();
                reject(
                        tree,
                        "calling " + owner.getSimpleName() + "." + callee.getSimpleName() + " is",
                        "only Math, StrictMath and other @Vectorize or @Jit functions can be inlined into the"
                                + " array forms");
            }
            return super.visitMethodInvocation(tree, unused);
        }

        private static boolean allowed(ExecutableElement callee) {
            if (callee.getEnclosingElement() instanceof TypeElement type
                    && MATH.contains(type.getQualifiedName().toString())) {
                return true;
            }
            return callee.getModifiers().contains(Modifier.STATIC)
                    && callee.getAnnotationMirrors().stream()
                            .anyMatch(mirror -> STRIDE_FUNCTIONS.contains(
                                    mirror.getAnnotationType().toString()));
        }
    }
}
