package io.jdissect.filter;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.JDissect;

/** The fields of the built-in protocols, made once, for {@link DisplayFilter#compile(String)}. */
final class BuiltInFields {
    static final FieldRegistry REGISTRY = JDissect.create().registry().fields();

    private BuiltInFields() {
    }
}
