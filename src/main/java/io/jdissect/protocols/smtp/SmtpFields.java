package io.jdissect.protocols.smtp;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMTP protocol and its fields: tshark 4.0's 25 {@code smtp.*} fields with their exact names,
 * types and labels, then jdissect's own under {@code smtp.x.} (see README, "Fields of our own").
 */
public final class SmtpFields {
    /** Prefix of the fields jdissect adds beside tshark's. */
    public static final String OWN_PREFIX = "smtp.x.";

    final ProtocolDef proto;
    // ---- tshark's fields, in tshark's registration order ----
    final FieldDef req;
    final FieldDef rsp;
    final FieldDef message;
    final FieldDef commandLine;
    final FieldDef reqCommand;
    final FieldDef reqParameter;
    final FieldDef response;
    final FieldDef responseCode;
    final FieldDef rspParameter;
    final FieldDef username;
    final FieldDef password;
    final FieldDef usernamePassword;
    final FieldDef eom;
    final FieldDef dataFragments;
    final FieldDef dataFragment;
    final FieldDef dataFragmentCount;
    final FieldDef dataReassembledIn;
    final FieldDef dataReassembledLength;
    final Expert.Def base64Decode;
    final Expert.Def responseCodeUnexpected;
    // ---- our own ----
    final FieldDef verb;
    final FieldDef ownCommandLine;
    final FieldDef mailFrom;
    final FieldDef rcptTo;
    final FieldDef esmtpParameter;
    final FieldDef enhancedStatus;
    final FieldDef authMechanism;
    final FieldDef authAuthzid;
    final FieldDef authUsername;
    final FieldDef authPassword;
    final FieldDef bdatSize;
    final FieldDef bdatLast;
    final FieldDef bdatOctets;
    final FieldDef transaction;
    final FieldDef responseTo;
    final FieldDef responseTime;
    final Expert.Def bdatChunkEnd;
    final Expert.Def starttlsRefused;
    final Expert.Def limitReached;
    final Expert.Def starttlsInjection;
    final Expert.Def unknownCommand;

    SmtpFields(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Simple Mail Transfer Protocol", "SMTP", "smtp");
        req = f.field(proto, "smtp.req", "Request", FieldType.FT_BOOLEAN).register();
        rsp = f.field(proto, "smtp.rsp", "Response", FieldType.FT_BOOLEAN).register();
        message = f.field(proto, "smtp.message", "Message", FieldType.FT_STRING).register();
        commandLine = f.field(proto, "smtp.command_line", "Command Line", FieldType.FT_STRING).register();
        reqCommand = f.field(proto, "smtp.req.command", "Command", FieldType.FT_STRING).register();
        reqParameter = f.field(proto, "smtp.req.parameter", "Request parameter", FieldType.FT_STRING).register();
        response = f.field(proto, "smtp.response", "Response", FieldType.FT_STRING).register();
        responseCode = f.field(proto, "smtp.response.code", "Response code", FieldType.FT_UINT32)
                .values(responseCodes()).register();
        rspParameter = f.field(proto, "smtp.rsp.parameter", "Response parameter", FieldType.FT_STRING).register();
        username = f.field(proto, "smtp.auth.username", "Username", FieldType.FT_STRING).register();
        password = f.field(proto, "smtp.auth.password", "Password", FieldType.FT_STRING).register();
        usernamePassword = f.field(proto, "smtp.auth.username_password", "Username/Password", FieldType.FT_STRING).register();
        eom = f.field(proto, "smtp.eom", "EOM", FieldType.FT_NONE).register();
        dataFragments = f.field(proto, "smtp.data.fragments", "DATA fragments", FieldType.FT_NONE)
                .blurb("Message fragments").register();
        dataFragment = f.field(proto, "smtp.data.fragment", "DATA fragment", FieldType.FT_FRAMENUM)
                .blurb("Message fragment").register();
        f.field(proto, "smtp.data.fragment.overlap", "DATA fragment overlap", FieldType.FT_BOOLEAN)
                .blurb("Message fragment overlap").register();
        f.field(proto, "smtp.data.fragment.overlap.conflicts", "DATA fragment overlapping with conflicting data",
                FieldType.FT_BOOLEAN).blurb("Message fragment overlapping with conflicting data").register();
        f.field(proto, "smtp.data.fragment.multiple_tails", "DATA has multiple tail fragments", FieldType.FT_BOOLEAN)
                .blurb("Message has multiple tail fragments").register();
        f.field(proto, "smtp.data.fragment.too_long_fragment", "DATA fragment too long", FieldType.FT_BOOLEAN)
                .blurb("Message fragment too long").register();
        f.field(proto, "smtp.data.fragment.error", "DATA defragmentation error", FieldType.FT_FRAMENUM)
                .blurb("Message defragmentation error").register();
        dataFragmentCount = f.field(proto, "smtp.data.fragment.count", "DATA fragment count", FieldType.FT_UINT32).register();
        dataReassembledIn = f.field(proto, "smtp.data.reassembled.in", "Reassembled DATA in frame", FieldType.FT_FRAMENUM)
                .blurb("This DATA fragment is reassembled in this frame").register();
        dataReassembledLength = f.field(proto, "smtp.data.reassembled.length", "Reassembled DATA length", FieldType.FT_UINT32)
                .blurb("The total length of the reassembled payload").register();
        base64Decode = registry.expert(proto, "smtp.base64_decode",
                "base64 decode failed or is not enabled (check SMTP preferences)", Expert.Severity.WARNING, Expert.Group.PROTOCOL);
        responseCodeUnexpected = registry.expert(proto, "smtp.response.code.unexpected",
                "Unexpected response code in multiline response", Expert.Severity.WARNING, Expert.Group.PROTOCOL);

        verb = own(f, "verb", "Command verb", FieldType.FT_STRING,
                "The whole command verb in upper case, for lines the RFC 5321 verb table recognises");
        ownCommandLine = own(f, "command_line", "Command line",
                FieldType.FT_STRING, "A command line as the session really carries it (also where tshark sees message data)");
        mailFrom = own(f, "mail.from", "Reverse-path", FieldType.FT_STRING, "MAIL FROM address without angle brackets");
        rcptTo = own(f, "rcpt.to", "Forward-path", FieldType.FT_STRING, "RCPT TO address without angle brackets");
        esmtpParameter = own(f, "esmtp.parameter", "ESMTP parameter", FieldType.FT_STRING,
                "MAIL/RCPT parameter keyword[=value] (RFC 5321 4.1.2)");
        enhancedStatus = own(f, "status", "Enhanced status code", FieldType.FT_STRING,
                "RFC 3463 class.subject.detail of a reply line");
        authMechanism = own(f, "auth.mechanism", "SASL mechanism", FieldType.FT_STRING, "AUTH mechanism name");
        authAuthzid = own(f, "auth.authzid", "Authorization identity", FieldType.FT_STRING,
                "AUTH PLAIN authorization identity, decoded");
        authUsername = own(f, "auth.username", "Username (decoded)", FieldType.FT_STRING,
                "AUTH PLAIN/LOGIN username, always base64-decoded");
        authPassword = own(f, "auth.password", "Password (decoded)", FieldType.FT_STRING,
                "AUTH PLAIN/LOGIN password, always base64-decoded");
        bdatSize = own(f, "bdat.size", "BDAT chunk size", FieldType.FT_UINT32, "Octets announced by BDAT");
        bdatLast = own(f, "bdat.last", "BDAT LAST", FieldType.FT_BOOLEAN, "The chunk is the message's last");
        bdatOctets = own(f, "bdat.octets", "BDAT chunk octets in this segment", FieldType.FT_UINT32,
                "Exact count of chunk octets carried by this segment");
        transaction = own(f, "transaction", "Mail transaction", FieldType.FT_UINT32,
                "Index (from 1) of the mail transaction in this session");
        responseTo = own(f, "response_to", "Response to frame", FieldType.FT_FRAMENUM,
                "The frame whose command this reply answers");
        responseTime = own(f, "response_time", "Response time", FieldType.FT_RELATIVE_TIME,
                "Time between the command and its reply");
        bdatChunkEnd = registry.expert(proto, "smtp.x.bdat.chunk_end",
                "BDAT chunk ends inside this segment; the bytes after it are commands", Expert.Severity.NOTE,
                Expert.Group.PROTOCOL);
        starttlsRefused = registry.expert(proto, "smtp.x.starttls.refused",
                "STARTTLS refused by the server; the session stays in clear text", Expert.Severity.WARNING,
                Expert.Group.SECURITY);
        starttlsInjection = registry.expert(proto, "smtp.x.starttls.injected",
                "Clear-text bytes after the 220 reply to STARTTLS (command injection, CVE-2021-22947 pattern)",
                Expert.Severity.ERROR, Expert.Group.SECURITY);
        limitReached = registry.expert(proto, "smtp.x.limit_reached",
                "Memory cap reached (smtp.jdissect.*): part of the session is not kept", Expert.Severity.WARNING,
                Expert.Group.REASSEMBLE);
        unknownCommand = registry.expert(proto, "smtp.x.unknown_command",
                "Line shown as a command by tshark but not an SMTP verb", Expert.Severity.NOTE, Expert.Group.PROTOCOL);
    }

    private FieldDef own(FieldRegistry f, String name, String label, FieldType type, String blurb) {
        return f.field(proto, OWN_PREFIX + name, label, type).blurb(blurb).register();
    }

    /** tshark's response_codes_vs (RFC 2821 texts), as {@code tshark -G values} lists them. */
    private static Map<Long, String> responseCodes() {
        Map<Long, String> m = new LinkedHashMap<>();
        Object[] v = {
            211, "System status, or system help reply", 214, "Help message", 220, "<domain> Service ready",
            221, "<domain> Service closing transmission channel", 235, "Authentication successful",
            250, "Requested mail action okay, completed", 251, "User not local; will forward to <forward-path>",
            252, "Cannot VRFY user, but will accept message and attempt delivery", 334, "AUTH input",
            354, "Start mail input; end with <CRLF>.<CRLF>",
            421, "<domain> Service not available, closing transmission channel",
            432, "A password transition is needed", 450, "Requested mail action not taken: mailbox unavailable",
            451, "Requested action aborted: local error in processing",
            452, "Requested action not taken: insufficient system storage", 454, "Temporary authentication failed",
            500, "Syntax error, command unrecognized", 501, "Syntax error in parameters or arguments",
            502, "Command not implemented", 503, "Bad sequence of commands", 504, "Command parameter not implemented",
            530, "Authentication required", 534, "Authentication mechanism is too weak",
            535, "Authentication credentials invalid", 538, "Encryption required for requested authentication mechanism",
            550, "Requested action not taken: mailbox unavailable", 551, "User not local; please try <forward-path>",
            552, "Requested mail action aborted: exceeded storage allocation",
            553, "Requested action not taken: mailbox name not allowed", 554, "Transaction failed",
        };
        for (int i = 0; i < v.length; i += 2) {
            m.put(((Integer) v[i]).longValue(), (String) v[i + 1]);
        }
        return m;
    }
}
