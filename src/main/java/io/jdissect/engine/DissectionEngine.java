package io.jdissect.engine;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FirstPassNotes;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.capture.CaptureRecord;
import io.jdissect.protocols.data.DataDissector;
import io.jdissect.protocols.frame.FrameDissector;

import java.util.List;

/**
 * Dissects the records of one capture, in order, single pass as tshark does by default. It keeps
 * the state that spans frames (first and previous timestamps, the last displayed frame); the
 * protocols keep theirs in conversations.
 */
public final class DissectionEngine {
    private final DissectorRegistry registry;
    private final FrameDissector frame;
    private long frameNumber;
    private Timestamp first;
    private Timestamp previous;
    private Timestamp previousBeforeLast;
    private Timestamp previousDisplayed;
    private FirstPassNotes notes = FirstPassNotes.NONE;
    private boolean packetsKept = true;
    private List<io.jdissect.capture.CaptureInterface> interfaces = List.of();
    /** The last packet's interface and its description for the frame dissector (names and texts). */
    private io.jdissect.capture.CaptureInterface lastInterface;
    private FrameDissector.InterfaceInfo lastInterfaceInfo;
    private FieldNeeds needs = FieldNeeds.ALL;
    private boolean columnsWanted = true;

    /** Use {@link EngineBuilder}; it registers every protocol before building the engine. */
    DissectionEngine(DissectorRegistry registry, FrameDissector frame) {
        this.registry = registry;
        this.frame = frame;
    }

    /** Creates the core protocols (frame, data) that every setup has. Called by the builder. */
    static FrameDissector registerCore(DissectorRegistry registry) {
        DataDissector data = new DataDissector(registry);
        return new FrameDissector(registry, data.handle());
    }

    public DissectorRegistry registry() {
        return registry;
    }

    /** Interfaces of the capture being read, so frames can name theirs (pcapng). */
    public void setInterfaces(List<io.jdissect.capture.CaptureInterface> interfaces) {
        this.interfaces = interfaces;
    }

    /**
     * Tells the dissectors which fields the run reads, so they may skip items nobody reads
     * (every field by default). Set it before the first packet: it must hold for the whole run.
     */
    public void setFieldNeeds(FieldNeeds needs) {
        this.needs = needs;
        this.columnsWanted = needs.test("_ws.col");
    }

    /** Dissects the next record of the capture. */
    public Packet dissect(CaptureRecord record) {
        frameNumber++;
        Timestamp ts = record.timestamp();
        if (first == null) {
            first = ts;
            previous = ts;
        }
        // tshark looks the previous frame up by number, and frame number 1 always finds the first
        // record read, even when a two-pass read filter dropped it.
        Timestamp before = frameNumber == 1 ? ts : frameNumber == 2 ? first : previous;
        PacketInfo pinfo = PacketInfo.timedFrom(registry, record, frameNumber, first, before);
        pinfo.setNotes(notes);
        pinfo.setPacketsKept(packetsKept);
        previousBeforeLast = previous;
        previous = ts;
        pinfo.setWanted(needs, columnsWanted);
        if (record.interfaceId() >= 0 && record.interfaceId() < interfaces.size()) {
            var ci = interfaces.get(record.interfaceId());
            if (ci != lastInterface) { // made once per interface run, not per packet
                lastInterface = ci;
                lastInterfaceInfo = FrameDissector.InterfaceInfo.of(record.interfaceId(), ci.name(), ci.description());
            }
            pinfo.put(FrameDissector.InterfaceInfo.class, lastInterfaceInfo);
        }
        TreeItem root = TreeItem.root();
        // Before any frame was displayed tshark has no previous displayed frame: the delta is 0.
        frame.dissect(pinfo, root, previousDisplayed == null ? ts : previousDisplayed);
        return new Packet(pinfo, root);
    }

    /**
     * Tells the engine that {@code packet} was displayed (passed the display filter), so the next
     * frame's {@code frame.time_delta_displayed} counts from it, as tshark does.
     */
    public void markDisplayed(Packet packet) {
        previousDisplayed = packet.number() == 1 ? first : packet.timestamp();
    }

    /**
     * False when the caller is done with each packet before it asks for the next (see
     * {@link PacketInfo#packetsKept()}). Set it before the first packet.
     */
    public void setPacketsKept(boolean kept) {
        this.packetsKept = kept;
    }

    /**
     * Two-pass runs (tshark {@code -2}): the facts the passes share; each frame's
     * {@link PacketInfo#notes()}.
     */
    public void setNotes(FirstPassNotes notes) {
        this.notes = notes;
    }

    /**
     * The last frame failed the two-pass read filter ({@code -R}): as in tshark, it gives its number
     * to the next frame and does not count as the previous one.
     */
    public void dropLast() {
        frameNumber--;
        previous = previousBeforeLast;
    }
}
