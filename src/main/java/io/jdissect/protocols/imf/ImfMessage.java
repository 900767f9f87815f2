package io.jdissect.protocols.imf;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.capture.CaptureRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An email message read on its own, e.g. a saved {@code .eml} file: {@link #parse} gives the
 * message as the RFCs mean it (headers unfolded and decoded, RFC 5322 addresses, the MIME tree
 * with decoded attachments); {@link #dissect} gives the same tree of tshark fields that a capture
 * would show for this message (the {@code imf} item and everything under it, plus jdissect's
 * {@code imf.x.*}).
 */
public final class ImfMessage {
    /** Name of the data source of a message read from a file. */
    public static final String SOURCE = "EML file";

    private final byte[] bytes;
    private final MimeEntity root;

    private ImfMessage(byte[] bytes, MimeEntity root) {
        this.bytes = bytes;
        this.root = root;
    }

    public static ImfMessage parse(byte[] bytes) {
        return parse(bytes, MimeLimits.DEFAULT);
    }

    public static ImfMessage parse(byte[] bytes, MimeLimits limits) {
        return new ImfMessage(bytes, MimeParser.parse(bytes, 0, bytes.length, limits));
    }

    public static ImfMessage read(Path eml) throws IOException {
        return parse(Files.readAllBytes(eml));
    }

    /**
     * Dissects {@code bytes} with the IMF dissector of {@code setup} (its preferences apply) as
     * if SMTP had handed them over; the packet's tree holds the {@code imf} item, its columns the
     * Info text. Never throws on bad input: errors show as {@code [Malformed Packet]}.
     */
    public static Packet dissect(byte[] bytes, JDissect setup) {
        CaptureRecord record = new CaptureRecord(Timestamp.ZERO, -1, -1, bytes.length, bytes, bytes.length, 0, null);
        PacketInfo pinfo = new PacketInfo(setup.registry(), record, 1, Timestamp.ZERO, Timestamp.ZERO);
        TreeItem root = TreeItem.root();
        DissectorHandle imf = setup.registry().handle(ImfPlugin.HANDLE);
        pinfo.callContained(imf, Tvb.ofSource(SOURCE, bytes), root);
        return new Packet(pinfo, root);
    }

    /** The message bytes as given. */
    public byte[] bytes() {
        return bytes;
    }

    /** The top-level entity: the message's header section and body, parts nested below. */
    public MimeEntity root() {
        return root;
    }

    public List<HeaderField> headers() {
        return root.headers().fields();
    }

    /** The first header field named {@code name} (any case), or null. */
    public HeaderField header(String name) {
        return root.headers().first(name);
    }

    /** The decoded Subject, or null. */
    public String subject() {
        HeaderField h = header("Subject");
        return h == null ? null : h.decoded();
    }

    /** The mailboxes of every field named {@code name} (From, To, Cc, Bcc, Reply-To, Sender …). */
    public List<MailAddress> addresses(String name) {
        List<MailAddress> out = new ArrayList<>();
        for (HeaderField h : headers()) {
            if (h.is(name)) {
                out.addAll(AddressParser.parse(h.unfolded()));
            }
        }
        return out;
    }

    public List<MailAddress> from() {
        return addresses("From");
    }

    /** To, Cc and Bcc recipients, in header order. */
    public List<MailAddress> recipients() {
        List<MailAddress> out = new ArrayList<>();
        for (HeaderField h : headers()) {
            if (h.is("To") || h.is("Cc") || h.is("Bcc")) {
                out.addAll(AddressParser.parse(h.unfolded()));
            }
        }
        return out;
    }

    /** Every attachment ({@link MimeEntity#isAttachment()}) in document order. */
    public List<MimeEntity> attachments() {
        List<MimeEntity> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(MimeEntity e, List<MimeEntity> out) {
        if (e.isAttachment()) {
            out.add(e);
        }
        for (MimeEntity c : e.children()) {
            collect(c, out);
        }
    }

    /** Every problem the parser met (malformed lines, missing boundaries, limits hit), all levels. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        problems(root, out);
        return out;
    }

    private static void problems(MimeEntity e, List<String> out) {
        out.addAll(e.problems());
        for (MimeEntity c : e.children()) {
            problems(c, out);
        }
    }
}
