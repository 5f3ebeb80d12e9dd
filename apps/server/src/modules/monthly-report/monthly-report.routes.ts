import { type Request, type Response, Router } from 'express';
import type { Context } from '../../core/context.js';
import { isUuid } from '../../core/graphql/global-id.js';
import { sendApiError, sendUnauthenticated } from '../document/document-http.js';
import type { ReportFigures } from './monthly-report.figures.js';
import { readableReports } from './monthly-report.query.js';
import { scopeName } from './monthly-report.text.js';

const MEDIA = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * `GET /monthly-reports/:id/pdf|xlsx`: a stored report's file, signed in as /graphql is (cookie or bearer),
 * to whoever may read the report (monthly-report.query.ts); anyone else gets the 404 of a report that
 * does not exist, a rep or an archivist the API's FORBIDDEN, as the document routes answer.
 */
export function monthlyReportRoutes(contextOf: (req: Request, res: Response) => Promise<Context>): Router {
  const router = Router();
  router.get('/monthly-reports/:id/:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'pdf' && format !== 'xlsx') return notFound(res);
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.viewer) return sendUnauthenticated(res);
      const scope = readableReports(ctx.viewer);
      if (!isUuid(req.params.id)) return notFound(res);
      const [row] = await ctx.em.execute<Array<{ file: Buffer; month: string; figures: ReportFigures }>>(
        `select ${format} as file, month, figures from monthly_report r where r.id = ? and ${scope.sql}`,
        [req.params.id, ...scope.bindings],
      );
      if (!row) return notFound(res);
      const fileName = `客户档案月度报告-${row.month}-${scopeName(row.figures)}.${format}`;
      // RFC 6266: an ASCII name for clients that do not read filename*, then the Chinese one (RFC 8187).
      const fallback = `monthly-report-${row.month}.${format}`;
      res
        .set({
          'Content-Type': MEDIA[format],
          'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        .send(row.file);
    } catch (error) {
      if (!sendApiError(res, error)) throw error;
    }
  });
  return router;
}

const notFound = (res: Response) =>
  res.status(404).json({ errors: [{ message: 'No such report', extensions: { code: 'NOT_FOUND' } }] });
