import type { ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { tap } from 'rxjs';

const unmatched: string[] = [];

/**
 * A mock link whose unmatched operations fail the test that sent them (see `setup.ts`) instead of printing a
 * warning: a page asking for something its test did not mock is a test that no longer shows what the page does,
 * and warnings printed while a test file shut down crashed the CI run's worker.
 */
export class StrictMockLink extends MockLink {
  constructor(mocks: ReadonlyArray<MockLink.MockedResponse>) {
    super(mocks, { showWarnings: false });
  }

  override request(operation: ApolloLink.Operation) {
    return super.request(operation).pipe(
      tap({
        error: (error: Error) => {
          // MockLink's own wording for "no mock left for this operation and these variables".
          if (error.message.startsWith('No more mocked responses')) unmatched.push(describe(operation));
        },
      }),
    );
  }
}

function describe(operation: ApolloLink.Operation) {
  return `${operation.operationName ?? 'anonymous'} ${JSON.stringify(operation.variables)}`;
}

/** The operations no mock answered since the last call, emptied. */
export function takeUnmatchedOperations(): string[] {
  return unmatched.splice(0);
}
