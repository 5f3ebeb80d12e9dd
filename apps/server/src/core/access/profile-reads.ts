import type { ApolloServerPlugin } from '@apollo/server';
import { AuditEvent } from '@dossier/domain';
import { auditAll } from '../../modules/audit/audit.writer.js';
import type { Context } from '../context.js';
import type { LoaderFactory } from '../loaders.js';

/**
 * The key persons whose personal data a request's response carries, each once however many fields or paths
 * showed it: the audit log records them all in one statement when the response goes out.
 */
export class ProfileReads {
  private readonly shown = new Map<string, string>();

  /** The response shows personal data of key person `keyPersonId` of customer `customerId`. */
  note(keyPersonId: string, customerId: string): void {
    this.shown.set(keyPersonId, customerId);
  }

  async flush(ctx: Context): Promise<void> {
    const viewer = ctx.viewer;
    if (!viewer || this.shown.size === 0) return;
    const records = [...this.shown].map(([keyPersonId, customerId]) => ({
      event: AuditEvent.PROFILE_READ,
      actorId: viewer.id,
      address: ctx.address,
      detail: { keyPersonId, customerId },
    }));
    this.shown.clear();
    await auditAll(ctx.em, records);
  }
}

export const profileReads: LoaderFactory<ProfileReads> = () => new ProfileReads();

/** Writes the request's profile reads to the audit log as its response goes out. */
export function profileReadAudit(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          await contextValue.loaders.get(profileReads).flush(contextValue);
        },
      };
    },
  };
}
