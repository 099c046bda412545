package dev.stride.compiler.ir;

/** Binary operators of the IR, named by their Java source symbol. */
public enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    REM("%"),
    AND("&"),
    OR("|"),
    XOR("^"),
    SHL("<<"),
    SHR(">>"),
    USHR(">>>");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The Java source symbol.
     *
     * @return {@code +}, {@code <<}, ...
     */
    public String symbol() {
        return symbol;
    }
}
