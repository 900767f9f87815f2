package io.jdissect.filter;

import io.jdissect.api.Packet;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A display filter compiled to an evaluator; {@link #describe()} gives the parsed, type-checked
 * form and {@link #fieldsUsed()} the fields it reads (for {@code --validate-filter}).
 */
final class CompiledFilter implements DisplayFilter {
    private final FilterCompiler.Test test;
    private final Set<String> fields;
    private final String[] wanted;
    private final String description;

    CompiledFilter(FilterCompiler.Test test, Set<String> fields, String description) {
        this.test = test;
        this.fields = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
        this.wanted = FrameFields.wanted(this.fields);
        this.description = description;
    }

    @Override
    public boolean matches(Packet packet) {
        return test.test(new FrameFields(packet, wanted));
    }

    @Override
    public Set<String> fieldsUsed() {
        return fields;
    }

    @Override
    public String describe() {
        return description;
    }
}
