/**
 * PostgreSQL reports an error position as a 1-based count of characters, not bytes
 * (ErrorResponse field 'P', protocol docs §55.8); psql draws its caret from it. JS
 * string offsets count UTF-16 code units, so a character outside the BMP counts
 * twice; convert to code points here.
 */
export function errorPosition(text: string, offset: number): number {
  let chars = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    chars++;
  }
  return chars + 1;
}
