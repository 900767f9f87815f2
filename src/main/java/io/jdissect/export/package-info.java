/**
 * Export of objects found in captures ({@code --export-objects PROTOCOL,DIR}): {@link
 * io.jdissect.export.ExportObjects} for {@code imf} (tshark-identical), {@code eml} and {@code attachments}.
 */
package io.jdissect.export;
