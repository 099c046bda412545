package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Function;
import dev.stride.compiler.report.RejectionReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Loop-carried dependences through arrays. For a store to {@code a[i + s]} and an access to {@code a[i + t]}
 * of the same array, iteration {@code i + (s - t)} touches what iteration {@code i} stored. When {@code s > t}
 * a later iteration reads what an earlier one wrote (a true dependence: SIMD would read stale values); when
 * {@code s <= t} every read happens before the write it could see, which SIMD preserves only when the load
 * comes before the store in the body: a vector step that stores {@code a[i + s ..]} and then loads
 * {@code a[i + t ..]} with {@code s < t} would see lanes the scalar loop writes in later iterations. Accesses
 * come in the order the SIMD body performs them. Distinct array variables may still be one array at run time:
 * such pairs get a run-time check that falls back to the scalar loop when they are the same object.
 */
final class DependenceAnalysis {

    private DependenceAnalysis() {}

    /**
     * Checks the accesses and returns the pairs of array bases that need a run-time alias check.
     *
     * @param function the function, for names
     * @param accesses the body's accesses
     * @return base pairs (store base, other base) that must differ at run time
     */
    static List<List<ArrayAccess.ArrayBase>> analyze(Function function, List<ArrayAccess> accesses) {
        List<List<ArrayAccess.ArrayBase>> checks = new ArrayList<>();
        for (int storePosition = 0; storePosition < accesses.size(); storePosition++) {
            ArrayAccess store = accesses.get(storePosition);
            if (!store.store()) {
                continue;
            }
            for (int otherPosition = 0; otherPosition < accesses.size(); otherPosition++) {
                ArrayAccess other = accesses.get(otherPosition);
                if (otherPosition == storePosition) {
                    continue;
                }
                boolean loadsAfterStore = otherPosition > storePosition;
                if (store.base().equals(other.base())) {
                    sameArray(function, store, other, loadsAfterStore);
                } else if (!safeEvenIfSame(store, other, loadsAfterStore)) {
                    List<ArrayAccess.ArrayBase> pair = List.of(store.base(), other.base());
                    if (!checks.contains(pair) && !checks.contains(pair.reversed())) {
                        checks.add(pair);
                    }
                }
            }
        }
        return checks;
    }

    private static void sameArray(Function function, ArrayAccess store, ArrayAccess other, boolean loadsAfterStore) {
        String name = function.nameOf(store.base().variable());
        if (store.constantOffset() == null || other.constantOffset() == null) {
            if (store.offset().equals(other.offset())) {
                return;
            }
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_ARRAY_DEPENDENCE,
                    store.line(),
                    "array '" + name + "' is written and accessed at offsets that cannot be compared");
        }
        int distance = store.constantOffset() - other.constantOffset();
        if (other.store() && distance != 0) {
            throw new Rejection(
                    RejectionReason.MULTIPLE_STORES_SAME_ARRAY,
                    store.line(),
                    "array '" + name + "' is written at two different offsets");
        }
        if (!other.store() && distance < 0 && loadsAfterStore) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_ARRAY_DEPENDENCE,
                    other.line(),
                    "array '" + name + "' is read " + -distance + " element(s) ahead (line " + other.line()
                            + ") after it is written (line " + store.line() + "): a vector step would read lanes"
                            + " that later iterations write");
        }
        if (!other.store() && distance > 0) {
            throw new Rejection(
                    RejectionReason.LOOP_CARRIED_ARRAY_DEPENDENCE,
                    store.line(),
                    "array '" + name + "' written at line " + store.line() + " is read " + distance
                            + " element(s) behind in a later iteration (line " + other.line() + ")");
        }
    }

    private static boolean safeEvenIfSame(ArrayAccess store, ArrayAccess other, boolean loadsAfterStore) {
        return !other.store()
                && store.constantOffset() != null
                && other.constantOffset() != null
                && (store.constantOffset() < other.constantOffset() && !loadsAfterStore
                        || store.constantOffset().equals(other.constantOffset()))
                && store.elementKind() == other.elementKind();
    }
}
