package io.jdissect.api;

/**
 * Makes {@link Analyzer}s by name: the service interface that built-in analyzers and plugin jars
 * provide, found with {@link java.util.ServiceLoader} (a jar lists its factories in
 * {@code META-INF/services/io.jdissect.api.AnalyzerFactory}), as {@link ProtocolPlugin}s are.
 *
 * <p>On the command line {@code -z NAME[,ARGS]} picks the factory whose {@link #name()} is the
 * longest prefix of the argument ending at a comma or at its end, and passes the rest after the
 * comma as {@code args}: {@code -z follow,tcp,ascii,0} → factory {@code follow,tcp}, args
 * {@code ascii,0}.
 */
public interface AnalyzerFactory {
    /** The {@code -z} name, e.g. {@code conv,tcp} or {@code smtp,stat}. */
    String name();

    /** One line for listings, e.g. "TCP conversations". */
    default String description() {
        return "";
    }

    /**
     * A new analyzer for one capture.
     *
     * @param args what followed the name and a comma, or "" when nothing did
     * @throws IllegalArgumentException when {@code args} are not understood (the message is shown)
     */
    Analyzer create(String args);

    /**
     * As {@link #create(String)}, with the field registry of the run, for analyzers whose arguments
     * hold a display filter (tshark's tap filter, {@code -z conv,tcp,FILTER}); the built-in ones
     * that take a filter need it. By default the registry is not used.
     *
     * @throws IllegalArgumentException bad arguments, or a filter that does not compile (one line)
     */
    default Analyzer create(String args, FieldRegistry fields) {
        return create(args);
    }
}
