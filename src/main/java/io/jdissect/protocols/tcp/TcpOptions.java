package io.jdissect.protocols.tcp;

import io.jdissect.api.Expert;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks the TCP options area (RFC 9293 section 3.2) and adds one subtree per option, as tshark
 * does: kind and length, the option's values, and an expert item for a length that cannot be right
 * (then the walk stops, like tshark's dissect_ip_tcp_options). What the rest of TCP needs (window
 * scale shift, Info column text) is returned in an {@link Options} summary.
 */
final class TcpOptions {
    static final int EOL = 0;
    static final int NOP = 1;
    static final int MSS = 2;
    static final int WSCALE = 3;
    static final int SACK_PERM = 4;
    static final int SACK = 5;
    static final int TIMESTAMP = 8;
    private static final String EOL_NAME = "End of Option List (EOL)";
    private static final String NOP_NAME = "No-Operation (NOP)";
    private static final String EOL_LABEL = "TCP Option - " + EOL_NAME;
    private static final String NOP_LABEL = "TCP Option - " + NOP_NAME;

    /** tshark's tcp_option_kind_vs, the labels of {@code tcp.option_kind}. */
    static final Map<Long, String> KIND_NAMES = Map.ofEntries(
            Map.entry(0L, "End of Option List"), Map.entry(1L, "No-Operation"),
            Map.entry(2L, "Maximum Segment Size"), Map.entry(3L, "Window Scale"),
            Map.entry(4L, "SACK Permitted"), Map.entry(5L, "SACK"), Map.entry(6L, "Echo"),
            Map.entry(7L, "Echo Reply"), Map.entry(8L, "Time Stamp Option"),
            Map.entry(9L, "Partial Order Connection Permitted"), Map.entry(10L, "Partial Order Service Profile"),
            Map.entry(11L, "CC"), Map.entry(12L, "CC.NEW"), Map.entry(13L, "CC.ECHO"),
            Map.entry(14L, "TCP Alternate Checksum Request"), Map.entry(15L, "TCP Alternate Checksum Data"),
            Map.entry(16L, "Skeeter"), Map.entry(17L, "Bubba"), Map.entry(18L, "Trailer Checksum Option"),
            Map.entry(19L, "MD5 Signature Option"), Map.entry(20L, "SCPS Capabilities"),
            Map.entry(21L, "Selective Negative Acknowledgements"), Map.entry(22L, "Record Boundaries"),
            Map.entry(23L, "Corruption experienced"), Map.entry(24L, "SNAP"),
            Map.entry(25L, "Unassigned"), Map.entry(26L, "TCP Compression Filter"),
            Map.entry(27L, "Quick-Start Response"), Map.entry(28L, "User Timeout Option"),
            Map.entry(29L, "TCP Authentication Option"), Map.entry(30L, "Multipath TCP"),
            Map.entry(34L, "TCP Fast Open Cookie"), Map.entry(69L, "Encryption Negotiation"),
            Map.entry(76L, "Riverbed Probe"), Map.entry(78L, "Riverbed Transparency"),
            Map.entry(172L, "Accurate ECN Order 0"), Map.entry(174L, "Accurate ECN Order 1"),
            Map.entry(253L, "RFC3692-style Experiment 1"), Map.entry(254L, "RFC3692-style Experiment 2"));

    /** What the options said, for the rest of the TCP dissection. */
    static final class Options {
        /** The window scale shift (capped at 14), or -1 when there was no window scale option. */
        int windowScaleShift = -1;
        /** Raw SACK block edges, at most {@link TcpFlow#MAX_SACK_RANGES}, -1 count if no SACK option. */
        final long[] sackLeft = new long[TcpFlow.MAX_SACK_RANGES];
        final long[] sackRight = new long[TcpFlow.MAX_SACK_RANGES];
        int sackRanges = -1;
        /** The Info column text of the options (" MSS=1460 SACK_PERM WS=128"). */
        final StringBuilder info = new StringBuilder();

        Options clear() {
            windowScaleShift = -1;
            sackRanges = -1;
            info.setLength(0);
            return this;
        }
    }

    private final TcpFields f;
    private final Expert expert;
    /** What {@link #values} fills for every segment whose options nobody reads: read at once by the caller. */
    private final Options lean = new Options();
    /** What {@link #dissect} fills when the items or the Info column are made: read at once by the caller too. */
    private final Options full = new Options();

    TcpOptions(TcpFields fields, Expert expert) {
        this.f = fields;
        this.expert = expert;
    }

    /**
     * Dissects {@code length} bytes of options at {@code offset}. {@code sackBase} is the
     * sequence number SACK edges are shown relative to (the reverse direction's base), or 0.
     */
    Options dissect(Tvb tvb, int offset, int length, TreeItem tcpTree, long sackBase, boolean withInfo) {
        if (tcpTree.isDiscarding() && !withInfo) {
            return values(lean.clear(), tvb, offset, length, sackBase);
        }
        Options out = full.clear();
        // A short segment has fewer option bytes than its header declares: tshark shows those.
        int available = Math.max(0, Math.min(length, tvb.length() - offset));
        TreeItem item = tcpTree.add(f.options, tvb, offset, length, tvb.bytes(offset, available));
        List<String> names = new ArrayList<>();
        int end = offset + length;
        int p = offset;
        while (p < end) {
            int kind = tvb.u8(p);
            if (kind == EOL || kind == NOP) {
                boolean eol = kind == EOL;
                TreeItem o = item.add(eol ? f.optEol : f.optNop, tvb, p, 1, tvb.bytes(p, 1));
                String name = eol ? EOL_NAME : NOP_NAME;
                o.setText(eol ? EOL_LABEL : NOP_LABEL);
                o.add(f.optionKind, tvb, p, 1, kind);
                names.add(name);
                p++;
                continue;
            }
            String name = optionName(kind);
            if (p + 1 >= end) {
                expert.add(item, f.eiOptLenInvalid, tvb, p, 1, name + " (length byte past end of options)");
                break;
            }
            int len = tvb.u8(p + 1);
            if (len < 2) {
                expert.add(item, f.eiOptLenInvalid, tvb, p, 2, name + " (with too-short option length = "
                        + len + " byte" + (len == 1 ? "" : "s") + ")");
                break;
            }
            if (p + len > end) {
                expert.add(item, f.eiOptLenInvalid, tvb, p, 2, name + " (option length = " + len + " byte"
                        + (len == 1 ? "" : "s") + " says option goes past end of options)");
                break;
            }
            names.add(name);
            option(tvb, p, kind, len, item, out, sackBase, withInfo);
            p += len;
        }
        // Labels are made when printed (-V); whole JSON never prints them.
        item.setText(() -> "Options: (" + length + " bytes)" + (names.isEmpty() ? "" : ", " + String.join(", ", names)));
        return out;
    }

    /**
     * The same walk when nobody reads the items or the Info column: only the values the analysis
     * needs, with the same reads (so a truncated option fails at the same place), into {@code out}.
     */
    private static Options values(Options out, Tvb tvb, int offset, int length, long sackBase) {
        int end = offset + length;
        int p = offset;
        while (p < end) {
            int kind = tvb.u8(p);
            if (kind == EOL || kind == NOP) {
                p++;
                continue;
            }
            if (p + 1 >= end) {
                break;
            }
            int len = tvb.u8(p + 1);
            if (len < 2 || p + len > end) {
                break;
            }
            tvb.ensure(p, len);
            if (kind == WSCALE && len == 3) {
                out.windowScaleShift = Math.min(tvb.u8(p + 2), 14);
            } else if (kind == SACK && (len - 2) % 8 == 0) {
                out.sackRanges = 0;
                for (int q = p + 2; q + 8 <= p + len && out.sackRanges < TcpFlow.MAX_SACK_RANGES; q += 8) {
                    out.sackLeft[out.sackRanges] = (tvb.u32(q) - sackBase) & 0xffffffffL;
                    out.sackRight[out.sackRanges++] = (tvb.u32(q + 4) - sackBase) & 0xffffffffL;
                }
            }
            p += len;
        }
        return out;
    }

    private static String optionName(int kind) {
        switch (kind) {
            case MSS: return "Maximum segment size";
            case WSCALE: return "Window scale";
            case SACK_PERM: return "SACK permitted";
            case SACK: return "SACK";
            case TIMESTAMP: return "Timestamps";
            default: return String.format("Unknown (0x%02x)", kind);
        }
    }

    private void option(Tvb tvb, int p, int kind, int len, TreeItem parent, Options out, long sackBase, boolean withInfo) {
        switch (kind) {
            case MSS:
                if (len == 4) {
                    int mss = tvb.u16(p + 2);
                    TreeItem o = header(parent, f.optMss, tvb, p, kind, len);
                    o.setText(() -> "TCP Option - Maximum segment size: " + mss + " bytes");
                    o.add(f.mssVal, tvb, p + 2, 2, mss);
                    if (withInfo) {
                        out.info.append(" MSS=").append(mss);
                    }
                    return;
                }
                break;
            case WSCALE:
                if (len == 3) {
                    TreeItem o = header(parent, f.optWscale, tvb, p, kind, len);
                    int shift = tvb.u8(p + 2);
                    TreeItem s = o.add(f.wscaleShift, tvb, p + 2, 1, shift);
                    if (shift > 14) {
                        // RFC 7323 section 2.3: a shift above 14 is used as 14.
                        expert.add(s, f.eiWscaleShiftInvalid, tvb, p + 2, 1, "Window scale shift exceeds 14");
                        shift = 14;
                    }
                    int mult = 1 << shift;
                    o.add(f.wscaleMultiplier, tvb, p + 2, 1, mult).generated();
                    int shown = shift;
                    o.setText(() -> "TCP Option - Window scale: " + shown + " (multiply by " + mult + ")");
                    out.windowScaleShift = shift;
                    if (withInfo) {
                        out.info.append(" WS=").append(mult);
                    }
                    return;
                }
                break;
            case SACK_PERM:
                if (len == 2) {
                    header(parent, f.optSackPerm, tvb, p, kind, len).setText("TCP Option - SACK permitted");
                    if (withInfo) {
                        out.info.append(" SACK_PERM");
                    }
                    return;
                }
                break;
            case TIMESTAMP:
                if (len == 10) {
                    TreeItem o = header(parent, f.optTimestamp, tvb, p, kind, len);
                    long tsval = tvb.u32(p + 2);
                    long tsecr = tvb.u32(p + 6);
                    o.add(f.tsval, tvb, p + 2, 4, tsval);
                    o.add(f.tsecr, tvb, p + 6, 4, tsecr);
                    o.setText(() -> "TCP Option - Timestamps: TSval " + tsval + ", TSecr " + tsecr);
                    if (withInfo) {
                        out.info.append(" TSval=").append(tsval).append(" TSecr=").append(tsecr);
                    }
                    return;
                }
                break;
            case SACK:
                if ((len - 2) % 8 == 0) {
                    TreeItem o = header(parent, f.optSack, tvb, p, kind, len);
                    StringBuilder label = new StringBuilder("TCP Option - SACK");
                    int count = 0;
                    out.sackRanges = 0;
                    for (int q = p + 2; q + 8 <= p + len; q += 8) {
                        long le = (tvb.u32(q) - sackBase) & 0xffffffffL;
                        long re = (tvb.u32(q + 4) - sackBase) & 0xffffffffL;
                        if (out.sackRanges < TcpFlow.MAX_SACK_RANGES) {
                            out.sackLeft[out.sackRanges] = le;
                            out.sackRight[out.sackRanges++] = re;
                        }
                        o.add(f.sackLe, tvb, q, 4, le).setText("left edge = " + le + " (relative)");
                        o.add(f.sackRe, tvb, q + 4, 4, re).setText("right edge = " + re + " (relative)");
                        label.append(' ').append(le).append('-').append(re);
                        if (withInfo) {
                            out.info.append(" SLE=").append(le).append(" SRE=").append(re);
                        }
                        count++;
                    }
                    o.add(f.sackCount, tvb, p, len, count).generated();
                    o.setText(label.toString());
                    return;
                }
                break;
            default:
                break;
        }
        // An unknown kind, or a known one with a length its RFC does not allow.
        TreeItem o = header(parent, f.optUnknown, tvb, p, kind, len);
        boolean known = kind == MSS || kind == WSCALE || kind == SACK_PERM || kind == TIMESTAMP || kind == SACK;
        o.setText("TCP Option - " + (known ? optionName(kind) + " (" + len + " bytes)" : "Unknown"));
        if (known) {
            expert.add(o, f.eiOptLenInvalid, tvb, p, len, "Invalid length for option");
        } else if (len > 2) {
            o.add(f.unknownPayload, tvb, p + 2, len - 2, tvb.bytes(p + 2, len - 2));
        }
    }

    private TreeItem header(TreeItem parent, io.jdissect.api.FieldDef def, Tvb tvb, int p, int kind, int len) {
        TreeItem o = parent.add(def, tvb, p, len, tvb.bytes(p, len));
        o.add(f.optionKind, tvb, p, 1, kind);
        o.add(f.optionLen, tvb, p + 1, 1, len);
        return o;
    }
}
