package dev.stride.compiler.processor;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;

/**
 * Generates the companion class {@code <Owner>Ufuncs} of every class with {@code @Vectorize} functions, through
 * the {@link javax.annotation.processing.Filer}, so callers compile against the array forms in the same javac run
 * and IDEs offer them in completion.
 *
 * <p>Per owner: each function's body is checked by {@link VectorizeRules} and its options by {@link UfuncModel};
 * when every function of the owner is valid, {@link UfuncSourceWriter} writes the class. A function whose
 * signature {@link KernelRules} rejects is skipped here (its error is already reported), and an owner with any
 * error gets no companion, so the only errors the user sees are the rule violations, on their own code.
 */
final class UfuncGenerator {
    /** Appended to the owner's (joined) simple name to name the companion class. */
    static final String SUFFIX = "Ufuncs";

    private final ProcessingEnvironment environment;
    private final VectorizeRules rules;

    UfuncGenerator(ProcessingEnvironment environment) {
        this.environment = environment;
        this.rules = new VectorizeRules(Trees.instance(environment));
    }

    /**
     * Validates the functions and writes one companion per owner.
     *
     * @param functions the {@code @Vectorize} elements of this round
     */
    void generate(Iterable<? extends Element> functions) {
        Map<TypeElement, List<ExecutableElement>> byOwner = new LinkedHashMap<>();
        for (Element element : functions) {
            if (element instanceof ExecutableElement method
                    && method.getEnclosingElement() instanceof TypeElement owner
                    && hasUfuncSignature(method)) {
                byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(method);
            }
        }
        byOwner.forEach(this::generate);
    }

    private void generate(TypeElement owner, List<ExecutableElement> methods) {
        List<UfuncModel> models = new ArrayList<>();
        boolean valid = true;
        for (ExecutableElement method : methods) {
            boolean bodyValid = rules.check(method);
            Optional<UfuncModel> model = UfuncModel.of(method, environment.getMessager());
            valid &= bodyValid && model.isPresent();
            model.ifPresent(models::add);
        }
        if (owner.getModifiers().contains(Modifier.PRIVATE)) {
            error(
                    owner,
                    "a class with @Vectorize functions must not be private: its companion class " + companionName(owner)
                            + " calls them");
            valid = false;
        }
        if (valid) {
            write(owner, models);
        }
    }

    private void write(TypeElement owner, List<UfuncModel> models) {
        String packageName = environment
                .getElementUtils()
                .getPackageOf(owner)
                .getQualifiedName()
                .toString();
        String companion = companionName(owner);
        String qualified = packageName.isEmpty() ? companion : packageName + "." + companion;
        String source = new UfuncSourceWriter(
                        packageName, companion, owner.getQualifiedName().toString())
                .write(models);
        try (Writer writer =
                environment.getFiler().createSourceFile(qualified, owner).openWriter()) {
            writer.write(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + qualified, e);
        }
    }

    /**
     * The companion's simple name: the owner's simple name, preceded by its enclosing classes' for a nested owner.
     *
     * @param owner the class declaring {@code @Vectorize} functions
     * @return e.g. {@code KernelsUfuncs} or {@code OuterInnerUfuncs}
     */
    static String companionName(TypeElement owner) {
        StringBuilder name = new StringBuilder(owner.getSimpleName());
        Element enclosing = owner.getEnclosingElement();
        TypeElement current = owner;
        while (current.getNestingKind() == NestingKind.MEMBER && enclosing instanceof TypeElement outer) {
            name.insert(0, outer.getSimpleName());
            current = outer;
            enclosing = outer.getEnclosingElement();
        }
        return name.append(SUFFIX).toString();
    }

    /** The signature shape {@link KernelRules} enforces; functions without it get no array forms. */
    private static boolean hasUfuncSignature(ExecutableElement method) {
        List<? extends VariableElement> parameters = method.getParameters();
        return method.getKind() == ElementKind.METHOD
                && method.getModifiers().contains(Modifier.STATIC)
                && !parameters.isEmpty()
                && parameters.size() <= 4
                && parameters.stream().allMatch(p -> p.asType().getKind().isPrimitive())
                && method.getReturnType().getKind().isPrimitive();
    }

    private void error(Element element, String message) {
        environment.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
