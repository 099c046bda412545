package dev.stride.compiler.analysis;

import dev.stride.compiler.ir.Expr;
import dev.stride.compiler.ir.Stmt;
import dev.stride.compiler.ir.Variable;

/**
 * A loop recognised as {@code for (iv = start; iv < upper; iv++)}: an int induction variable stepped by one in
 * the latch, tested against a loop-invariant bound in the header.
 *
 * @param loop the loop
 * @param inductionVariable the int induction variable
 * @param bound the loop-invariant bound expression
 * @param inclusive whether the test is {@code iv <= bound} rather than {@code iv < bound}
 * @param bodyEntry the block the header continues to while the test holds
 * @param exit the block the header leaves to
 * @param latch the single block with the back edge
 * @param increment the statement {@code iv = iv + 1} in the latch
 * @param ivOffset for a test {@code iv + c < bound}: the invariant c; null for {@code iv < bound}
 */
public record CountedLoop(
        Loop loop,
        Variable inductionVariable,
        Expr bound,
        boolean inclusive,
        int bodyEntry,
        int exit,
        int latch,
        Stmt.Store increment,
        Expr ivOffset) {}
