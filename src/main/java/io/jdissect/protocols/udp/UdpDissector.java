package io.jdissect.protocols.udp;

import io.jdissect.api.Address;
import io.jdissect.api.BoundsException;
import io.jdissect.api.Columns;
import io.jdissect.api.Dissector;
import io.jdissect.api.Expert;
import io.jdissect.api.Malformed;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.kaitai.UdpHeader;
import io.jdissect.protocols.ip.InErrorPacket;

/**
 * The UDP dissector (RFC 768) as tshark 4.0 shows a datagram (packet-udp.c): ports, length with
 * its sanity checks, the checksum unverified (tshark's default), the stream index and per-stream
 * timestamps, then the payload handed on by {@link UdpPayloadHandoff}. One instance per capture:
 * it keeps the conversations.
 */
final class UdpDissector implements Dissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int HEADER_LEN = 8;
    /** LBL traceroute's first port is 32768 + 666; it makes three attempts per hop. */
    private static final int TRACEROUTE_BASE = 32768 + 666;
    private static final int TRACEROUTE_PORTS = 30;
    private static final long CHECKSUM_UNVERIFIED = 2;
    private static final long CHECKSUM_NOT_PRESENT = 3;
    private static final long CHECKSUM_ILLEGAL = 4;

    private final UdpFields f;
    private final Expert expert;
    private final UdpPayloadHandoff handoff;
    private final UdpStreams streams = new UdpStreams();

    UdpDissector(UdpFields fields, Expert expert, UdpPayloadHandoff handoff) {
        this.f = fields;
        this.expert = expert;
        this.handoff = handoff;
    }

    @Override
    public int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        try {
            dissectDatagram(tvb, pinfo, tree);
        } catch (BoundsException e) {
            Malformed.report(pinfo, tree, f.proto.shortName(), e);
        }
        return tvb.reportedLength();
    }

    private void dissectDatagram(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Columns col = pinfo.columns();
        col.setProtocol("UDP");
        col.clearInfo();
        int sport = tvb.u16(0);
        int dport = tvb.u16(2);
        col.appendInfo(sport + " \u2192 " + dport);
        TreeItem ti = tree.add(f.proto.field(), tvb, 0, Math.min(HEADER_LEN, tvb.reportedLength()))
                .setText("User Datagram Protocol, Src Port: " + sport + ", Dst Port: " + dport);
        traceroute(ti.add(f.srcport, tvb, 0, 2, sport), tvb, 0, sport);
        traceroute(ti.add(f.dstport, tvb, 2, 2, dport), tvb, 2, dport);
        ti.add(f.port, tvb, 0, 2, sport).hidden();
        ti.add(f.port, tvb, 2, 2, dport).hidden();

        UdpHeader h = new UdpHeader(KaitaiTvb.stream(headerIo, tvb, 0, HEADER_LEN));
        boolean inError = pinfo.get(InErrorPacket.class) != null;
        int reported = tvb.reportedLength();
        int ulen = h.length();
        TreeItem lenItem = ti.add(f.length, tvb, 4, 2, ulen);
        boolean jumbogram = false;
        if (ulen == 0 && pinfo.netSrc() != null && pinfo.netSrc().type() == Address.Type.IPv6) {
            // RFC 2675 section 4: a jumbogram's length field is 0, the IPv6 payload length rules.
            ulen = reported;
            jumbogram = true;
        }
        if (ulen < HEADER_LEN) {
            lenItem.appendText(" (bogus, must be >= 8)");
            expert.add(lenItem, f.lengthBad, tvb, 4, 2, "Bad length value " + ulen + " < 8");
            col.appendInfo(" [BAD UDP LENGTH " + ulen + " < 8]");
            return;
        }
        if (ulen > reported && !pinfo.fragmented() && !inError) {
            lenItem.appendText(" (bogus, payload length " + reported + ")");
            expert.add(lenItem, f.lengthBad, tvb, 4, 2, "Bad length value " + ulen + " > IP payload length");
            col.appendInfo(" [BAD UDP LENGTH " + ulen + " > IP PAYLOAD LENGTH]");
        }
        if (jumbogram && ulen < 65536) {
            expert.add(lenItem, f.lengthBadZero, tvb, 4, 2);
        }
        col.appendInfo(" Len=" + (ulen - HEADER_LEN));
        if (jumbogram) {
            col.appendInfo(" [Jumbogram]");
        }
        checksum(ti, tvb, pinfo, h.checksum(), inError);

        pinfo.setPorts(sport, dport);
        UdpStreams.Stream stream = streams.findOrCreate(pinfo.netSrc(), sport, pinfo.netDst(), dport,
                pinfo.absoluteTime());
        pinfo.setConversation(stream.conversation);
        ti.add(f.stream, tvb, HEADER_LEN, 0, stream.conversation.index()).generated();
        if (ulen == HEADER_LEN) {
            return;
        }
        if (!inError) {
            timestamps(ti, tvb, pinfo, stream);
        }
        if (!inError || tvb.remaining(HEADER_LEN) > 0) {
            payload(ti, tvb, pinfo, tree, ulen, stream);
        }
    }

    private void traceroute(TreeItem portItem, Tvb tvb, int offset, int port) {
        if (port > TRACEROUTE_BASE && port <= TRACEROUTE_BASE + TRACEROUTE_PORTS) {
            int n = port - TRACEROUTE_BASE - 1;
            expert.add(portItem, f.possibleTraceroute, tvb, offset, 2,
                    "Possible traceroute: hop #" + (n / 3 + 1) + ", attempt #" + (n % 3 + 1));
        }
    }

    /**
     * A zero checksum means "none" (RFC 768); tshark accepts it over IPv4 (and in ICMP-quoted
     * datagrams) and calls it illegal over IPv6 (RFC 8200 section 8.1). Others are left unverified.
     */
    private void checksum(TreeItem ti, Tvb tvb, PacketInfo pinfo, int sum, boolean inError) {
        TreeItem item = ti.add(f.checksum, tvb, 6, 2, sum);
        if (sum != 0) {
            item.appendText(" [unverified]");
            ti.add(f.checksumStatus, tvb, 6, 0, CHECKSUM_UNVERIFIED).generated();
            return;
        }
        boolean overIpv4 = pinfo.netSrc() != null && pinfo.netSrc().type() == Address.Type.IPv4;
        if (overIpv4 || inError) {
            item.appendText(" [zero-value ignored]");
            item.add(f.checksumStatus, tvb, 6, 2, CHECKSUM_NOT_PRESENT).generated();
        } else {
            item.appendText(" [zero-value illegal]");
            expert.add(item, f.checksumZero, tvb, 6, 2);
            pinfo.columns().appendInfo(" [ILLEGAL CHECKSUM (0)]");
            item.add(f.checksumStatus, tvb, 6, 2, CHECKSUM_ILLEGAL).generated();
        }
    }

    /** udp.time_relative since the stream's first datagram, udp.time_delta since its previous one. */
    private void timestamps(TreeItem ti, Tvb tvb, PacketInfo pinfo, UdpStreams.Stream stream) {
        TreeItem t = ti.addText(tvb, 0, 0, "Timestamps").generated();
        t.add(f.timeRelative, tvb, 0, 0, pinfo.absoluteTime().minus(stream.first)).generated();
        t.add(f.timeDelta, tvb, 0, 0, pinfo.absoluteTime().minus(stream.previous)).generated();
        stream.previous = pinfo.absoluteTime();
    }

    /** The payload up to the UDP length (the rest of the IP payload is not UDP's). */
    private void payload(TreeItem ti, Tvb tvb, PacketInfo pinfo, TreeItem tree, int ulen, UdpStreams.Stream stream) {
        int reportedLen = Math.min(tvb.reportedLength() - HEADER_LEN, ulen - HEADER_LEN);
        Tvb payload = tvb.subset(HEADER_LEN, reportedLen);
        int len = payload.length();
        // tshark's item runs to the end of the IP payload even when the UDP length ends sooner.
        int itemLen = tvb.remaining(HEADER_LEN);
        ti.add(f.payload, tvb, HEADER_LEN, itemLen, tvb.bytes(HEADER_LEN, itemLen))
                .setText("UDP payload (" + len + " byte" + (len == 1 ? "" : "s") + ")");
        handoff.process(payload, pinfo, tree, stream);
    }
}
