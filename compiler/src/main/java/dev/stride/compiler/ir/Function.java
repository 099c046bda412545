package dev.stride.compiler.ir;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.MethodNode;

/**
 * A lifted method: its blocks (block 0 is the entry), the original method node, and what the class file says
 * about names and lines.
 *
 * @param owner the internal name of the declaring class
 * @param method the original method node (never modified by analyses)
 * @param blocks the basic blocks, indexed by id
 * @param handlerBlocks ids of blocks that start exception handlers
 * @param protectedBlocks ids of blocks inside a try region
 * @param localNames local variable to the name in the debug table (the first name seen for its slot and kind)
 * @param localDescriptors local variable to the descriptor in the debug table
 * @param variableKinds the kind stored into or loaded from each variable
 */
public record Function(
        String owner,
        MethodNode method,
        List<Block> blocks,
        List<Integer> handlerBlocks,
        List<Integer> protectedBlocks,
        Map<Variable, String> localNames,
        Map<Variable, String> localDescriptors,
        Map<Variable, Kind> variableKinds) {

    /**
     * The user-facing name of a variable: the debug-table name, else {@code slotN}, or {@code $stackN}.
     *
     * @param variable a variable of this function
     * @return its name
     */
    public String nameOf(Variable variable) {
        if (!variable.isLocal()) {
            return variable.toString();
        }
        return localNames.getOrDefault(variable, "slot" + variable.slot());
    }
}
