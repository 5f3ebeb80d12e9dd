import type { NextFunction, Request, Response } from 'express';

/** The web app's bundled GraphiQL: works on a network without the internet, unlike Apollo's explorer. */
const GRAPHIQL_PATH = '/graphiql';

/**
 * A person who opens /graphql in a browser is sent to GraphiQL. A GET that carries an operation
 * (`?query=`) is a client's request whatever it accepts, and is left to Apollo to execute as before.
 */
export function graphiqlForBrowsers() {
  return (req: Request, res: Response, next: NextFunction) => {
    const prefersHtml =
      req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
    if (req.method === 'GET' && prefersHtml && req.query.query === undefined) {
      return res.redirect(302, GRAPHIQL_PATH);
    }
    next();
  };
}
