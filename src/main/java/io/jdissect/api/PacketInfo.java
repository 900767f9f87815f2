package io.jdissect.api;

import io.jdissect.capture.CaptureRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the dissectors of one packet share while they run (Wireshark's packet_info): the frame's
 * number and times, the columns, the addresses and ports set by lower layers, the conversation,
 * the protocol stack so far, and the TCP desegmentation request of an application dissector.
 */
public final class PacketInfo {
    /** {@link #requestMoreBytes} length meaning "one more segment" (DESEGMENT_ONE_MORE_SEGMENT). */
    public static final int ONE_MORE_SEGMENT = 0x0fffffff;
    /** {@link #requestMoreBytes} length meaning "everything until FIN" (DESEGMENT_UNTIL_FIN). */
    public static final int UNTIL_FIN = 0x0ffffffe;

    private final DissectorRegistry registry;
    private final CaptureRecord record;
    private final long frameNumber;
    // Computed when first read from the first and the previous frame's times: most runs read neither.
    private Timestamp relativeTime;
    private Timestamp deltaTime;
    private final Timestamp firstTime;
    private final Timestamp previousTime;
    private final Columns columns = new Columns();
    private final List<String> layers = new ArrayList<>(8);
    // Data passed from lower to upper layers: a handful of keys per packet, so two small arrays
    // scanned in order rather than a hash map allocated per packet.
    private Class<?>[] layerKeys = NO_KEYS;
    private Object[] layerValues;
    private int layerCount;

    private Address dlSrc = Address.NONE;
    private Address dlDst = Address.NONE;
    private Address netSrc = Address.NONE;
    private Address netDst = Address.NONE;
    private int srcPort;
    private int dstPort;
    private long matchUint;
    private Conversation conversation;
    private FirstPassNotes notes = FirstPassNotes.NONE;
    private boolean packetsKept = true;
    private boolean canDesegment;
    private int desegmentOffset;
    private int desegmentLen;
    private int seenBefore;
    private boolean fragmented;
    private Predicate<String> wanted = abbrev -> true;

    private static final Class<?>[] NO_KEYS = new Class<?>[0];

    public PacketInfo(DissectorRegistry registry, CaptureRecord record, long frameNumber,
                      Timestamp relativeTime, Timestamp deltaTime) {
        this(registry, record, null, null, frameNumber);
        this.relativeTime = relativeTime;
        this.deltaTime = deltaTime;
    }

    private PacketInfo(DissectorRegistry registry, CaptureRecord record, Timestamp firstTime,
                       Timestamp previousTime, long frameNumber) {
        this.registry = registry;
        this.record = record;
        this.frameNumber = frameNumber;
        this.firstTime = firstTime;
        this.previousTime = previousTime;
    }

    /**
     * A packet whose {@link #relativeTime()} and {@link #deltaTime()} count from the first and the
     * previous frame's times, computed only if read.
     */
    public static PacketInfo timedFrom(DissectorRegistry registry, CaptureRecord record, long frameNumber,
                                       Timestamp firstTime, Timestamp previousTime) {
        return new PacketInfo(registry, record, firstTime, previousTime, frameNumber);
    }

    public DissectorRegistry registry() {
        return registry;
    }

    public CaptureRecord record() {
        return record;
    }

    public long frameNumber() {
        return frameNumber;
    }

    public Timestamp absoluteTime() {
        return record.timestamp();
    }

    /** Time since the first frame (frame.time_relative). */
    public Timestamp relativeTime() {
        if (relativeTime == null) {
            relativeTime = record.timestamp().minus(firstTime);
        }
        return relativeTime;
    }

    /** Time since the previous captured frame (frame.time_delta). */
    public Timestamp deltaTime() {
        if (deltaTime == null) {
            deltaTime = record.timestamp().minus(previousTime);
        }
        return deltaTime;
    }

    public Columns columns() {
        return columns;
    }

    // ---- the protocol stack (frame.protocols, layer numbers for `ip.src#2`) ----

    public List<String> layers() {
        return layers;
    }

    /** How many times {@code abbrev} is in the stack so far (1 for the first IP layer). */
    public int layerNumber(String abbrev) {
        int n = 0;
        for (String l : layers) {
            if (l.equals(abbrev)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Calls a dissector as Wireshark's call_dissector does: its protocol joins the stack first and
     * leaves again if the dissector takes no bytes.
     */
    public int call(DissectorHandle handle, Tvb tvb, TreeItem tree) {
        int mark = layers.size();
        if (handle.protocol() != null) {
            layers.add(handle.protocol().abbrev());
        }
        int n = handle.dissector().dissect(tvb, this, tree);
        if (n <= 0) {
            while (layers.size() > mark) {
                layers.remove(layers.size() - 1);
            }
        }
        return n;
    }

    /**
     * Calls a dissector and contains what it throws: a read past the end becomes a
     * {@code [Malformed Packet]} or {@code [Packet size limited during capture]} item under
     * {@code tree}, as tshark shows it, and the caller goes on. Returns the bytes taken, or the
     * whole length when it threw (the bytes were this protocol's, just broken).
     */
    public int callContained(DissectorHandle handle, Tvb tvb, TreeItem tree) {
        int mark = layers.size();
        try {
            return call(handle, tvb, tree);
        } catch (RuntimeException e) {
            Malformed.report(this, tree, handle.protocol() == null ? handle.name() : handle.protocol().shortName(), e);
            if (layers.size() == mark && handle.protocol() != null) {
                layers.add(handle.protocol().abbrev());
            }
            return tvb.reportedLength();
        }
    }

    // ---- what the run reads (Wireshark's "tree == NULL" fast path) ----

    /**
     * Whether anything reads the items of {@code abbrev} (a protocol or field) or of the fields
     * below it ({@code abbrev.*}): the display filter, the printed fields, a tree or JSON output.
     * A dissector may leave out items nobody reads and the work only they need, never state that
     * later frames or other layers depend on. True unless the engine was told the run needs less.
     */
    public boolean wants(String abbrev) {
        return wanted.test(abbrev);
    }

    /** {@link #wants(String)} for a field (or a protocol's {@link ProtocolDef#field()}), answered once per run. */
    public boolean wants(FieldDef field) {
        return field.wantedBy(wanted);
    }

    /**
     * A layer's item, {@code parent.add(field, tvb, offset, length)}, when the run reads {@code field}
     * or a field below it; else the discarding tree, so that the layer makes no items (nor labels).
     */
    public TreeItem addIfWanted(TreeItem parent, FieldDef field, Tvb tvb, int offset, int length) {
        return wants(field) ? parent.add(field, tvb, offset, length) : TreeItem.discarding();
    }

    /** {@link #wants(String)} for a name a dissector asks about on every packet, answered once per run. */
    public boolean wants(WantedName name) {
        return name.wantedBy(wanted);
    }

    /** Which of {@code fields} the run reads, a bit each (bit i for the i-th), answered once per run. */
    public long wanted(WantedFields fields) {
        return fields.bitsFor(wanted);
    }

    /** Set by the engine from the fields the run needs (every field when never called). */
    public void setWanted(Predicate<String> wanted) {
        setWanted(wanted, wanted.test("_ws.col"));
    }

    /** As {@link #setWanted(Predicate)}, with whether the columns are read already known (asked once per run). */
    public void setWanted(Predicate<String> wanted, boolean columnsWanted) {
        this.wanted = wanted;
        columns.setActive(columnsWanted);
    }

    // ---- data passed from lower to upper layers ----

    public <T> T get(Class<T> key) {
        for (int i = 0; i < layerCount; i++) {
            if (layerKeys[i] == key) {
                return key.cast(layerValues[i]);
            }
        }
        return null;
    }

    public <T> void put(Class<T> key, T value) {
        for (int i = 0; i < layerCount; i++) {
            if (layerKeys[i] == key) {
                layerValues[i] = value;
                return;
            }
        }
        if (layerCount == layerKeys.length) {
            int n = Math.max(4, layerCount * 2);
            layerKeys = java.util.Arrays.copyOf(layerKeys, n);
            layerValues = layerValues == null ? new Object[n] : java.util.Arrays.copyOf(layerValues, n);
        }
        layerKeys[layerCount] = key;
        layerValues[layerCount++] = value;
    }

    public Address dlSrc() {
        return dlSrc;
    }

    public Address dlDst() {
        return dlDst;
    }

    public void setDlAddresses(Address src, Address dst) {
        this.dlSrc = src;
        this.dlDst = dst;
    }

    public Address netSrc() {
        return netSrc;
    }

    public Address netDst() {
        return netDst;
    }

    public void setNetAddresses(Address src, Address dst) {
        this.netSrc = src;
        this.netDst = dst;
    }

    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    public void setPorts(int src, int dst) {
        this.srcPort = src;
        this.dstPort = dst;
    }

    /** The key under which the current dissector was found in a table (e.g. the TCP port 25). */
    public long matchUint() {
        return matchUint;
    }

    public void setMatchUint(long value) {
        this.matchUint = value;
    }

    public Conversation conversation() {
        return conversation;
    }

    public void setConversation(Conversation c) {
        this.conversation = c;
    }

    /** Facts for or from the other pass of a two-pass run; {@link FirstPassNotes#NONE} in one pass. */
    public FirstPassNotes notes() {
        return notes;
    }

    public void setNotes(FirstPassNotes notes) {
        this.notes = notes;
    }

    /**
     * Whether the caller may keep this packet (its tree, its {@link Tvb}s) after it reads the next
     * one: true unless it promised otherwise ({@link PacketStream#reuseRecordBytes()}). When false,
     * bytes that only this packet's tree shows, such as a reassembled message, may live in an array
     * that a later packet reuses.
     */
    public boolean packetsKept() {
        return packetsKept;
    }

    public void setPacketsKept(boolean kept) {
        this.packetsKept = kept;
    }

    /** True when IP said this packet is a fragment whose payload was not reassembled here. */
    public boolean fragmented() {
        return fragmented;
    }

    public void setFragmented(boolean f) {
        this.fragmented = f;
    }

    // ---- TCP desegmentation (Wireshark's pinfo->desegment_offset / desegment_len) ----

    /** Set by TCP before calling a payload dissector: true when it can buffer for more bytes. */
    public boolean canDesegment() {
        return canDesegment;
    }

    public void setCanDesegment(boolean can) {
        this.canDesegment = can;
    }

    /**
     * Asks TCP to call again with more data: the PDU starts at {@code offset} of the tvb just given
     * and needs {@code len} more bytes beyond its end ({@link #ONE_MORE_SEGMENT} when the amount is
     * not known, e.g. "the rest of this line"). The bytes before {@code offset} were dissected.
     */
    public void requestMoreBytes(int offset, int len) {
        this.desegmentOffset = offset;
        this.desegmentLen = len;
    }

    public int desegmentOffset() {
        return desegmentOffset;
    }

    public int desegmentLen() {
        return desegmentLen;
    }

    /**
     * How many leading bytes of this reassembled payload its dissector was handed before, in a call
     * where it asked for more bytes having dissected none ({@code requestMoreBytes(0, ...)}); those
     * bytes are the same now. 0 when there was no such call. Set by TCP around each payload call.
     * Wireshark has no such hint: a dissector that searches its PDU's end from the start (SMTP a
     * line's) searched a line of megabytes again with every segment, in quadratic time.
     */
    public int seenBefore() {
        return seenBefore;
    }

    public void setSeenBefore(int bytes) {
        this.seenBefore = bytes;
    }

    /** Cleared by TCP before each payload call. */
    public void clearDesegment() {
        desegmentOffset = 0;
        desegmentLen = 0;
    }
}
