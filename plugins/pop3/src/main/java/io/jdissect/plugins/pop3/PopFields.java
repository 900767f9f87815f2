package io.jdissect.plugins.pop3;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;

/**
 * The {@code pop} protocol and its fields, declared once with tshark 4.0's abbreviations, names,
 * types and descriptions (packet-pop.c), in tshark's order, so {@code -G fields}, filters,
 * {@code -e} and JSON show them as tshark does.
 */
final class PopFields {
    final ProtocolDef proto;
    final FieldDef response;
    final FieldDef responseIndicator;
    final FieldDef responseDescription;
    final FieldDef responseData;
    final FieldDef request;
    final FieldDef requestCommand;
    final FieldDef requestParameter;
    final FieldDef requestData;
    final FieldDef dataFragments;
    final FieldDef dataFragment;
    final FieldDef dataFragmentCount;
    final FieldDef dataReassembledIn;
    final FieldDef dataReassembledLength;
    final Expert.Def totLenInvalid;

    PopFields(DissectorRegistry registry) {
        FieldRegistry r = registry.fields();
        proto = r.protocol("Post Office Protocol", "POP", "pop");
        response = string(r, "pop.response", "Response", null);
        responseIndicator = string(r, "pop.response.indicator", "Response indicator", null);
        responseDescription = string(r, "pop.response.description", "Response description", null);
        responseData = string(r, "pop.response.data", "Data", "Response Data");
        request = string(r, "pop.request", "Request", null);
        requestCommand = string(r, "pop.request.command", "Request command", null);
        requestParameter = string(r, "pop.request.parameter", "Request parameter", null);
        requestData = string(r, "pop.request.data", "Data", "Request data");
        // Wireshark's fragment_items for "DATA fragments": declared in full, as tshark lists them.
        dataFragments = r.field(proto, "pop.data.fragments", "DATA fragments", FieldType.FT_NONE)
                .blurb("Message fragments").register();
        dataFragment = r.field(proto, "pop.data.fragment", "DATA fragment", FieldType.FT_FRAMENUM)
                .blurb("Message fragment").register();
        flag(r, "pop.data.fragment.overlap", "DATA fragment overlap", "Message fragment overlap");
        flag(r, "pop.data.fragment.overlap.conflicts", "DATA fragment overlapping with conflicting data",
                "Message fragment overlapping with conflicting data");
        flag(r, "pop.data.fragment.multiple_tails", "DATA has multiple tail fragments",
                "Message has multiple tail fragments");
        flag(r, "pop.data.fragment.too_long_fragment", "DATA fragment too long", "Message fragment too long");
        r.field(proto, "pop.data.fragment.error", "DATA defragmentation error", FieldType.FT_FRAMENUM)
                .blurb("Message defragmentation error").register();
        dataFragmentCount = r.field(proto, "pop.data.fragment.count", "DATA fragment count", FieldType.FT_UINT32)
                .register();
        dataReassembledIn = r.field(proto, "pop.data.reassembled.in", "Reassembled DATA in frame",
                FieldType.FT_FRAMENUM).blurb("This DATA fragment is reassembled in this frame").register();
        dataReassembledLength = r.field(proto, "pop.data.reassembled.length", "Reassembled DATA length",
                FieldType.FT_UINT32).blurb("The total length of the reassembled payload").register();
        totLenInvalid = registry.expert(proto, "pop.response.tot_len.invalid",
                "Length must be a string containing an integer", Expert.Severity.ERROR, Expert.Group.MALFORMED);
    }

    private FieldDef string(FieldRegistry r, String abbrev, String name, String blurb) {
        return r.field(proto, abbrev, name, FieldType.FT_STRING).blurb(blurb).register();
    }

    private void flag(FieldRegistry r, String abbrev, String name, String blurb) {
        r.field(proto, abbrev, name, FieldType.FT_BOOLEAN).blurb(blurb).register();
    }
}
