package io.jdissect.api;

import java.util.function.Predicate;

/**
 * A remembered answer to "does the run read this name?" with the needs it was given for
 * ({@link FieldDef}, {@link WantedName}). Immutable, so that a race between two engines costs at
 * most a second look-up; held by the asker itself, one load away, since dissectors ask on every packet.
 */
record WantedAnswer(Predicate<String> needs, boolean wanted) {
}
