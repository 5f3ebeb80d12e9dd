import { fileTypeFromBuffer } from 'file-type';

/** The legacy Office formats (Word 97, Excel 97, PowerPoint 97) are all Compound File Binary containers. */
const COMPOUND_FILE: ReadonlySet<string> = new Set([
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
]);

const TEXT: ReadonlySet<string> = new Set(['text/plain', 'text/csv']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes are what the uploader says they are, read from their signature (file-type), so an
 * executable renamed `.pdf` is refused. Text has no signature: it must be UTF-8 without NUL bytes.
 */
export async function contentMatchesType(bytes: Buffer, mediaType: string): Promise<boolean> {
  const detected = await fileTypeFromBuffer(bytes);
  if (TEXT.has(mediaType)) return detected === undefined && isText(bytes);
  if (COMPOUND_FILE.has(mediaType)) return detected?.mime === 'application/x-cfb';
  return detected?.mime === mediaType;
}
