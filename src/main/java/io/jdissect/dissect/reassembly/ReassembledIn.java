package io.jdissect.dissect.reassembly;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FirstPassNotes;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;

import java.util.List;

/**
 * The "Reassembled … in frame" items (ip.reassembled_in, tcp.reassembled_in, …) that only a
 * two-pass run can show on the fragments before the one that completes a message: the first pass
 * notes, for each earlier fragment's frame, the frame of completion; the second shows it.
 */
public final class ReassembledIn {
    private ReassembledIn() {
    }

    /** First pass: the fragments of a message completed in {@code frame} learn where. */
    public static void note(PacketInfo pinfo, FieldDef field, List<Fragment> fragments, long frame) {
        if (!pinfo.notes().keeping()) {
            return;
        }
        for (Fragment fr : fragments) {
            note(pinfo, field, fr.frame(), frame);
        }
    }

    /** First pass: the fragment in {@code fragmentFrame} is reassembled in {@code frame}. */
    public static void note(PacketInfo pinfo, FieldDef field, long fragmentFrame, long frame) {
        if (fragmentFrame != frame) {
            pinfo.notes().note(field.abbrev(), fragmentFrame, frame);
        }
    }

    /**
     * Second pass: the item under {@code tree} when this frame's fragment is reassembled in another.
     * Returns that frame, or {@link FirstPassNotes#ABSENT}.
     */
    public static long show(PacketInfo pinfo, TreeItem tree, FieldDef field) {
        long in = pinfo.notes().later(field.abbrev(), pinfo.frameNumber());
        if (in == FirstPassNotes.ABSENT || in == pinfo.frameNumber()) {
            return FirstPassNotes.ABSENT;
        }
        tree.add(field, null, 0, 0, in).generated();
        return in;
    }
}
