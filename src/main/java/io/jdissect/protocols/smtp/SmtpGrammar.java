package io.jdissect.protocols.smtp;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;

import java.util.ArrayList;
import java.util.List;

/** Runs the ANTLR grammar (grammars/antlr/.../SmtpLexer.g4, SmtpParser.g4) on one line, collecting syntax errors. */
final class SmtpGrammar {
    private SmtpGrammar() {
    }

    /** A parse tree and the syntax errors met on the way (empty when the line fits the grammar). */
    record Result<T>(T tree, List<String> errors) {
    }

    private static final class Errors extends BaseErrorListener {
        final List<String> messages = new ArrayList<>(1);

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg, RecognitionException e) {
            if (messages.size() < 4) {
                messages.add("column " + col + ": " + msg);
            }
        }
    }

    private static SmtpParser parser(String text, int mode, Errors errors) {
        SmtpLexer lexer = new SmtpLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        lexer.mode(mode);
        SmtpParser parser = new SmtpParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        return parser;
    }

    static Result<SmtpParser.CommandLineContext> command(String line) {
        Errors errors = new Errors();
        SmtpParser.CommandLineContext tree = parser(line, SmtpLexer.DEFAULT_MODE, errors).commandLine();
        return new Result<>(tree, errors.messages);
    }

    static Result<SmtpParser.ReplyLineContext> reply(String line) {
        Errors errors = new Errors();
        SmtpParser.ReplyLineContext tree = parser(line, SmtpLexer.REPLY, errors).replyLine();
        return new Result<>(tree, errors.messages);
    }
}
