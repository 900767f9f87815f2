package io.jdissect.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Packet;
import io.jdissect.protocols.imf.ImfExportEntry;
import io.jdissect.protocols.imf.ImfMessage;
import io.jdissect.protocols.imf.MailAddress;
import io.jdissect.protocols.imf.MimeEntity;
import io.jdissect.protocols.smtp.SmtpEvents;
import io.jdissect.protocols.smtp.SmtpTransaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --export-objects PROTOCOL,DIR}: give it every dissected packet (like tshark's tap it must
 * see all of them, whatever the display filter), then close it.
 * <ul>
 * <li>{@code imf}: as tshark — one {@code <Subject>.eml} per message IMF dissected (nested
 * {@code message/rfc822} parts too), content the exact reassembled DATA bytes (dot-stuffing
 * kept).</li>
 * <li>{@code eml}: each SMTP mail transaction's message as it was meant: DATA dot-unstuffed, BDAT
 * chunks joined (also the BDAT messages tshark misses); named like {@code imf}.</li>
 * <li>{@code attachments}: every MIME attachment of those messages, decoded, under its own file
 * name made safe, and {@code attachments.json} listing message, sender, recipients, name, type,
 * size and SHA-256.</li>
 * </ul>
 * Names from the capture never leave DIR, existing files are never overwritten, clashes are
 * numbered as tshark numbers them.
 */
public final class ExportObjects implements AutoCloseable {
    /** The protocols {@link #create} accepts. */
    public static final List<String> PROTOCOLS = List.of("imf", "eml", "attachments");

    private final String protocol;
    private final ExportDirectory dir;
    private final List<Path> written = new ArrayList<>();
    private final ByteArrayOutputStream index = new ByteArrayOutputStream();
    private final JsonGenerator json;

    private ExportObjects(String protocol, ExportDirectory dir) throws IOException {
        this.protocol = protocol;
        this.dir = dir;
        this.json = protocol.equals("attachments") ? new JsonFactory().createGenerator(index).useDefaultPrettyPrinter()
                : null;
        if (json != null) {
            json.writeStartArray();
        }
    }

    /** Exports {@code protocol} objects to {@code dir} (created if missing); unknown protocol → IllegalArgumentException. */
    public static ExportObjects create(String protocol, Path dir) throws IOException {
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("\"" + protocol + "\" isn't a valid export-objects protocol (valid: "
                    + String.join(", ", PROTOCOLS) + ")");
        }
        return new ExportObjects(protocol, new ExportDirectory(dir));
    }

    /** Looks at one dissected packet and writes what it completes. */
    public void accept(Packet packet) throws IOException {
        switch (protocol) {
            case "imf" -> {
                ImfExportEntry.Queue q = packet.info().get(ImfExportEntry.Queue.class);
                if (q != null) {
                    for (ImfExportEntry e : q.entries()) {
                        written.add(dir.write(e.subject() + ".eml", e.message().bytes()));
                    }
                }
            }
            default -> {
                SmtpTransaction t = SmtpEvents.of(packet).finishedTransaction();
                if (t != null) {
                    List<String> rcpts = new ArrayList<>();
                    for (SmtpTransaction.Recipient r : t.recipients()) {
                        if (r.accepted()) {
                            rcpts.add(r.address());
                        }
                    }
                    acceptMessage(packet.number(), ImfMessage.parse(t.message()), t.mailFrom(), rcpts);
                }
            }
        }
    }

    /**
     * Exports one message known otherwise (a standalone {@code .eml}, or a transaction): for
     * {@code eml} the message, for {@code attachments} its attachments. {@code sender} and
     * {@code recipients} are the envelope's, or null to take From and To/Cc/Bcc.
     */
    public void acceptMessage(long frame, ImfMessage message, String sender, List<String> recipients)
            throws IOException {
        String subject = message.subject() == null ? "" : message.subject();
        if (protocol.equals("eml")) {
            written.add(dir.write(subject + ".eml", message.bytes()));
            return;
        }
        if (json == null) {
            return;
        }
        String from = sender != null ? sender
                : message.from().stream().map(MailAddress::address).findFirst().orElse("");
        List<String> to = recipients != null ? recipients
                : message.recipients().stream().map(MailAddress::address).toList();
        for (MimeEntity a : message.attachments()) {
            byte[] content = a.decodedBody().bytes();
            String name = a.fileName() != null ? a.fileName() : "attachment";
            Path file = dir.write(name, content);
            written.add(file);
            json.writeStartObject();
            json.writeNumberField("frame", frame);
            json.writeStringField("message", subject);
            json.writeStringField("sender", from);
            json.writeArrayFieldStart("recipients");
            for (String r : to) {
                json.writeString(r);
            }
            json.writeEndArray();
            json.writeStringField("name", name);
            json.writeStringField("file", file.getFileName().toString());
            json.writeStringField("type", a.mediaType());
            json.writeNumberField("size", content.length);
            json.writeStringField("sha256", MimeEntity.sha256(content));
            json.writeEndObject();
        }
    }

    /** Files written so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** Finishes (once; later calls do nothing): for {@code attachments} writes the JSON index ({@code attachments.json}, numbered if taken). */
    @Override
    public void close() throws IOException {
        if (json != null && !json.isClosed()) {
            json.writeEndArray();
            json.close();
            index.write('\n');
            written.add(dir.write("attachments.json", index.toByteArray()));
        }
    }

    /** For callers that cannot throw checked exceptions (stream pipelines). */
    public void acceptUnchecked(Packet packet) {
        try {
            accept(packet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
