import type { ContentAction } from '@dossier/domain';
import { type Request, type Response, Router } from 'express';
import type { Context } from '../../core/context.js';
import { ContentCorruptError } from './document.content.js';
import { documentContent } from './document.service.js';
import { sendApiError, sendUnauthenticated } from './document-http.js';
import { uploadDocument } from './document-upload.route.js';

/** RFC 6266 with the RFC 8187 form, so a Chinese file name survives every browser. */
function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename*=UTF-8''${encoded}`;
}

/**
 * The document routes outside GraphQL, signed in as /graphql is (cookie or bearer), refusals answered with
 * the API's error codes as JSON: `POST /documents` files an upload (document-upload.route.ts);
 * `GET /documents/:id/content` views a document in place, and `?download` asks for a copy to take away,
 * which the levels allow only on a loan (never for SECRET or TOP_SECRET).
 */
export function documentRoutes(contextOf: (req: Request, res: Response) => Promise<Context>): Router {
  const router = Router();
  router.post('/documents', uploadDocument(contextOf));
  router.get('/documents/:id/content', async (req, res) => {
    const action: ContentAction = req.query.download === undefined ? 'VIEW' : 'DOWNLOAD';
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.viewer) return sendUnauthenticated(res);
      const content = await documentContent(ctx, String(req.params.id), action);
      res
        .set({
          'Content-Type': content.mediaType,
          'Content-Disposition': contentDisposition(content.disposition, content.fileName),
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        .send(content.bytes);
    } catch (error) {
      if (sendApiError(res, error)) return;
      if (error instanceof ContentCorruptError) {
        res
          .status(500)
          .json({ errors: [{ message: 'The document is damaged; the archivist has been told' }] });
      } else {
        throw error;
      }
    }
  });
  return router;
}
