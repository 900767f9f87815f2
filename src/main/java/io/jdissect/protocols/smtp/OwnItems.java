package io.jdissect.protocols.smtp;

import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

import java.util.Map;

/**
 * jdissect's own {@code smtp.x.*} items for one frame, from what {@link SmtpSession} found in it;
 * tshark's items are never changed. The events are also left in the packet for the API
 * ({@link SmtpEvents#of}).
 */
final class OwnItems {
    private final SmtpFields f;

    OwnItems(SmtpFields f) {
        this.f = f;
    }

    void add(Tvb tvb, PacketInfo pinfo, TreeItem smtp, SmtpSession session, boolean request) {
        SmtpEvents ev = new SmtpEvents();
        byte[] a = tvb.array();
        if (request) {
            session.client(a, tvb.arrayOffset(), tvb.length(), pinfo.frameNumber(), pinfo.absoluteTime(), ev);
        } else {
            session.server(a, tvb.arrayOffset(), tvb.length(), pinfo.frameNumber(), pinfo.absoluteTime(), ev);
        }
        pinfo.put(SmtpEvents.class, ev);
        for (SmtpEvents.CommandAt c : ev.commands()) {
            command(tvb, pinfo, smtp, c);
        }
        for (SmtpEvents.StatusAt s : ev.statuses()) {
            smtp.add(f.enhancedStatus, tvb, s.offset(), s.length(), s.status());
        }
        for (SmtpExchange x : ev.exchanges()) {
            smtp.add(f.responseTo, tvb, 0, 0, x.requestFrame()).generated();
            smtp.add(f.responseTime, tvb, 0, 0, x.responseTime()).generated();
        }
        if (ev.transaction() > 0) {
            smtp.add(f.transaction, tvb, 0, 0, ev.transaction()).generated();
        }
        if (ev.bdatOctets() >= 0) {
            smtp.add(f.bdatOctets, tvb, 0, 0, ev.bdatOctets()).generated();
        }
        if (ev.chunkEndOffset() >= 0) {
            pinfo.registry().expert().add(smtp, f.bdatChunkEnd, tvb, ev.chunkEndOffset(),
                    tvb.length() - ev.chunkEndOffset());
        }
        if (ev.limitReached() != null) {
            pinfo.registry().expert().add(smtp, f.limitReached, tvb, 0, 0, ev.limitReached());
        }
        if (ev.starttlsRefused()) {
            pinfo.registry().expert().add(smtp, f.starttlsRefused, tvb, 0, 0);
        }
        if (ev.injectedOffset() >= 0) {
            pinfo.registry().expert().add(smtp, f.starttlsInjection, tvb, ev.injectedOffset(),
                    Math.max(0, tvb.length() - ev.injectedOffset()));
        }
    }

    private void command(Tvb tvb, PacketInfo pinfo, TreeItem smtp, SmtpEvents.CommandAt c) {
        SmtpCommand cmd = c.command();
        int off = Math.max(0, c.offset());
        int len = c.offset() < 0 ? 0 : c.length();
        TreeItem line = smtp.add(f.ownCommandLine, tvb, off, len, cmd.line());
        if (cmd.known()) {
            line.add(f.verb, tvb, off, Math.min(len, cmd.verb().length()), cmd.verb());
        } else if (c.offset() >= 0 && FrameClassifier.isCommand(cmd.line().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                Math.min(cmd.line().length(), cmd.verb().length()))) {
            pinfo.registry().expert().add(line, f.unknownCommand, tvb, off, len);
        }
        if (cmd.address() != null) {
            line.add(cmd.verb().equals("MAIL") ? f.mailFrom : f.rcptTo, tvb, off, len, cmd.address());
        }
        for (Map.Entry<String, String> p : cmd.parameters().entrySet()) {
            line.add(f.esmtpParameter, tvb, off, len, p.getKey() + (p.getValue() == null ? "" : "=" + p.getValue()));
        }
        if (cmd.bdatSize() >= 0) {
            line.add(f.bdatSize, tvb, off, len, cmd.bdatSize());
            line.add(f.bdatLast, tvb, off, len, cmd.bdatLast() ? 1L : 0L);
        }
        if (cmd.authMechanism() != null) {
            line.add(f.authMechanism, tvb, off, len, cmd.authMechanism());
        }
    }
}
