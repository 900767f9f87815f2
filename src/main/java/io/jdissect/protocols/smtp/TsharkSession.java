package io.jdissect.protocols.smtp;

/**
 * The per-conversation state of tshark 4.0's SMTP dissector, kept exactly as tshark keeps it
 * (smtp_session_state), quirks included: the frame classification and the tshark fields follow it.
 * jdissect's own, correct view of the session is {@link SmtpSession}.
 */
final class TsharkSession {
    enum State { START, READING_CMDS, READING_DATA, AWAITING_STARTTLS_RESPONSE }

    enum Auth {
        NONE, START, USERNAME_REQ, USERNAME_RSP, PASSWORD_REQ, PASSWORD_RSP, PLAIN_START_REQ, PLAIN_CRED_REQ,
        PLAIN_REQ, PLAIN_RSP, NTLM_REQ, NTLM_CHALLENGE, NTLM_RSP, SUCCESS, FAILED
    }

    State state = State.START;
    Auth auth = Auth.NONE;
    long firstAuthFrame;
    long usernameFrame;
    long passwordFrame;
    long lastAuthFrame;
    String username;
    boolean crlfSeen;
    boolean dataSeen;
    /** BDAT octets read / announced so far: never reset in a session, as in tshark. */
    long msgReadLen;
    long msgTotLen;
    boolean msgLast = true;
    long usernameCmdFrame;
    long userPassCmdFrame;
    long userPassFrame;
    long ntlmReqFrame;
    long ntlmChallengeFrame;
    long ntlmRspFrame;
    /** Last frame before TLS (the one with the 220 reply to STARTTLS); 0 while clear text. */
    long lastNonTlsFrame;
    final DataReassembly reassembly;

    /** @param keep what DATA messages keep of their bytes */
    TsharkSession(SmtpLimits limits, DataReassembly.Keep keep, MessageChunks chunks) {
        reassembly = new DataReassembly(limits.maxMessageBytes(), keep, chunks);
    }

    boolean inAuthWindow(long frame) {
        return auth != Auth.NONE && frame >= firstAuthFrame && (lastAuthFrame == 0 || frame <= lastAuthFrame);
    }
}
