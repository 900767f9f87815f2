package io.jdissect.bench.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SMTP session (RFC 5321) between a relaying client and an MX, as a state machine: greeting
 * (sometimes multi-line), EHLO with its multi-line capability reply (or HELO), one to three mail
 * transactions — MAIL FROM with SIZE, one to five RCPT TO of which some are rejected, DATA with a
 * message of 1 KB to 1 MB, or RSET when no recipient was accepted — then QUIT, and the server closes.
 * Clients that see PIPELINING send MAIL and the RCPTs in one segment half of the time (RFC 2920).
 */
final class SmtpDialogue implements Dialogue {
    private enum Stage { CONNECT, GREETING, HELLO, TRANSACTIONS, QUIT, CLOSE, DONE }

    private final Corpus corpus;
    private final Host client;
    private final String serverName;
    private final boolean extended;
    private final boolean pipelining;
    private Stage stage = Stage.CONNECT;
    private int transactions;
    /** The size of every message, or 0 for sizes drawn between 1 KB and 1 MB. */
    private int messageSize;
    private double rejectionRate = 0.2;

    SmtpDialogue(Corpus corpus, Host client, Host server) {
        this.corpus = corpus;
        this.client = client;
        this.serverName = server.name;
        this.extended = corpus.chance(0.95);
        this.pipelining = extended && corpus.chance(0.5);
        this.transactions = corpus.chance(0.7) ? 1 : 2 + corpus.random().nextInt(2);
    }

    /**
     * This many transactions, each with a message of {@code size} bytes and no rejected recipient,
     * so that every one has a DATA phase (for the JMH samples).
     */
    SmtpDialogue fixed(int count, int size) {
        transactions = count;
        messageSize = size;
        rejectionRate = 0;
        return this;
    }

    @Override
    public boolean isSmtp() {
        return true;
    }

    @Override
    public boolean next(TcpFlow flow, long epochSeconds) {
        switch (stage) {
            case CONNECT -> {
                flow.open();
                stage = Stage.GREETING;
            }
            case GREETING -> {
                server(flow, corpus.chance(0.2)
                        ? "220-" + serverName + " ESMTP Postfix (Debian/GNU)\r\n220-Unsolicited bulk mail is refused here\r\n220 "
                                + serverName + " ready\r\n"
                        : "220 " + serverName + " ESMTP Postfix (Debian/GNU)\r\n");
                stage = Stage.HELLO;
            }
            case HELLO -> {
                if (extended) {
                    client(flow, "EHLO " + client.name + "\r\n");
                    server(flow, "250-" + serverName + "\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-VRFY\r\n250-ETRN\r\n"
                            + "250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250 SMTPUTF8\r\n");
                } else {
                    client(flow, "HELO " + client.name + "\r\n");
                    server(flow, "250 " + serverName + "\r\n");
                }
                stage = Stage.TRANSACTIONS;
            }
            case TRANSACTIONS -> {
                transaction(flow, epochSeconds);
                if (--transactions == 0) {
                    stage = Stage.QUIT;
                }
            }
            case QUIT -> {
                client(flow, "QUIT\r\n");
                server(flow, "221 2.0.0 Bye\r\n");
                stage = Stage.CLOSE;
            }
            case CLOSE -> {
                flow.close(false);
                stage = Stage.DONE;
            }
            case DONE -> {
                return false;
            }
        }
        return true;
    }

    private void transaction(TcpFlow flow, long epochSeconds) {
        String from = corpus.firstName() + "." + corpus.lastName() + "@" + corpus.domain();
        List<String> recipients = new ArrayList<>();
        int count = 1 + Math.min(4, (int) (-Math.log(1 - corpus.random().nextDouble()) * 1.2));
        for (int i = 0; i < count; i++) {
            recipients.add(corpus.firstName() + (corpus.chance(0.5) ? "." + corpus.lastName() : "") + "@" + corpus.domain());
        }
        StringBuilder commands = new StringBuilder();
        StringBuilder replies = new StringBuilder();
        byte[] message = MailMessage.compose(corpus, from, recipients, epochSeconds, client, 
                messageSize > 0 ? messageSize : corpus.logUniform(1024, 1 << 20));
        String mail = "MAIL FROM:<" + from + ">" + (extended ? " SIZE=" + message.length : "")
                + (extended && corpus.chance(0.3) ? " BODY=8BITMIME" : "") + "\r\n";
        exchange(flow, commands, replies, mail, "250 2.1.0 Ok\r\n");
        int accepted = 0;
        for (String rcpt : recipients) {
            boolean reject = corpus.chance(rejectionRate);
            accepted += reject ? 0 : 1;
            exchange(flow, commands, replies, "RCPT TO:<" + rcpt + ">\r\n", reject
                    ? "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown in virtual mailbox table\r\n"
                    : "250 2.1.5 Ok\r\n");
        }
        if (pipelining) {
            client(flow, commands.toString());
            server(flow, replies.toString());
        }
        if (accepted == 0) {
            client(flow, "RSET\r\n");
            server(flow, "250 2.0.0 Ok\r\n");
            return;
        }
        client(flow, "DATA\r\n");
        server(flow, "354 End data with <CR><LF>.<CR><LF>\r\n");
        byte[] data = new byte[message.length + 3];
        System.arraycopy(message, 0, data, 0, message.length);
        data[message.length] = '.';
        data[message.length + 1] = '\r';
        data[message.length + 2] = '\n';
        flow.send(true, data);
        server(flow, "250 2.0.0 Ok: queued as " + corpus.hex(10).toUpperCase(Locale.ROOT) + "\r\n");
    }

    /** A command and its reply: sent now, or gathered for one pipelined group. */
    private void exchange(TcpFlow flow, StringBuilder commands, StringBuilder replies, String command, String reply) {
        if (pipelining) {
            commands.append(command);
            replies.append(reply);
        } else {
            client(flow, command);
            server(flow, reply);
        }
    }

    private static void client(TcpFlow flow, String text) {
        flow.send(true, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void server(TcpFlow flow, String text) {
        flow.send(false, text.getBytes(StandardCharsets.UTF_8));
    }
}
