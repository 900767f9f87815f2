package io.jdissect.capture;

import io.jdissect.protocols.frame.LinkTypes;

/**
 * Refuses link types jdissect has no encapsulation for, as tshark refuses those wiretap does not
 * know ("network type N unknown or unsupported").
 */
final class LinkTypeCheck {
    private LinkTypeCheck() {
    }

    static void requireKnown(String file, long offset, int linkType) throws CaptureException {
        if (LinkTypes.encapOf(linkType) == null) {
            throw new CaptureException(file, offset, "contains record data that jdissect doesn't support: network type "
                    + linkType + " unknown or unsupported");
        }
    }
}
