package io.jdissect.protocols.udp;

import io.jdissect.api.Base;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;

import java.util.Map;

/**
 * The fields and expert items of UDP, declared as tshark 4.0 declares them ({@code -G fields}):
 * same abbreviations, names, types and bases, in the same order.
 */
final class UdpFields {
    final ProtocolDef proto;
    final FieldDef srcport;
    final FieldDef dstport;
    final FieldDef port;
    final FieldDef stream;
    final FieldDef length;
    final FieldDef checksum;
    final FieldDef checksumStatus;
    final FieldDef timeRelative;
    final FieldDef timeDelta;
    final FieldDef payload;
    final Expert.Def possibleTraceroute;
    final Expert.Def lengthBad;
    final Expert.Def checksumZero;
    final Expert.Def lengthBadZero;

    UdpFields(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("User Datagram Protocol", "UDP", "udp");
        srcport = f.field(proto, "udp.srcport", "Source Port", FieldType.FT_UINT16).register();
        dstport = f.field(proto, "udp.dstport", "Destination Port", FieldType.FT_UINT16).register();
        port = f.field(proto, "udp.port", "Source or Destination Port", FieldType.FT_UINT16).register();
        stream = f.field(proto, "udp.stream", "Stream index", FieldType.FT_UINT32).register();
        length = f.field(proto, "udp.length", "Length", FieldType.FT_UINT16)
                .blurb("Length in octets including this header and the data").register();
        checksum = f.field(proto, "udp.checksum", "Checksum", FieldType.FT_UINT16).hex()
                .blurb("Details at: https://www.wireshark.org/docs/wsug_html_chunked/ChAdvChecksums.html").register();
        f.field(proto, "udp.checksum_calculated", "Calculated Checksum", FieldType.FT_UINT16).hex()
                .blurb("The expected UDP checksum field as calculated from the UDP packet").register();
        checksumStatus = f.field(proto, "udp.checksum.status", "Checksum Status", FieldType.FT_UINT8).base(Base.NONE)
                .values(Map.of(0L, "Bad", 1L, "Good", 2L, "Unverified", 3L, "Not present", 4L, "Illegal")).register();
        f.field(proto, "udp.pdu.size", "PDU Size", FieldType.FT_UINT32).blurb("The size of this PDU").register();
        timeRelative = f.field(proto, "udp.time_relative", "Time since first frame", FieldType.FT_RELATIVE_TIME)
                .blurb("Time relative to first frame in this UDP stream").register();
        timeDelta = f.field(proto, "udp.time_delta", "Time since previous frame", FieldType.FT_RELATIVE_TIME)
                .blurb("Time delta from previous frame in this UDP stream").register();
        payload = f.field(proto, "udp.payload", "Payload", FieldType.FT_BYTES).register();
        possibleTraceroute = registry.expert(proto, "udp.possible_traceroute", "Possible traceroute",
                Expert.Severity.CHAT, Expert.Group.SEQUENCE);
        lengthBad = registry.expert(proto, "udp.length.bad", "Bad length value", Expert.Severity.ERROR,
                Expert.Group.MALFORMED);
        checksumZero = registry.expert(proto, "udp.checksum.zero", "Illegal checksum value (0)", Expert.Severity.ERROR,
                Expert.Group.CHECKSUM);
        registry.expert(proto, "udp.checksum.bad", "Bad checksum", Expert.Severity.ERROR, Expert.Group.CHECKSUM);
        lengthBadZero = registry.expert(proto, "udp.length.bad_zero", "Length is zero but payload < 65536",
                Expert.Severity.WARNING, Expert.Group.PROTOCOL);
    }
}
