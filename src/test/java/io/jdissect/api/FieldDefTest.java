package io.jdissect.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which fields are jdissect's own ({@code <protocol>.x} and below), the ones --tshark-only leaves out. */
class FieldDefTest {
    @Test
    void ownFieldsAreTheProtocolsXAndWhatIsBelowIt() {
        FieldRegistry fields = new FieldRegistry();
        ProtocolDef imf = fields.protocol("Internet Message Format", "IMF", "imf");
        assertTrue(fields.field(imf, "imf.x", "jdissect", FieldType.FT_NONE).register().isOwn());
        assertTrue(fields.field(imf, "imf.x.subject", "Subject", FieldType.FT_STRING).register().isOwn());
        assertTrue(fields.field(imf, "imf.x.from.address", "Address", FieldType.FT_STRING).register().isOwn());
        assertFalse(fields.field(imf, "imf.subject", "Subject", FieldType.FT_STRING).register().isOwn());
        assertFalse(fields.field(imf, "imf.xmailer", "X-Mailer", FieldType.FT_STRING).register().isOwn());
        assertFalse(fields.field(imf, "imf.x_mailer", "X-Mailer", FieldType.FT_STRING).register().isOwn());
        assertFalse(imf.field().isOwn());
    }
}
