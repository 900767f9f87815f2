package io.jdissect.filter;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;

import java.util.Set;

/**
 * A compiled Wireshark display filter ({@code -Y}). Compile once, then test packets cheaply.
 *
 * <pre>{@code
 * DisplayFilter f = DisplayFilter.compile("smtp.req.command == \"MAIL\" && ip.src == 127.0.0.0/8");
 * if (f.matches(packet)) { ... }
 * }</pre>
 */
public interface DisplayFilter {
    /** True when the packet passes the filter. */
    boolean matches(Packet packet);

    /** The fields and protocols the filter reads, so dissection can be limited to them. */
    Set<String> fieldsUsed();

    /**
     * The parsed and type-checked form of the filter, one line, with each field's and literal's
     * type (for {@code --validate-filter}); empty for the empty filter.
     */
    default String describe() {
        return "";
    }

    /** The filter that passes every packet (an empty expression). */
    DisplayFilter ALL = new DisplayFilter() {
        @Override
        public boolean matches(Packet packet) {
            return true;
        }

        @Override
        public Set<String> fieldsUsed() {
            return Set.of();
        }
    };

    /**
     * Compiles {@code expression} against the fields of the built-in protocols (those of
     * {@link io.jdissect.api.JDissect#create()}); a filter on a plugin's fields is compiled with
     * {@link #compile(String, FieldRegistry)} and the registry of the setup that loads the plugin.
     * Throws {@link FilterException} with tshark's message and caret position when it is not valid.
     */
    static DisplayFilter compile(String expression) throws FilterException {
        return compile(expression, BuiltInFields.REGISTRY);
    }

    /**
     * Compiles {@code expression} against the fields of {@code registry}; throws
     * {@link FilterException} with tshark's message and caret position when it is not valid.
     */
    static DisplayFilter compile(String expression, FieldRegistry registry) throws FilterException {
        return compile(expression, registry, null);
    }

    /**
     * As {@link #compile(String, FieldRegistry)}, with a selected frame (Wireshark's selected packet,
     * tshark's {@code --selected-frame}) whose values {@code ${field}} references take; without one
     * ({@code selected} null) a reference has no value and its test is false.
     */
    static DisplayFilter compile(String expression, FieldRegistry registry, Packet selected) throws FilterException {
        if (expression == null) {
            return ALL;
        }
        FilterNode root = FilterParser.parse(expression, registry);
        if (root == null) {
            return ALL;
        }
        FilterCompiler compiler = new FilterCompiler(selected);
        FilterCompiler.Compiled compiled = compiler.compile(root);
        return new CompiledFilter(compiled.test(), compiler.fieldsUsed(), compiled.text());
    }
}
