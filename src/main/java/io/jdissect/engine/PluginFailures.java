package io.jdissect.engine;

import java.net.URL;
import java.security.CodeSource;

/**
 * What jdissect does when plugin code throws: which throwables it contains (the plugin is named and
 * disabled, the capture goes on) and how it names a plugin whose own {@code name()} cannot be trusted.
 */
public final class PluginFailures {
    private PluginFailures() {
    }

    /**
     * Whether a throwable out of plugin code is the plugin's failure, to be contained: any exception
     * (checked ones too, which a plugin can throw sneakily through an interface that declares none)
     * and any error but the JVM's own (out of memory, internal errors), after which nothing can be
     * trusted. A stack overflow is the plugin's own runaway recursion, so it is contained too.
     */
    public static boolean containable(Throwable e) {
        return !(e instanceof VirtualMachineError) || e instanceof StackOverflowError;
    }

    /**
     * Names a plugin by where it comes from, for when its {@code name()} throws: its class and the
     * jar (or folder) holding it, e.g. {@code "org.x.PopPlugin" (pop.jar)}.
     */
    public static String origin(Object plugin) {
        Class<?> c = plugin.getClass();
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        if (url == null) {
            return "\"" + c.getName() + "\"";
        }
        String path = url.getPath();
        String file = path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
        return "\"" + c.getName() + "\" (" + file + ")";
    }
}
