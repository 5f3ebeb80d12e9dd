/**
 * Which characters a text field may hold. PostgreSQL cannot store U+0000 at all (it ends the statement with
 * "invalid message format"); the other control characters, unpaired surrogates and the two non-characters
 * are never typed by a person, only produced by broken encoders or attacks, and would make exports and
 * spreadsheets misbehave. Tab, line feed and carriage return stay: notes and addresses span lines.
 */
export interface UnstorableCharacter {
  /** Index in UTF-16 code units, as JavaScript counts. */
  index: number;
  /** `U+0000` style, for messages. */
  codePoint: string;
}

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

function isUnstorable(code: number): boolean {
  if (code < 0x20) return !ALLOWED_CONTROLS.has(code);
  if (code >= 0x7f && code <= 0x9f) return true;
  return code === 0xfffe || code === 0xffff;
}

const codePointLabel = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` no field may hold, or null when the text is clean. */
export function findUnstorableCharacter(text: string): UnstorableCharacter | null {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      // A high surrogate followed by a low one is one astral character (emoji, rare CJK): fine.
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
      return { index, codePoint: codePointLabel(code) };
    }
    if ((code >= 0xdc00 && code <= 0xdfff) || isUnstorable(code))
      return { index, codePoint: codePointLabel(code) };
  }
  return null;
}

/** The message both the API and the importer give, after the field's name. */
export const unstorableCharacterProblem = ({ codePoint, index }: UnstorableCharacter) =>
  `contains a control character (${codePoint} at position ${index + 1}) that text cannot hold`;
