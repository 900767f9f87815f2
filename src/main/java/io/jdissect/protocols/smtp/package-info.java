/**
 * SMTP (RFC 5321 and extensions) as tshark 4.0 dissects it, plus jdissect's own view of each
 * session. Entry points for users: {@link io.jdissect.protocols.smtp.SmtpCommand#parse} and
 * {@link io.jdissect.protocols.smtp.SmtpReply#parse} (the ANTLR grammar under
 * {@code grammars/antlr/io/jdissect/protocols/smtp}), {@link io.jdissect.protocols.smtp.SmtpEvents#of}
 * (commands, request/response pairs, finished {@link io.jdissect.protocols.smtp.SmtpTransaction}s of a
 * packet) and {@link io.jdissect.protocols.smtp.SmtpCredentials#of} (for {@code -z credentials}).
 *
 * <p>Inside: {@code FrameClassifier}, {@code RequestTree}, {@code ReplyTree}, {@code AuthItems} and
 * {@code DataReassembly} reproduce packet-smtp.c's state machine and items over {@code TsharkSession};
 * {@code SmtpSession} and {@code OwnItems} give the RFC view and the {@code smtp.x.*} fields.
 */
package io.jdissect.protocols.smtp;
