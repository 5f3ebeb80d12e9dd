import { Confidentiality, DocumentCategory } from '@dossier/domain';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { refusedOperation } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { type FileDocumentInput, fileDocument, MAX_DOCUMENT_BYTES } from './document.service.js';
import { sendApiError, sendUnauthenticated } from './document-http.js';

/** Room for the form's boundaries and text fields around the file, when the client declares a length. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

interface Upload {
  fields: Record<string, string>;
  file: { bytes: Buffer; fileName: string; mediaType: string };
}

/** The file went past the limit while it was streaming in: answered 413, nothing kept. */
class UploadTooLarge extends Error {}

const tooLarge = () =>
  new GraphQLError('file must be at most 25 MB', { extensions: { code: 'BAD_USER_INPUT', field: 'file' } });

const unreadable = () => badInput('file', 'is not in a readable multipart form');

/** The service's input fields whose form field has another name; the rest lose their `input.` prefix. */
const FORM_FIELD: Record<string, string> = {
  content: 'file',
  fileName: 'file',
  mediaType: 'file',
  confidentiality: 'level',
  retainUntil: 'retentionUntil',
};

/**
 * Reads the multipart form as it streams in: text fields, and one file named `file`, buffered only up to
 * the 25 MB limit, at which reading stops and the rest of the body is discarded unread.
 */
function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 20, fieldSize: 1000, parts: 21 },
      });
    } catch {
      // busboy throws as it is built when the content type has no boundary or cannot be parsed.
      req.resume();
      reject(
        badInput('file', 'is not in a readable multipart form: the content type needs a valid boundary'),
      );
      return;
    }
    const fields: Record<string, string> = {};
    let file: Upload['file'] | null = null;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(badInput(name, 'is too long'));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        fail(badInput(name, 'is not expected: send the document as the one file named "file"'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new UploadTooLarge()));
      // A form that ends inside the file fails the file's stream too: unheard, that error ends the process.
      stream.on('error', () => fail(unreadable()));
      stream.on('end', () => {
        file = { bytes: Buffer.concat(chunks), fileName: info.filename, mediaType: info.mimeType };
      });
    });
    const tooMany = () => fail(badInput('file', 'must be one file with at most 20 fields'));
    parser.on('filesLimit', tooMany);
    parser.on('fieldsLimit', tooMany);
    parser.on('partsLimit', tooMany);
    parser.on('error', () => fail(unreadable()));
    parser.on('close', () => {
      if (failed) return;
      if (file) resolve({ fields, file });
      else reject(badInput('file', 'must be given'));
    });
    req.pipe(parser);
  });
}

function oneOf<E extends string>(values: Record<string, E>, field: string, value: string | undefined): E {
  const found = Object.values(values).find((candidate) => candidate === value);
  if (!found) throw badInput(field, `must be one of ${Object.values(values).join(', ')}`);
  return found;
}

function inputOf(ctx: Context, { fields, file }: Upload): FileDocumentInput {
  const years = fields.retentionYears;
  if (years !== undefined && !/^\d{1,3}$/.test(years))
    throw badInput('retentionYears', 'must be a whole number');
  return {
    customerId: fields.customerId || null,
    projectId: fields.projectId || null,
    title: fields.title ?? '',
    category: oneOf(DocumentCategory, 'category', fields.category),
    confidentiality: oneOf(Confidentiality, 'level', fields.level),
    documentDate: fields.documentDate || ctx.clock.today(),
    retentionYears: years === undefined ? null : Number(years),
    retainUntil: fields.retentionUntil || null,
    fileName: file.fileName,
    mediaType: file.mediaType,
  };
}

/** A refusal from the service, its field renamed to the form's. */
function asFormError(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const input = /^input\.(.+)$/.exec(String(error.extensions.field))?.[1];
  if (!input) return error;
  const field = FORM_FIELD[input] ?? input;
  return new GraphQLError(error.message.replace(/^input\.\S+/, field), {
    extensions: { ...error.extensions, field },
  });
}

/**
 * `POST /documents`: files a document from a multipart form (customerId or projectId, title, category,
 * level, documentDate, retentionYears or retentionUntil, and the file), signed in as /graphql is. Answers
 * 201 `{ id }`, or the API's error codes as JSON: 413 past 25 MB, 403 for a read-only API token.
 */
export function uploadDocument(contextOf: (req: Request, res: Response) => Promise<Context>) {
  return async (req: Request, res: Response) => {
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.viewer) return sendUnauthenticated(res);
      const refused = refusedOperation(ctx, OperationTypeNode.MUTATION);
      if (refused) throw refused;
      if (!req.is('multipart/form-data')) {
        sendApiError(res, badInput('file', 'must be sent as multipart/form-data'), 415);
        return;
      }
      if (Number(req.headers['content-length']) > MAX_DOCUMENT_BYTES + FORM_OVERHEAD_BYTES) {
        throw new UploadTooLarge();
      }
      const upload = await readUpload(req);
      const document = await fileDocument(ctx, inputOf(ctx, upload), upload.file.bytes);
      res.status(201).json({ id: document.globalId });
    } catch (error) {
      if (error instanceof UploadTooLarge) {
        // The client may still be sending: close the connection after the answer instead of reading on.
        res.set('Connection', 'close');
        sendApiError(res, tooLarge(), 413);
        return;
      }
      if (!sendApiError(res, asFormError(error))) throw error;
    }
  };
}
