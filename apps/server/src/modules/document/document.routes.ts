import type { ContentAction } from '@dossier/domain';
import { type Request, type Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Context } from '../../core/context.js';
import { ContentCorruptError } from './document.content.js';
import { documentContent } from './document.service.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
};

/** RFC 6266 with the RFC 8187 form, so a Chinese file name survives every browser. */
function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /documents/:id/content` views a document in place; `?download` asks for a copy to take away, which
 * the levels allow only on a loan (never for SECRET or TOP_SECRET). Signed in as /graphql is (cookie or
 * bearer); refusals answer with the API's error codes as JSON.
 */
export function documentRoutes(contextOf: (req: Request, res: Response) => Promise<Context>): Router {
  const router = Router();
  router.get('/documents/:id/content', async (req, res) => {
    const action: ContentAction = req.query.download === undefined ? 'VIEW' : 'DOWNLOAD';
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.viewer) {
        res
          .status(401)
          .json({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
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
      if (error instanceof GraphQLError) {
        const code = String(error.extensions.code);
        res
          .status(STATUS[code] ?? 400)
          .json({ errors: [{ message: error.message, extensions: error.extensions }] });
      } else if (error instanceof ContentCorruptError) {
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
