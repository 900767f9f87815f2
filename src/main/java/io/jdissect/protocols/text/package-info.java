/** Line-based text media ({@code data-text-lines}) and Wireshark's {@code format_text} rendering. */
package io.jdissect.protocols.text;
