/**
 * Strict UTF-8 for the hosts (command line and editor; the core has no TextDecoder):
 * bytes that are not UTF-8 are reported, never silently replaced.
 */

/**
 * Decode UTF-8 strictly. Invalid bytes are not silently replaced: the answer says where
 * the first one is (as an offset into the text decoded with replacement characters), so
 * it can be reported as a finding at its line and column.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalidAt?: number } {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    return { text, invalidAt: firstReplacementFromInvalidBytes(text, bytes) };
  }
}

/** The first U+FFFD in `text` that stands for invalid bytes rather than an encoded U+FFFD. */
function firstReplacementFromInvalidBytes(text: string, bytes: Uint8Array): number {
  let byte = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // the BOM the decoder dropped
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) return i;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (code >= 0x10000) i++;
  }
  return 0;
}
