package dev.stride.compiler.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The bytecode size of each method of a class file: the {@code code_length} of its {@code Code} attribute, which
 * is what HotSpot compares with {@code -XX:HugeMethodLimit} (8000 bytes) before it JIT-compiles a method.
 *
 * <p>ASM's visitors do not report it, so this walks the class file structure (JVMS 4.1, 4.6, 4.7.3) with
 * {@link ClassReader}'s primitive readers: header, interfaces, fields, then each method's attributes.
 */
public final class CodeSizes {

    private CodeSizes() {}

    /**
     * The code size of every method that has code.
     *
     * @param classFile a class file
     * @return bytes of bytecode by {@code name + descriptor}, in the order of the class file
     */
    public static Map<String, Integer> of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6; // access_flags, this_class, super_class
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int k = 0; k < fields; k++) {
            offset = skipAttributes(reader, offset + 6);
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int k = 0; k < methods; k++) {
            String name = reader.readUTF8(offset + 2, buffer) + reader.readUTF8(offset + 4, buffer);
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                if (reader.readUTF8(offset, buffer).equals("Code")) {
                    // attribute_name_index, attribute_length, max_stack, max_locals, then code_length
                    sizes.put(name, reader.readInt(offset + 10));
                }
                offset += 6 + reader.readInt(offset + 2);
            }
        }
        return sizes;
    }

    /** Skips a member's attribute table: returns the offset after it. */
    private static int skipAttributes(ClassReader reader, int offset) {
        int attributes = reader.readUnsignedShort(offset);
        int current = offset + 2;
        for (int a = 0; a < attributes; a++) {
            current += 6 + reader.readInt(current + 2);
        }
        return current;
    }
}
