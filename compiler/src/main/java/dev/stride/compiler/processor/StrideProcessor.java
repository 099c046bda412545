package dev.stride.compiler.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Validates Stride annotations while javac compiles, so misuse is an error on the element itself (IDEs underline
 * it) rather than a surprise at rewrite time. The rules live in {@link KernelRules}; this class only routes
 * annotated elements to them, hands the {@code @Vectorize} functions to {@link UfuncGenerator}, which writes
 * their companion classes, and hands {@code @Jit} kernels to {@link OverloadsGenerator}, which checks their
 * bodies for specialisation ({@link SpecialisationRules}) and writes the {@code <Owner>Overloads} classes.
 *
 * <p>Enable it by adding {@code stride-compiler} to maven-compiler-plugin's {@code annotationProcessorPaths}
 * (javac 23 and newer no longer runs processors found on the class path by default).
 */
@SupportedAnnotationTypes({"dev.stride.Jit", "dev.stride.Vectorize", "dev.stride.Parallel"})
public final class StrideProcessor extends AbstractProcessor {

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        KernelRules rules = new KernelRules(processingEnv.getMessager());
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                rules.check(element, annotation.getSimpleName().toString());
            }
            if (annotation.getQualifiedName().contentEquals("dev.stride.Vectorize")) {
                new UfuncGenerator(processingEnv).generate(round.getElementsAnnotatedWith(annotation));
            }
            if (annotation.getQualifiedName().contentEquals("dev.stride.Jit")) {
                new OverloadsGenerator(processingEnv).generate(round, annotation);
            }
        }
        return false;
    }
}
