package io.jdissect.api;

import io.jdissect.capture.CaptureFiles;
import io.jdissect.capture.CaptureReader;
import io.jdissect.engine.DissectionEngine;
import io.jdissect.engine.EngineBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.function.Predicate;

/**
 * The entry point of the Java API: configure once, then open captures and iterate their packets.
 *
 * <pre>{@code
 * JDissect jd = JDissect.builder().preference("smtp.decryption", "TRUE").build();
 * try (PacketStream packets = jd.open(Path.of("mail.pcap"))) {
 *     for (Packet p : packets) {
 *         for (TreeItem cmd : p.fields("smtp.req.command")) {
 *             System.out.println(p.number() + " " + cmd.stringValue());
 *         }
 *     }
 * }
 * }</pre>
 */
public final class JDissect {
    private final EngineBuilder config;
    /**
     * The engine built to validate the configuration, kept for the first stream so that a run
     * registers every protocol once, not once more per call; each stream still gets its own engine.
     */
    private DissectionEngine spare;

    private JDissect(EngineBuilder config, DissectionEngine validated) {
        this.config = config;
        this.spare = validated;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A setup with default preferences. */
    public static JDissect create() {
        return builder().build();
    }

    /** Opens a capture file ("-" for standard input). */
    public PacketStream open(Path path) throws IOException {
        return open(CaptureFiles.open(path));
    }

    /** Opens a capture from a stream; {@code name} is used in messages. */
    public PacketStream open(InputStream in, String name) throws IOException {
        return open(CaptureFiles.open(in, name));
    }

    public PacketStream open(byte[] capture) throws IOException {
        return open(new ByteArrayInputStream(capture), "(bytes)");
    }

    /**
     * Reads a capture file twice, as {@code tshark -2 [-R filter]}: the first pass dissects every
     * record and applies {@code readFilter} (null: every frame passes), numbering only the frames
     * that pass; what later frames tell about earlier ones is kept as {@link FirstPassNotes}. The
     * returned stream is the second pass: every record is dissected again (so state is rebuilt as
     * in the first pass) and the frames that passed are handed out, with the notes filled in.
     * Memory: the notes, and one bit per record when there is a read filter.
     */
    public PacketStream openTwoPass(Path path, Predicate<Packet> readFilter) throws IOException {
        FirstPassNotes notes = FirstPassNotes.twoPass();
        BitSet passed = readFilter == null ? null : new BitSet();
        try (PacketStream first = open(path)) {
            first.engine().setNotes(notes);
            int index = 0;
            Packet p;
            while ((p = nextOrNull(first)) != null) {
                if (readFilter != null) {
                    if (readFilter.test(p)) {
                        passed.set(index);
                    } else {
                        first.engine().dropLast();
                    }
                }
                index++;
            }
        }
        notes.startSecondPass();
        PacketStream second = open(path);
        second.engine().setNotes(notes);
        second.keepOnly(passed);
        return second;
    }

    /** The next packet of the first pass; a damaged file ends it there (the second pass reports it). */
    private static Packet nextOrNull(PacketStream s) {
        try {
            return s.next();
        } catch (IOException e) {
            return null;
        }
    }

    /** Dissects the records of an already open reader. Each stream has its own dissection state. */
    public PacketStream open(CaptureReader reader) {
        return new PacketStream(reader, takeEngine());
    }

    private synchronized DissectionEngine takeEngine() {
        DissectionEngine e = spare != null ? spare : config.build();
        spare = null;
        return e;
    }

    /**
     * A registry with every protocol and field this setup knows (for {@code -G fields} and for
     * compiling filters); the fields are the same as those of the streams this setup opens.
     */
    public synchronized DissectorRegistry registry() {
        if (spare == null) {
            spare = config.build();
        }
        return spare.registry();
    }

    /** Configuration: preferences ({@code -o}), Decode-As ({@code -d}), plugin class loader. */
    public static final class Builder {
        private final EngineBuilder config = new EngineBuilder();

        public Builder preference(String name, String value) {
            config.preference(name, value);
            return this;
        }

        public Builder decodeAs(String spec) {
            config.decodeAs(spec);
            return this;
        }

        public Builder classLoader(ClassLoader loader) {
            config.classLoader(loader);
            return this;
        }

        public Builder warnings(java.util.function.Consumer<String> sink) {
            config.warnings(sink);
            return this;
        }

        /** Validates the configuration by building it once; throws IllegalArgumentException if bad. */
        public JDissect build() {
            return new JDissect(config, config.build());
        }
    }
}
