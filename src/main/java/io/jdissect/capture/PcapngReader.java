package io.jdissect.capture;

import io.jdissect.api.Timestamp;
import io.jdissect.kaitai.PcapngBlockHeader;
import io.jdissect.kaitai.PcapngEnhancedPacket;
import io.jdissect.kaitai.PcapngInterfaceDescription;
import io.jdissect.kaitai.PcapngOptions;
import io.jdissect.kaitai.PcapngSectionHeader;
import io.jdissect.kaitai.PcapngSimplePacket;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.kaitai.struct.ByteBufferKaitaiStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads pcapng files (draft-ietf-opsawg-pcapng) block by block: Section Header Blocks (either byte
 * order, any number of sections), Interface Description Blocks (each interface with its own link
 * type and timestamp resolution), Enhanced and Simple Packet Blocks. Other blocks (name
 * resolution, statistics, custom, …) are skipped. Block lengths are checked against the trailing
 * copy and against what the block must hold. Fixed block fields are parsed with the
 * Kaitai-generated classes; only one block is held in memory at a time.
 */
final class PcapngReader implements CaptureReader {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int SPB = 3;
    private static final int EPB = 6;
    /** An Enhanced Packet Block's header and fixed fields: type, length, interface, timestamp, lengths. */
    private static final int EPB_HEAD = 28;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Metadata blocks (section and interface headers, options) beyond this are taken as damage. */
    private static final int MAX_METADATA_BLOCK = 16 << 20;

    private static final int OPT_COMMENT = 1;
    /** epb_flags: the Enhanced Packet Block's flags word. */
    private static final int EPB_FLAGS = 2;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    private final CaptureInput in;
    private final byte[] head = new byte[8];
    private final byte[] fixed = new byte[20];
    /** The per-packet headers are parsed through this one stream (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private byte[] scratch = new byte[256];
    private boolean littleEndian;
    private int section;
    private int sectionFirstInterface;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    /** A read-only view of {@link #interfaces}, made once: the engine asks for it with every packet. */
    private final List<CaptureInterface> interfacesView = Collections.unmodifiableList(interfaces);
    private final List<Long> tsOffsets = new ArrayList<>();
    private boolean done;

    static boolean isMagic(int bigEndianMagic) {
        return bigEndianMagic == SHB;
    }

    /** {@code blockType} holds the 4 bytes already read from {@code in}: the first SHB's type. */
    PcapngReader(CaptureInput in, byte[] blockType) throws IOException {
        this.in = in;
        System.arraycopy(blockType, 0, head, 0, 4);
        if (in.read(head, 4, 4) < 4) {
            throw new CaptureException(in.name(), 0, "appears to have been cut short in the middle of a packet or other data");
        }
        readSectionHeader(0);
    }

    @Override
    public CaptureRecord next() throws IOException {
        if (done) {
            return null;
        }
        try {
            CaptureRecord inPlace = enhancedPacketInPlace();
            if (inPlace != null) {
                return inPlace;
            }
            while (true) {
                long start = in.position();
                int n = in.read(head, 0, 8);
                if (n == 0) {
                    done = true;
                    return null;
                }
                if (n < 8) {
                    throw in.cutShort(start);
                }
                if (int32be(head, 0) == SHB) {
                    readSectionHeader(start);
                    continue;
                }
                PcapngBlockHeader h = new PcapngBlockHeader(headerIo.reset(head, 0, head.length), littleEndian);
                long length = h.blockTotalLength();
                if (length < 12 || length % 4 != 0) {
                    throw in.corrupt(start, "pcapng: block length " + length + " is not a multiple of 4 of at least 12");
                }
                long type = h.blockType();
                if (type == EPB) {
                    return readEnhancedPacket(start, length);
                } else if (type == SPB) {
                    return readSimplePacket(start, length);
                } else if (type == IDB) {
                    readInterfaceDescription(start, length);
                } else {
                    // Name resolution, statistics, custom and unknown blocks carry nothing we show.
                    in.skipFully(length - 8, start);
                }
            }
        } catch (IOException e) {
            done = true;
            throw e;
        }
    }

    /**
     * The next block, when it is an Enhanced Packet Block (nearly every block of a capture) whose
     * header and fixed fields can be parsed where the file was read into; else null, nothing read.
     */
    private CaptureRecord enhancedPacketInPlace() throws IOException {
        int at = in.peek(EPB_HEAD);
        if (at < 0) {
            return null;
        }
        byte[] a = in.peekedArray();
        if (int32be(a, at) == SHB) {
            return null;
        }
        PcapngBlockHeader h = new PcapngBlockHeader(headerIo.reset(a, at, 8), littleEndian);
        long length = h.blockTotalLength();
        if (h.blockType() != EPB || length < 32 || length % 4 != 0) {
            return null; // read, and checked, as any other block
        }
        PcapngEnhancedPacket epb = new PcapngEnhancedPacket(headerIo.reset(a, at + 8, 20), littleEndian);
        long start = in.position();
        in.consume(EPB_HEAD);
        return enhancedPacket(start, length, epb);
    }

    private void readSectionHeader(long start) throws IOException {
        // The byte-order magic decides how to read the block length that precedes it.
        in.readFully(fixed, 0, 16, start);
        int bom = int32be(fixed, 0);
        if (bom != BYTE_ORDER_MAGIC && bom != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            throw in.corrupt(start + 8, "pcapng: unknown byte-order magic number 0x" + Integer.toHexString(bom));
        }
        littleEndian = bom != BYTE_ORDER_MAGIC;
        PcapngSectionHeader shb = new PcapngSectionHeader(
                new ByteBufferKaitaiStream(ByteBuffer.wrap(fixed, 0, 16).slice()), littleEndian);
        PcapngBlockHeader h = new PcapngBlockHeader(new ByteBufferKaitaiStream(head), littleEndian);
        long length = h.blockTotalLength();
        if (shb.majorVersion() != 1) {
            throw in.corrupt(start, "pcapng: unknown SHB version " + shb.majorVersion() + "." + shb.minorVersion());
        }
        if (length < 28 || length % 4 != 0 || length > MAX_METADATA_BLOCK) {
            throw in.corrupt(start, "pcapng: section header block length " + length + " is invalid");
        }
        readBody(start, length, 24);
        section++;
        sectionFirstInterface = interfaces.size();
    }

    private void readInterfaceDescription(long start, long length) throws IOException {
        if (length < 20 || length > MAX_METADATA_BLOCK) {
            throw in.corrupt(start, "pcapng: interface description block length " + length + " is invalid");
        }
        int body = readBody(start, length, 8);
        PcapngInterfaceDescription idb = new PcapngInterfaceDescription(
                new ByteBufferKaitaiStream(ByteBuffer.wrap(scratch, 0, 8).slice()), littleEndian);
        LinkTypeCheck.requireKnown(in.name(), start + 8, idb.linkType());
        String name = null;
        String description = null;
        long unitsPerSecond = 1_000_000L;
        long tsOffset = 0;
        for (PcapngOptions.Option o : options(8, body)) {
            switch (o.code()) {
                case IF_NAME -> name = utf8(o.value());
                case IF_DESCRIPTION -> description = utf8(o.value());
                case IF_TSRESOL -> unitsPerSecond = unitsPerSecond(start, o.value());
                case IF_TSOFFSET -> tsOffset = o.value().length == 8 ? int64(o.value()) : 0;
                default -> { }
            }
        }
        interfaces.add(new CaptureInterface(idb.linkType(), idb.snapLen(), unitsPerSecond, name, description));
        tsOffsets.add(tsOffset);
    }

    /** if_tsresol: 10^-n seconds, or 2^-n when the top bit is set (draft section 4.2). */
    private long unitsPerSecond(long start, byte[] value) throws CaptureException {
        if (value.length < 1) {
            return 1_000_000L;
        }
        int v = value[0] & 0xff;
        int exponent = v & 0x7f;
        if ((v & 0x80) != 0) {
            if (exponent > 62) {
                throw in.corrupt(start, "pcapng: IDB power-of-2 time stamp resolution " + exponent + " > 62");
            }
            return 1L << exponent;
        }
        if (exponent > 18) {
            throw in.corrupt(start, "pcapng: IDB power-of-10 time stamp resolution " + exponent + " > 18");
        }
        long u = 1;
        for (int i = 0; i < exponent; i++) {
            u *= 10;
        }
        return u;
    }

    private CaptureRecord readEnhancedPacket(long start, long length) throws IOException {
        if (length < 32) {
            throw in.corrupt(start, "pcapng: enhanced packet block length " + length + " is too small");
        }
        in.readFully(fixed, 0, 20, start);
        return enhancedPacket(start, length, new PcapngEnhancedPacket(headerIo.reset(fixed, 0, fixed.length), littleEndian));
    }

    /** The rest of an Enhanced Packet Block of {@code length} bytes, whose fixed fields are read. */
    private CaptureRecord enhancedPacket(long start, long length, PcapngEnhancedPacket epb) throws IOException {
        long caplen = epb.capturedLen();
        if (caplen > MaxPacketSize.BYTES) {
            throw in.corrupt(start, "pcapng: File has " + caplen + "-byte packet, bigger than maximum of "
                    + MaxPacketSize.BYTES);
        }
        if (caplen > length - 32) {
            throw in.corrupt(start, "pcapng: total block length " + length + " is too small for "
                    + caplen + " captured bytes");
        }
        int iface = interfaceIndex(start, epb.interfaceId());
        byte[] data = in.readRecord((int) caplen, start);
        Trailer trailer = readTrailer(start, length, 28 + caplen, pad4(caplen) - caplen);
        long units = (epb.timestampHigh() << 32) | epb.timestampLow();
        return new CaptureRecord(timestamp(iface, units), (int) epb.interfaceId(), interfaces.get(iface).linkType(),
                (int) Math.min(epb.originalLen(), Integer.MAX_VALUE), data, (int) caplen, start, trailer.comment(), section,
                true, trailer.flags());
    }

    private CaptureRecord readSimplePacket(long start, long length) throws IOException {
        if (length < 16) {
            throw in.corrupt(start, "pcapng: simple packet block length " + length + " is too small");
        }
        int iface = interfaceIndex(start, 0);
        in.readFully(fixed, 0, 4, start);
        PcapngSimplePacket spb = new PcapngSimplePacket(new ByteBufferKaitaiStream(ByteBuffer.wrap(fixed, 0, 4).slice()),
                littleEndian);
        // The block holds min(original length, snap length) bytes, padded (draft section 4.4).
        long caplen = spb.originalLen();
        long snap = interfaces.get(iface).snapLength();
        if (snap != 0 && caplen > snap) {
            caplen = snap;
        }
        if (caplen > MaxPacketSize.BYTES) {
            throw in.corrupt(start, "pcapng: File has " + caplen + "-byte packet, bigger than maximum of "
                    + MaxPacketSize.BYTES);
        }
        if (pad4(caplen) > length - 16) {
            throw in.corrupt(start, "pcapng: total block length " + length + " is too small for "
                    + caplen + " captured bytes");
        }
        byte[] data = in.readRecord((int) caplen, start);
        readTrailer(start, length, 12 + caplen, pad4(caplen) - caplen);
        // A simple packet has no timestamp: tshark shows no times for it and counts the next
        // frame's delta from zero.
        return new CaptureRecord(Timestamp.ZERO, 0, interfaces.get(iface).linkType(),
                (int) Math.min(spb.originalLen(), Integer.MAX_VALUE), data, (int) caplen, start, null, section, false, -1);
    }

    /** What a packet block's options say: its first comment (or null) and its flags word (or -1). */
    private record Trailer(String comment, long flags) {
        static final Trailer NONE = new Trailer(null, -1);
    }

    /**
     * Reads the rest of a packet block after its data ({@code consumed} bytes of the block read so
     * far, then {@code padding} bytes): options and the trailing length, which must match.
     */
    private Trailer readTrailer(long start, long length, long consumed, long padding) throws IOException {
        long rest = length - consumed;
        if (rest > MAX_METADATA_BLOCK) {
            throw in.corrupt(start, "pcapng: block length " + length + " is invalid");
        }
        int at = rest == padding + 4 ? in.peek((int) rest) : -1;
        if (at >= 0) { // no options: only the trailing length, checked where it was read into
            checkTrailingLength(start, length, in.peekedArray(), at + (int) padding);
            in.consume((int) rest);
            return Trailer.NONE;
        }
        ensureScratch((int) rest);
        in.readFully(scratch, 0, (int) rest, start);
        checkTrailingLength(start, length, scratch, (int) rest - 4);
        String comment = null;
        long flags = -1;
        for (PcapngOptions.Option o : options((int) padding, (int) rest - 4)) {
            if (o.code() == OPT_COMMENT && comment == null) {
                comment = utf8(o.value());
            } else if (o.code() == EPB_FLAGS) {
                // tshark (wiretap's pcapng.c) stops reading the file at a flags option of another size.
                if (o.value().length != 4) {
                    throw in.corrupt(start, "pcapng: packet block flags option length " + o.value().length + " is not 4");
                }
                if (flags < 0) {
                    flags = uint32(o.value());
                }
            }
        }
        return comment == null && flags < 0 ? Trailer.NONE : new Trailer(comment, flags);
    }

    /**
     * Reads a metadata block's body (everything after the {@code alreadyRead} bytes) into the
     * scratch buffer and checks its trailing length; returns where the trailing length starts.
     */
    private int readBody(long start, long length, int alreadyRead) throws IOException {
        int rest = (int) (length - alreadyRead);
        ensureScratch(rest);
        in.readFully(scratch, 0, rest, start);
        checkTrailingLength(start, length, scratch, rest - 4);
        return rest - 4;
    }

    private void checkTrailingLength(long start, long length, byte[] a, int at) throws CaptureException {
        int raw = int32be(a, at);
        long trailing = Integer.toUnsignedLong(littleEndian ? Integer.reverseBytes(raw) : raw);
        if (trailing != length) {
            throw in.corrupt(start, "pcapng: total block lengths (first " + length + " and second " + trailing
                    + ") don't match");
        }
    }

    private List<PcapngOptions.Option> options(int from, int to) {
        if (to - from < 4) {
            return Collections.emptyList();
        }
        try {
            return new PcapngOptions(new ByteBufferKaitaiStream(ByteBuffer.wrap(scratch, from, to - from).slice()),
                    littleEndian).options();
        } catch (RuntimeException e) {
            // An option running past its block: tshark ignores the rest of the options too.
            return Collections.emptyList();
        }
    }

    private int interfaceIndex(long start, long localId) throws CaptureException {
        long global = sectionFirstInterface + localId;
        if (global >= interfaces.size()) {
            throw in.corrupt(start, "pcapng: interface index " + localId
                    + " is not less than section interface count " + (interfaces.size() - sectionFirstInterface));
        }
        return (int) global;
    }

    private Timestamp timestamp(int iface, long units) {
        long perSecond = interfaces.get(iface).unitsPerSecond();
        // The usual resolutions (microseconds, the default, and nanoseconds) are divided by constants,
        // which the JIT turns into multiplications: the general case costs four 64-bit divisions.
        if (units >= 0 && perSecond == 1_000_000L) {
            return new Timestamp(units / 1_000_000L + tsOffsets.get(iface), (int) (units % 1_000_000L) * 1000);
        }
        if (units >= 0 && perSecond == 1_000_000_000L) {
            return new Timestamp(units / 1_000_000_000L + tsOffsets.get(iface), (int) (units % 1_000_000_000L));
        }
        long seconds = Long.divideUnsigned(units, perSecond);
        long frac = Long.remainderUnsigned(units, perSecond);
        long nanos = perSecond <= 1_000_000_000L && 1_000_000_000L % perSecond == 0
                ? frac * (1_000_000_000L / perSecond)
                : java.math.BigInteger.valueOf(frac).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                        .divide(java.math.BigInteger.valueOf(perSecond)).longValue();
        return new Timestamp(seconds + tsOffsets.get(iface), (int) nanos);
    }

    private void ensureScratch(int len) {
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
    }

    /** An option's 4-byte value in the section's byte order. */
    private long uint32(byte[] b) {
        return inSectionOrder(b, 4);
    }

    private long int64(byte[] b) {
        return inSectionOrder(b, 8);
    }

    /** The first {@code n} bytes of {@code b} as a number in the section's byte order. */
    private long inSectionOrder(byte[] b, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int idx = littleEndian ? n - 1 - i : i;
            v = (v << 8) | (b[idx] & 0xff);
        }
        return v;
    }

    private static long pad4(long n) {
        return (n + 3) & ~3L;
    }

    private static int int32be(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static String utf8(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void reuseRecordBytes() {
        in.reuseRecordBytes();
    }

    @Override
    public String formatName() {
        return "pcapng";
    }

    /**
     * Interfaces of all sections so far, in file order. Records carry their id within their own
     * section, and tshark 4.0 looks that id up in this list as it is (so a later section's interface
     * 0 shows the name of the first section's): we keep that behaviour.
     */
    @Override
    public List<CaptureInterface> interfaces() {
        return interfacesView;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
