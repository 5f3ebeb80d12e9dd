import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The server's limit (POST /documents answers 413 past it): checked here first, before 25 MB travel. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/**
 * Sends the upload form to `POST /documents` with the session cookie. Resolves with the new document's
 * id; rejects with the server's errors as Apollo's CombinedGraphQLErrors (so `fieldErrors` and
 * `ErrorMessage` read them as any mutation's), or a TypeError when the connection failed.
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadDocument(form: FormData, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/documents');
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new TypeError('Failed to fetch'));
    request.onload = () => {
      let body: { id?: unknown; errors?: unknown } | null = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not the API's JSON: a proxy answered for a server that is down.
      }
      if (request.status === 201 && typeof body?.id === 'string') resolve(body.id);
      else if (Array.isArray(body?.errors)) reject(new CombinedGraphQLErrors({ errors: body.errors }));
      else reject(new TypeError(`Upload failed with HTTP ${request.status}`));
    };
    request.send(form);
  });
}
